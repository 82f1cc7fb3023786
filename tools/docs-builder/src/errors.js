// @ts-check
import { ToolError } from "@sdkit/cli-kit";

/**
 * A problem with the docs' inputs (spec, samples, templates) that the author has to fix. A
 * ToolError: the CLIs print only its message, without a stack trace, because the message already
 * says what and where.
 */
export class DocsBuildError extends ToolError {}
