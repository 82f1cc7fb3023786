// @ts-check
import { fileURLToPath } from "node:url";

export const benchDir = fileURLToPath(new URL("..", import.meta.url));
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const resultsJson = fileURLToPath(new URL("../results/latest.json", import.meta.url));
export const resultsMarkdown = fileURLToPath(new URL("../results/latest.md", import.meta.url));
export const budgetsJson = fileURLToPath(new URL("../budgets.json", import.meta.url));
/** `pnpm corpus` and `pnpm corpus --generate-only` results (tools/corpus), checked with the bench's budgets. */
export const corpusResultsJson = [
  fileURLToPath(new URL("../results/corpus.json", import.meta.url)),
  fileURLToPath(new URL("../results/corpus-generate.json", import.meta.url)),
];
