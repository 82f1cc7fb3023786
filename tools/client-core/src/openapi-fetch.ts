import * as openapiFetch from "openapi-fetch";

type CreateClient = typeof openapiFetch.default;

// openapi-fetch has only a default export. The bundler compiles our CJS build with Node's ESM/CJS
// interop, where `default` is the whole `module.exports` of openapi-fetch's CJS build, not its
// `exports.default`; the ESM build gets the function itself. Accept both shapes, so `require()`
// of this package works (the smoke test in test/dist-smoke.test.ts guards it).
const exported = openapiFetch.default as CreateClient | { default: CreateClient };

export const createClient: CreateClient = typeof exported === "function" ? exported : exported.default;

export type { Client } from "openapi-fetch";
