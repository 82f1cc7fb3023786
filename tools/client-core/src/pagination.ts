import type { CallerWithDefinition, OperationCaller, OperationDescriptor, OperationInput } from "./operation.js";
import type { RequestOptions, WithResponse } from "./request-options.js";

/**
 * How a list operation pages, from the spec's `x-sdk-pagination` (paths are property names from
 * the body's root; `[]` is the body itself):
 * - `cursor`: the next page's `cursorParam` is the body's `nextCursor`, or (Stripe's
 *   `starting_after`) the last item's `cursorItemField`;
 * - `offset`: `offsetParam` advances by the number of items received;
 * - `page`: `pageParam` counts up from the request's (or `firstPage`, default 1);
 * - `link`: the next page is the URL of the response's RFC 8288 `Link: <…>; rel="next"` (GitHub).
 * Every style stops on an empty page, on `hasMore` false, and (with `limitParam` in the request)
 * on a page shorter than the limit asked for.
 */
export interface PaginationDescriptor {
  style: "cursor" | "offset" | "page" | "link";
  /** Where the items are in the body: `["data"]`; `[]` for a body that is the array. */
  items: readonly string[];
  cursorParam?: string;
  nextCursor?: readonly string[];
  cursorItemField?: string;
  offsetParam?: string;
  pageParam?: string;
  firstPage?: number;
  limitParam?: string;
  hasMore?: readonly string[];
}

/** One page of a list: its items, its whole body and response, and the way to the next. */
export interface Page<Item, Body> {
  readonly items: Item[];
  /** The page's body, as the operation's response type. */
  readonly data: Body;
  readonly response: Response;
  hasNextPage(): boolean;
  /** Fetches the next page (through the limiter, retries and abort); rejects when there is none. */
  getNextPage(): Promise<Page<Item, Body>>;
}

/** Where the next page is: new query parameters for the same operation, or a URL (`Link`). */
type NextRequest = { query: Record<string, unknown>; url?: undefined } | { url: string; query?: undefined };

type Query = Record<string, unknown>;

function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The `rel="next"` target of an RFC 8288 Link header, resolved against `base`, or undefined. */
export function nextLink(header: string | null, base: string): string | undefined {
  if (!header) return undefined;
  for (const match of header.matchAll(/<([^>]*)>([^<]*)/g)) {
    const params = match[2] ?? "";
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const relations = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (relations.includes("next")) return new URL(match[1] ?? "", base || undefined).href;
  }
  return undefined;
}

/**
 * What a paginated method returns: awaited, the first page; iterated with `for await`, every item
 * of every page; `.pages()` iterates pages; `.toArray({ limit })` collects at most `limit` items.
 * Nothing is requested until it is awaited or iterated; each page is one call of the operation,
 * with the method's options (signal, timeouts, retries, middleware), so it goes through the rate
 * limiter, retries and abort like any call.
 */
export class PagePromise<Item, Body> implements PromiseLike<Page<Item, Body>>, AsyncIterable<Item> {
  #first: Promise<Page<Item, Body>> | undefined;
  readonly #load: () => Promise<Page<Item, Body>>;

  constructor(load: () => Promise<Page<Item, Body>>) {
    this.#load = load;
  }

  #firstPage(): Promise<Page<Item, Body>> {
    this.#first ??= this.#load();
    return this.#first;
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is awaited for its first page, by design
  then<A = Page<Item, Body>, B = never>(
    onFulfilled?: ((page: Page<Item, Body>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<Item, Body> | B> {
    return this.#firstPage().catch(onRejected);
  }

  /** Every page, first to last, each fetched when the previous one has been consumed. */
  async *pages(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    let page = await this.#firstPage();
    for (;;) {
      yield page;
      if (!page.hasNextPage()) return;
      page = await page.getNextPage();
    }
  }

  /**
   * Every item of every page, each page fetched when the iteration reaches it. `next()` calls made
   * while a page is on its way are answered in order, each page fetched once.
   */
  [Symbol.asyncIterator](): AsyncIterator<Item, undefined> {
    return new ItemIterator(() => this.#firstPage());
  }

  /** At most `limit` items, fetching only the pages needed. */
  async toArray(options: { limit: number }): Promise<Item[]> {
    const limit = options?.limit;
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new TypeError(
        `toArray({ limit }): limit must be a positive integer (the most items to collect), got ${String(limit)}`,
      );
    }
    const out: Item[] = [];
    for await (const page of this.pages()) {
      for (const item of page.items) {
        out.push(item);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }
}

/**
 * `for await` over a PagePromise. Hand-written rather than an async generator: an async generator
 * (or `yield*` over a page's array) costs several promises and turns of the microtask queue per
 * item, more than the request itself at 100 items a page. Here an item of a page already fetched
 * costs one settled promise, the least `for await` allows; only the first `next()` of a page
 * awaits anything. Like an async generator, it queues a `next()` called while a page is on its way
 * (`Promise.all` over several `next()`s): each page is fetched once and each item handed out once.
 */
class ItemIterator<Item, Body> implements AsyncIterator<Item, undefined> {
  /** The items of the page being handed out; empty while the next page is fetched. */
  #items: readonly Item[] = [];
  #index = 0;
  /**
   * How to fetch the next page: the first page's loader before any, the last page's
   * `getNextPage`, or null when it was the last. The function only, not the page: an exhausted
   * page (its body, response and items) is not kept alive while the next one is on its way.
   */
  #fetchNext: (() => Promise<Page<Item, Body>>) | null;
  #finished = false;
  /** The page being fetched: a `next()` called meanwhile waits for it instead of fetching it again. */
  #pending: Promise<IteratorResult<Item, undefined>> | undefined;

  constructor(first: () => Promise<Page<Item, Body>>) {
    this.#fetchNext = first;
  }

  next(): Promise<IteratorResult<Item, undefined>> {
    // While a page is fetched `#items` is empty, so this path never overtakes a queued `next()`.
    if (this.#index < this.#items.length) {
      return Promise.resolve({ done: false, value: this.#items[this.#index++] as Item });
    }
    if (this.#finished) return Promise.resolve({ done: true, value: undefined });
    if (this.#pending !== undefined) return this.#pending.then(() => this.next());
    const pending = this.#advance();
    this.#pending = pending;
    // Settled either way, the next `next()` starts from the state it left (after an error, it
    // asks for the same page again); the ones queued meanwhile share its outcome.
    const clear = () => {
      if (this.#pending === pending) this.#pending = undefined;
    };
    pending.then(clear, clear);
    return pending;
  }

  /** `break` out of for await: nothing more is fetched or handed out. */
  return(): Promise<IteratorResult<Item, undefined>> {
    this.#finished = true;
    this.#items = [];
    return Promise.resolve({ done: true, value: undefined });
  }

  /** Fetches pages until one has an item (pages may be empty), or there are no more. */
  async #advance(): Promise<IteratorResult<Item, undefined>> {
    for (;;) {
      const fetchNext = this.#fetchNext;
      if (fetchNext === null) {
        this.#finished = true;
        return { done: true, value: undefined };
      }
      this.#items = [];
      this.#index = 0;
      // Pages come from `load` below, whose methods are closures: called detached, they still work.
      const page = await fetchNext();
      // Broken off (`return()`) while the page was on its way: its items are not handed out.
      if (this.#finished) return { done: true, value: undefined };
      this.#fetchNext = page.hasNextPage() ? page.getNextPage : null;
      if (page.items.length > 0) {
        this.#items = page.items;
        this.#index = 1;
        return { done: false, value: page.items[0] as Item };
      }
    }
  }
}

/**
 * The PagePromise of one call of a paginated operation: the generated method's whole body.
 * `call` is the client's operation caller, so every page gets its options and its error mapping.
 */
export function paginate<Item, Body>(
  call: OperationCaller,
  operation: OperationDescriptor,
  input: OperationInput,
  options: RequestOptions | undefined,
): PagePromise<Item, Body> {
  const { sdk, origin, redact = (text: string) => text } = call as CallerWithDefinition;
  // A caller that is not the client's (a test stub) has no definition: plain Errors then.
  const Base = sdk?.errors.Base ?? Error;
  const title = sdk?.title ?? "The";
  const scheme = operation.pagination;
  if (scheme === undefined) throw new Base(`${operation.sdkName} is not a paginated operation`);
  const pageOptions = { ...options, withResponse: true as const };
  const fail = (message: string) => new Base(`${title} API: ${operation.sdkName}: ${message}`);
  const load = async (next: NextRequest | undefined): Promise<Page<Item, Body>> => {
    // A page asked for after an abort is not requested at all.
    options?.signal?.throwIfAborted();
    const query: Query = next?.query ?? ((input.query ?? {}) as Query);
    let pageInput: OperationInput = { ...input, query };
    if (next?.url) {
      // A next-page URL from the server: sent only to the API's own origin, which gets the key.
      const url = new URL(next.url);
      if (origin === undefined || url.origin !== origin) {
        throw new Base(
          `${operation.sdkName}: the next page is at ${redact(url.origin)}, not the API's origin ${origin}; not following it (the API key would go there)`,
        );
      }
      const search = url.search.slice(1);
      pageInput = {
        ...input,
        query: undefined,
        target: {
          path: url.pathname,
          init: { baseUrl: url.origin, params: { header: input.header }, querySerializer: () => search },
        },
      };
    }
    const { data, response } = await call<WithResponse<Body>>(operation, pageInput, pageOptions);
    const found = at(data, scheme.items);
    if (!Array.isArray(found)) {
      throw fail(`the page body has no item array at ${scheme.items.length ? scheme.items.join(".") : "its root"}`);
    }
    const items = found as Item[];
    const following = nextRequest(scheme, data, response, items, next?.url ? undefined : query);
    if (following?.query && sameCursor(scheme, following.query, query)) {
      throw fail(`the server returned the same ${scheme.cursorParam} twice; stopping instead of looping`);
    }
    return {
      items,
      data,
      response,
      hasNextPage: () => following !== undefined,
      getNextPage: () => (following === undefined ? Promise.reject(fail("there is no next page")) : load(following)),
    };
  };
  return new PagePromise(() => load(undefined));
}

function sameCursor(scheme: PaginationDescriptor, next: Query, current: Query): boolean {
  return (
    scheme.style === "cursor" &&
    scheme.cursorParam !== undefined &&
    next[scheme.cursorParam] === current[scheme.cursorParam]
  );
}

/** The request of the page after this one, or undefined when this is the last. */
function nextRequest(
  scheme: PaginationDescriptor,
  body: unknown,
  response: Response,
  items: unknown[],
  query: Query | undefined,
): NextRequest | undefined {
  if (scheme.style === "link") {
    const url = nextLink(response.headers.get("link"), response.url);
    return url === undefined ? undefined : { url };
  }
  if (items.length === 0) return undefined;
  if (scheme.hasMore && at(body, scheme.hasMore) === false) return undefined;
  const current = query ?? {};
  const limit = scheme.limitParam === undefined ? undefined : Number(current[scheme.limitParam]);
  if (limit !== undefined && Number.isFinite(limit) && items.length < limit) return undefined;
  switch (scheme.style) {
    case "cursor": {
      const cursor = scheme.nextCursor
        ? at(body, scheme.nextCursor)
        : at(items[items.length - 1], [scheme.cursorItemField ?? "id"]);
      if (cursor === undefined || cursor === null || cursor === "") return undefined;
      return { query: { ...current, [scheme.cursorParam as string]: cursor } };
    }
    case "offset": {
      const name = scheme.offsetParam as string;
      const offset = Number(current[name] ?? 0);
      return { query: { ...current, [name]: offset + items.length } };
    }
    default: {
      const name = scheme.pageParam as string;
      const page = Number(current[name] ?? scheme.firstPage ?? 1);
      return { query: { ...current, [name]: page + 1 } };
    }
  }
}
