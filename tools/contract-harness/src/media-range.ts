/** A media type without its parameters, lower case, for comparing: `Text/XML; charset=utf-8` → `text/xml`. */
export function essenceOf(media: string): string {
  return media.split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Whether an answer's media type is one the document declares: the same type, or within a declared
 * range (`text/*`, `*\/*`), compared without parameters and case (RFC 9110 §12.5.1).
 */
export function isDeclaredMedia(answered: string, declared: readonly string[]): boolean {
  const type = essenceOf(answered);
  const major = type.split("/")[0];
  return declared.some((media) => {
    const range = essenceOf(media);
    return range === type || range === "*/*" || (range.endsWith("/*") && range.slice(0, -2) === major);
  });
}
