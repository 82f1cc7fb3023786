// generated from spec/dist/openapi.json by @sdkit/codegen, do not edit
import { contractGlobalSetup } from "@sdkit/contract/vitest";

// One Prism for the run: a mock of the bundled spec, or, with the provider variable set to a server's
// URL, a validating proxy in front of that server (its key read from the key variable, never printed).
export default contractGlobalSetup({
  specPath: new URL("../../../../spec/dist/openapi.json", import.meta.url),
  apiKeyEnv: "HATCH_API_KEY",
  providerUrlEnv: "HATCH_CONTRACT_BASE_URL",
});
