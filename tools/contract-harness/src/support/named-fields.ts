/**
 * The field names a 422 answer names, read as the generated client reads them into
 * `ValidationError.fieldErrors` (`@sdkit/client-core`'s error items): the last segment of a JSON:API
 * `errors[].source.pointer` or of an RFC 9457 `errors[].pointer` (`#/age` too), else an item's
 * `field` or `name`, in `errors[]` or RFC 9457's `invalid-params[]`. Reading JSON:API pointers only,
 * the suite found no field in GitHub's `{ errors: [{ resource, field, code }] }` and failed a client
 * that read `field` correctly.
 */
export function namedFields(body: unknown): string[] {
  if (body === null || typeof body !== "object") return [];
  const record = body as Record<string, unknown>;
  const list = Array.isArray(record.errors)
    ? record.errors
    : Array.isArray(record["invalid-params"])
      ? record["invalid-params"]
      : [];
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const names: string[] = [];
  for (const item of list) {
    if (item === null || typeof item !== "object") continue;
    const error = item as Record<string, unknown>;
    const source = error.source as Record<string, unknown> | null | undefined;
    const pointer = text(source?.pointer) ?? text(error.pointer);
    const name =
      pointer === undefined
        ? (text(error.name) ?? text(error.field) ?? text(source?.parameter))
        : pointer
            .slice(pointer.lastIndexOf("/") + 1)
            .replaceAll("~1", "/")
            .replaceAll("~0", "~");
    if (name) names.push(name);
  }
  return names;
}
