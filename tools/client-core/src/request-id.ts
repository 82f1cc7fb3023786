/** Headers that servers and proxies commonly use for a request id, most specific first. */
export const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "cf-ray"];

/** The server's request id for a response, when one of the usual headers carries it. */
export function requestIdOf(headers: Headers, redact: (text: string) => string): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value !== null) return redact(value).slice(0, 200);
  }
  return undefined;
}
