// @ts-check

/**
 * The answer an operation gives when all goes well, as the contract suites ask for it and Prism
 * picks it when no status is asked for: the lowest 2xx key declared (an exact code before the
 * `2XX` range), else `default`, which Prism serves as 200. One rule for the contract target (which
 * writes the success suite's entry only where some operation has one: an entry without tests is an
 * empty file, which vitest fails) and for the success suite itself (which operations it calls).
 *
 * @param {{ statuses: readonly string[] }} operation its declared response keys, as written
 * @returns {{ declared: string, status: number } | undefined} the key as declared, and the status
 *   to expect (a range or `default` answers 200); undefined when it declares neither
 */
export function successStatusOf(operation) {
  const declared =
    operation.statuses.filter((key) => /^2(\d\d|XX)$/i.test(key)).sort()[0] ??
    operation.statuses.find((key) => key === "default");
  if (declared === undefined) return undefined;
  return { declared, status: /^\d+$/.test(declared) ? Number(declared) : 200 };
}
