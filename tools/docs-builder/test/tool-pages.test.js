// @ts-check
import { describe, expect, it } from "vitest";
import { cliPageMarkdown, mcpPageMarkdown, shellWord } from "../src/tool-pages.js";

/** @returns {import("@sdkit/codegen/sdk-config").SdkConfig} */
function config(extra = {}) {
  return {
    name: "acme",
    title: "Acme",
    scope: "@acme",
    packages: { types: "@acme/types", client: "@acme/client" },
    client: { factory: "createAcmeClient", type: "AcmeClient", variable: "acme" },
    env: { apiKey: "ACME_API_KEY", baseUrl: "ACME_BASE_URL", log: "ACME_LOG" },
    baseUrl: "https://api.acme.test",
    rateLimit: false,
    userAgent: "@acme/client",
    retry: { maxRetries: 1, timeoutMs: 5000 },
    security: ["key"],
    cli: { bin: "acme" },
    mcp: {},
    ...extra,
  };
}

/** A document of our own: a GET with a path parameter, a DELETE, a POST whose example has a quote, an upload. */
const spec = {
  openapi: "3.0.3",
  info: { title: "Acme", version: "1" },
  components: { securitySchemes: { key: { type: "http", scheme: "bearer" } } },
  paths: {
    "/notes/{noteId}": {
      get: {
        operationId: "getNote",
        tags: ["notes"],
        summary: "Get a note",
        parameters: [{ name: "noteId", in: "path", required: true, schema: { type: "string" }, example: "n 1" }],
        responses: { 200: { description: "ok" } },
      },
      delete: {
        operationId: "deleteNote",
        tags: ["notes"],
        parameters: [{ name: "noteId", in: "path", required: true, schema: { type: "string" } }],
        responses: { 204: { description: "gone" } },
      },
    },
    "/notes": {
      post: {
        operationId: "createNote",
        tags: ["notes"],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["text", "owner"],
                properties: {
                  text: { type: "string", description: "What it says | in full." },
                  owner: { type: "string" },
                  pinned: { type: "boolean" },
                },
              },
              example: { text: "it's done", owner: "ann", pinned: true },
            },
          },
        },
        responses: { 200: { description: "ok" } },
      },
    },
    "/files": {
      post: {
        operationId: "uploadFile",
        tags: ["files"],
        requestBody: { content: { "multipart/form-data": { schema: { type: "object" } } } },
        responses: { 200: { description: "ok" } },
      },
    },
  },
};

describe("the CLI page", () => {
  const page = cliPageMarkdown(spec, config());

  it("lists each command with its options and an example a shell takes back word for word", () => {
    expect(page).toContain("### `acme notes get`");
    expect(page).toContain("### `acme notes delete`");
    expect(page).toContain("### `acme notes create`");
    expect(page).toContain("acme notes get --noteId 'n 1'");
    // The example's fields, quoted as a shell needs.
    expect(page).toContain("acme notes create --text 'it'\\''s done' --owner ann --pinned true");
    expect(page).toContain("| `--text` | string | yes | What it says \\| in full. |");
    expect(page).toContain("| 2 | a bad command line");
    expect(page).toContain("export ACME_API_KEY=");
  });

  it("quotes only what a shell would split or expand", () => {
    expect(shellWord("custom:web")).toBe("custom:web");
    expect(shellWord("a b")).toBe("'a b'");
    expect(shellWord("$HOME")).toBe("'$HOME'");
    expect(shellWord(7)).toBe("7");
  });
});

describe("the MCP page", () => {
  it("shows the registration, each tool with its annotations and input, and what has no tool", () => {
    const page = mcpPageMarkdown(spec, config());
    const snippet = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(page)?.[1] ?? "null");
    expect(snippet.mcpServers.acme).toEqual({
      command: "npx",
      args: ["-y", "@acme/mcp"],
      env: { ACME_API_KEY: "<your API key>" },
    });
    expect(page).toContain("### `notes_get`");
    expect(page).toMatch(
      /### `notes_get`\n\nGet a note\. `GET \/notes\/\{noteId\}`[^\n]*\n\nAnnotations: read-only, idempotent\./,
    );
    expect(page).toMatch(/### `notes_delete`\n\n[^\n]*\n\nAnnotations: \*\*destructive\*\*, idempotent\./);
    expect(page).toContain("| `noteId` | path | string | yes |");
    expect(page).toContain("| `body.text` | body | string | yes | What it says \\| in full. |");
    expect(page).toContain("- `uploadFile`: its request body is multipart/form-data");
  });

  it("follows the config's selection, and an API without credentials has no key to set", () => {
    const page = mcpPageMarkdown(spec, config({ mcp: { include: { operationIds: ["getNote"] } }, security: [] }));
    expect(page).toContain("### `notes_get`");
    expect(page).not.toContain("notes_delete");
    expect(page).not.toContain("API_KEY");
  });
});
