// @ts-check
// The docs site builder: `buildSite` writes the whole site; the rest are its parts, for a
// repository's own tests and tools.
export { compareVersionsDescending, readApiChangeReports } from "./api-changes.js";
export { buildSite, PACKAGE_DIR } from "./build-site.js";
export { changelogContent, changelogVersions, NO_API_CHANGE } from "./changelog.js";
export {
  buildDocsBundle,
  collectSamples,
  GENERATED_DIR,
  injectCodeSamples,
  readSampleFiles,
  readSpec,
  SAMPLE_LANGUAGES,
} from "./code-samples.js";
export { DocsBuildError } from "./errors.js";
export { llmsFullTxt, llmsTxt } from "./llms.js";
export { escapeHtml, renderMarkdown, slugify } from "./markdown.js";
export { assertNoExternalResources } from "./offline-check.js";
export { listOperations, operationsInDocumentOrder } from "./operations.js";
export { operationsMarkdown } from "./operations-markdown.js";
export {
  defaultQuickStart,
  guideContent,
  PAGES,
  quickStartContent,
  renderPage,
  renderSiteHeader,
  searchContent,
  toMarkdownLinks,
  topicsOf,
} from "./pages.js";
export { referenceIntro, referenceRoutes, referenceSpec, tagSlug } from "./reference-spec.js";
export { startStaticServer } from "./static-server.js";
export { cliPageMarkdown, mcpPageMarkdown, shellWord } from "./tool-pages.js";

/** @typedef {import("./build-site.js").BuildSiteOptions} BuildSiteOptions */
/** @typedef {import("./build-site.js").DocsClientInfo} DocsClientInfo */
/** @typedef {import("./static-server.js").StaticServer} StaticServer */
