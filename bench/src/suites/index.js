// @ts-check
import { clientSuite } from "./client/index.js";
import { importSuite } from "./import.js";
import { pipelineSuite } from "./pipeline/index.js";
import { prismSuite } from "./prism.js";
import { scaffoldSuite } from "./scaffold/index.js";
import { scaleSuite } from "./scale/index.js";

/**
 * Every suite, in the order `pnpm bench` runs them. Each returns metrics whose ids start with its name.
 *
 * @type {Record<string, (options: { repoRoot: string, runs: number, log: (line: string) => void }) => Promise<Array<import("../metric.js").Metric>>>}
 */
export const suites = {
  pipeline: pipelineSuite,
  scale: scaleSuite,
  scaffold: scaffoldSuite,
  client: clientSuite,
  prism: prismSuite,
  import: importSuite,
};
