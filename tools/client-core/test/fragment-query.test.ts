import { describe, expect, test } from "vitest";
import { queryBeforeFragment } from "../src/fragment-query.ts";
import { createFragClient } from "./.generated/fragments/sdk/index.js";

describe("queryBeforeFragment", () => {
  test("moves a query openapi-fetch appended inside the fragment in front of it", () => {
    expect(queryBeforeFragment("https://h.test/#Action=AssumeRole?Version=2011-06-15&x=1")).toBe(
      "https://h.test/?Version=2011-06-15&x=1#Action=AssumeRole",
    );
  });

  test("joins it to a query already before the fragment with &", () => {
    expect(queryBeforeFragment("https://h.test/p?a=1#frag?b=2")).toBe("https://h.test/p?a=1&b=2#frag");
    expect(queryBeforeFragment("https://h.test/p?#frag?b=2")).toBe("https://h.test/p?b=2#frag");
  });

  test("drops an empty query left in the fragment", () => {
    expect(queryBeforeFragment("https://h.test/v1/x/export#type?")).toBe("https://h.test/v1/x/export#type");
  });

  test("leaves URLs without a fragment, or without a query in it, as they are", () => {
    for (const url of ["https://h.test/v1/a?b=1", "https://h.test/#X-Amz-Target=S.Op", "https://h.test/p?q=1#f"]) {
      expect(queryBeforeFragment(url)).toBe(url);
    }
  });
});

describe("a generated SDK calling operations keyed by fragment paths", () => {
  function recordingClient() {
    const urls: URL[] = [];
    const headers: Headers[] = [];
    const client = createFragClient({
      apiKey: "k-1",
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        urls.push(new URL(request.url));
        headers.push(request.headers);
        return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
      },
    });
    return { client, urls, headers };
  }

  test("the query parameters (the API key's too) go in the query, not in the fragment", async () => {
    const { client, urls } = recordingClient();
    await client.widgets.describe({ Action: "DescribeWidget", WidgetId: "w 1" });
    const [url] = urls;
    expect(url?.pathname).toBe("/");
    expect(url?.searchParams.get("Action")).toBe("DescribeWidget");
    expect(url?.searchParams.get("WidgetId")).toBe("w 1");
    expect(url?.searchParams.get("api_key")).toBe("k-1");
    expect(url?.hash).toBe("#Action=DescribeWidget");
  });

  test("a path parameter before the fragment is filled and the named query parameter is sent", async () => {
    const { client, urls } = recordingClient();
    await client.widgets.export("w-9", { type: "json" });
    expect(urls[0]?.pathname).toBe("/v1/widgets/w-9/export");
    expect(urls[0]?.searchParams.get("type")).toBe("json");
  });

  test("a header-keyed operation sends its header and its query", async () => {
    const { client, urls, headers } = recordingClient();
    await client.widgets.list({}, { headers: { "X-Amz-Target": "Widgets.ListWidgets" }, query: { MaxResults: "5" } });
    expect(urls[0]?.pathname).toBe("/");
    expect(urls[0]?.searchParams.get("MaxResults")).toBe("5");
    expect(headers[0]?.get("x-amz-target")).toBe("Widgets.ListWidgets");
  });
});
