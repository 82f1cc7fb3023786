// @ts-check
import bundle from "./bundle.js";
import lint from "./lint.js";
import typecheck from "./typecheck.js";
import types from "./types.js";

/**
 * The stages in pipeline order. An SDK-generation stage (tools/codegen) goes between types and
 * typecheck once it exists.
 *
 * @type {import("../stage.js").ScaleStage[]}
 */
export const stages = [lint, bundle, types, typecheck];
