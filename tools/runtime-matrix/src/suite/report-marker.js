// @ts-check
/** Prefix of the stdout line that carries a runtime's smoke report, so runtime noise cannot be mistaken for it. */
export const REPORT_MARKER = "HATCH_SMOKE_REPORT ";
