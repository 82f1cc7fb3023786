import { afterEach, describe, expect, it, vi } from "vitest";
import { ANONYMOUS_PLACEHOLDER, CONTRACT_USERNAME, clientAuthOf, contractAuth, refusesAnonymous } from "../src/auth.js";
import { recordingFetch } from "../src/recording-fetch.js";
import { listOperations, type OpenApiDocument } from "../src/spec.js";

// The contract suite authenticates each operation as its own security says: one alternative, every
// scheme in it. Sending every scheme of the document on every request made Prism refuse operations
// that take other schemes, and the authentication suite expected 401 where anonymous calls are fine.
const schemes = {
  bearer: { type: "http", scheme: "bearer" },
  basic: { type: "http", scheme: "Basic" },
  digest: { type: "http", scheme: "digest" },
  header: { type: "apiKey", in: "header", name: "X-Api-Key" },
  query: { type: "apiKey", in: "query", name: "api_key" },
  cookie: { type: "apiKey", in: "cookie", name: "session" },
  oauth: { type: "oauth2", flows: {} },
  oidc: { type: "openIdConnect", openIdConnectUrl: "https://example.com/.well-known/openid-configuration" },
  aliased: { $ref: "#/components/securitySchemes/header" },
};

/** One operation, `GET /a`, with `security` only where given; the root's security as given. */
function document(rootSecurity: unknown[] | undefined, operationSecurity?: unknown[]) {
  return {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    ...(rootSecurity ? { security: rootSecurity } : {}),
    components: { securitySchemes: schemes },
    paths: {
      "/a": {
        get: { operationId: "a", responses: {}, ...(operationSecurity ? { security: operationSecurity } : {}) },
      },
    },
  } as unknown as OpenApiDocument;
}

/** contractAuth for the one operation, found as the suites find it (listOperations). */
function authOf(rootSecurity: unknown[] | undefined, operationSecurity?: unknown[], key = "k") {
  const spec = document(rootSecurity, operationSecurity);
  const [operation] = listOperations(spec);
  if (!operation) throw new Error("no operation listed");
  return contractAuth(spec, operation, key);
}

describe("contractAuth", () => {
  it("HTTP basic: a username, the key as password", () => {
    expect(authOf([{ basic: [] }])).toEqual({
      auth: [{ type: "basic", username: CONTRACT_USERNAME }],
      headers: ["authorization"],
      query: [],
    });
  });

  it("the root's security applies to an operation without its own; the operation's own replaces it", () => {
    expect(authOf([{ basic: [] }]).auth).toEqual([{ type: "basic", username: CONTRACT_USERNAME }]);
    expect(authOf([{ basic: [] }], [{ header: [] }])).toEqual({
      auth: [{ type: "apiKey", in: "header", name: "X-Api-Key" }],
      headers: ["x-api-key"],
      query: [],
    });
  });

  it("`security: []` on the operation: no credentials at all, even with a root security", () => {
    expect(authOf([{ basic: [] }], [])).toEqual({ auth: undefined, headers: [], query: [] });
  });

  it("an empty alternative `{}`, or no security anywhere: no credentials", () => {
    expect(authOf(undefined, [{ header: [] }, {}]).auth).toBeUndefined();
    expect(authOf(undefined).auth).toBeUndefined();
  });

  it("alternatives [{a}, {b, c}]: one alternative, the first, and only its scheme", () => {
    expect(authOf(undefined, [{ header: [] }, { query: [], bearer: [] }])).toEqual({
      auth: [{ type: "apiKey", in: "header", name: "X-Api-Key" }],
      headers: ["x-api-key"],
      query: [],
    });
  });

  it("an alternative naming two schemes sends both together", () => {
    expect(authOf(undefined, [{ digest: [] }, { query: [], bearer: [] }])).toEqual({
      auth: [{ type: "apiKey", in: "query", name: "api_key" }, { type: "bearer" }],
      headers: ["authorization"],
      query: ["api_key"],
    });
  });

  it("skips an alternative holding HTTP digest or an undeclared scheme for the next one", () => {
    expect(authOf(undefined, [{ digest: [] }, { basic: [] }]).auth).toEqual([
      { type: "basic", username: CONTRACT_USERNAME },
    ]);
    expect(authOf(undefined, [{ header: [], missing: [] }, { query: [] }]).auth).toEqual([
      { type: "apiKey", in: "query", name: "api_key" },
    ]);
  });

  it("skips an alternative whose schemes both need Authorization (bearer and basic)", () => {
    expect(authOf(undefined, [{ bearer: [], basic: [] }, { header: [] }]).headers).toEqual(["x-api-key"]);
  });

  it("an alternative the client cannot send at all leaves nothing to send", () => {
    expect(authOf(undefined, [{ digest: [] }])).toEqual({ auth: undefined, headers: [], query: [] });
  });

  it("API keys in a cookie (as the Cookie header, with the key) and in the query", () => {
    expect(authOf(undefined, [{ cookie: [], query: [] }], "secret")).toEqual({
      auth: [
        { type: "apiKey", in: "query", name: "api_key" },
        { type: "apiKey", in: "header", name: "Cookie", value: "session=secret" },
      ],
      headers: ["cookie"],
      query: ["api_key"],
    });
  });

  it("OAuth 2 and OpenID Connect as one bearer token; a $ref'd scheme is followed", () => {
    expect(authOf(undefined, [{ oauth: ["read"], oidc: [], bearer: [] }]).auth).toEqual([{ type: "bearer" }]);
    expect(authOf(undefined, [{ aliased: [] }]).auth).toEqual([{ type: "apiKey", in: "header", name: "X-Api-Key" }]);
  });
});

describe("refusesAnonymous", () => {
  it("true only where every alternative names a scheme", () => {
    const refuses = (root: unknown[] | undefined, own?: unknown[]) => {
      const spec = document(root, own);
      const [operation] = listOperations(spec);
      if (!operation) throw new Error("no operation listed");
      return refusesAnonymous(spec, operation);
    };
    expect(refuses([{ basic: [] }])).toBe(true);
    expect(refuses([{ basic: [] }], [{ digest: [] }, { header: [] }])).toBe(true);
    expect(refuses([{ basic: [] }], [])).toBe(false);
    expect(refuses(undefined, [{ header: [] }, {}])).toBe(false);
    expect(refuses(undefined)).toBe(false);
  });
});

describe("a request without credentials", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** What reaches the server of a request carrying `headers` and `?api_key=k&page=2`, through the recording fetch. */
  async function sent(credentials: ReturnType<typeof contractAuth>, drop: boolean, headers: Record<string, string>) {
    vi.stubGlobal("fetch", async () => new Response(null, { status: 204 }));
    const recorder = recordingFetch({ dropAuthorization: drop, dropCredentials: credentials });
    await recorder.fetch(new Request("http://127.0.0.1/a?api_key=k&page=2", { headers }));
    const exchange = recorder.last();
    return { headers: [...exchange.requestHeaders.keys()].sort(), url: exchange.url };
  }

  it("an anonymous operation's client gets a placeholder bearer that the fetch removes", async () => {
    const credentials = authOf([{ basic: [] }], []);
    const { auth, anonymous } = clientAuthOf(credentials);
    expect(anonymous).toBe(true);
    expect(auth).toEqual([{ type: "bearer", token: ANONYMOUS_PLACEHOLDER }]);
    const request = await sent(credentials, anonymous, {
      authorization: `Bearer ${ANONYMOUS_PLACEHOLDER}`,
      accept: "*/*",
    });
    expect(request.headers).toEqual(["accept"]);
  });

  it("the authentication suite's request loses the cookie and the query key, and keeps the rest", async () => {
    const credentials = authOf(undefined, [{ cookie: [], query: [] }]);
    expect(clientAuthOf(credentials).anonymous).toBe(false);
    const request = await sent(credentials, true, { cookie: "session=k", accept: "*/*" });
    expect(request.headers).toEqual(["accept"]);
    expect(request.url).toBe("http://127.0.0.1/a?page=2");
  });

  it("an authenticated request keeps its credentials", async () => {
    const request = await sent(authOf(undefined, [{ cookie: [], query: [] }]), false, { cookie: "session=k" });
    expect(request.headers).toEqual(["cookie"]);
    expect(request.url).toBe("http://127.0.0.1/a?api_key=k&page=2");
  });
});
