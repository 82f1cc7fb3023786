// @ts-check
import { fileURLToPath } from "node:url";

/** The real repository (read only in tests: anything that writes works on a tempRepo copy). */
export const REPO = fileURLToPath(new URL("../../../../", import.meta.url));
export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
