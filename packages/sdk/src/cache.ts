// Many elements on one page ask for the same things: share what is in flight, keep what the node
// says may be kept. Memory only: nothing is written to the browser's storage.

export interface CacheEntry {
  value: unknown;
  etag: string | null;
  /** Epoch ms after which the entry must be revalidated. */
  freshUntil: number;
}

/** Insertion-ordered map used as an LRU: a read moves the entry to the end. */
export class ResponseCache {
  readonly #entries = new Map<string, CacheEntry>();
  constructor(readonly max = 500) {}

  get(key: string): CacheEntry | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CacheEntry): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Forgets every entry whose key starts with `prefix` (a node's answers after a write to it). */
  clear(prefix = ''): void {
    for (const key of [...this.#entries.keys()]) if (key.startsWith(prefix)) this.#entries.delete(key);
  }
}

/**
 * How long an answer may be kept, from its Cache-Control: `undefined` when it must not be stored
 * (`no-store`, `private`), otherwise the epoch ms until which it is fresh (`no-cache`: none).
 * This cache is shared by every element of a page, so it keeps an answer as long as a shared cache
 * may (`s-maxage`, else `max-age`): a node tells browsers `max-age=0`, so that a page's preload of
 * an answer is never an old copy from the browser's HTTP cache, and `s-maxage=30` for CDNs.
 */
export function freshness(cacheControl: string | null, etag: string | null, now: number): number | undefined {
  // "null" when there is none: it names no directive. Directives are case-insensitive, and their
  // names are not found inside one another (`max-age` is not in `s-maxage`): no \b needed.
  const cc = String(cacheControl);
  if (/no-store|private/i.test(cc)) return undefined;
  // One pattern, its alternatives tried in order from the start of the header wherever their
  // directive stands: `no-cache` (no number: 0), else `s-maxage`'s seconds, else `max-age`'s.
  const maxAge = +(/.*no-cache|(?:.*s-maxage|max-age)=(\d+)/i.exec(cc)?.[1] ?? 0);
  // Without max-age or a validator there is nothing to gain from keeping it.
  return maxAge || etag ? now + maxAge * 1000 : undefined;
}

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Callers still waiting; the shared request is aborted when the last one gives up. */
  waiting: number;
}

/** Identical requests in flight share one: the second caller gets the first one's answer. */
export class InFlight {
  readonly #flights = new Map<string, Flight>();

  /** Requests that were actually started (the rest joined one of them). */
  started = 0;

  run<T>(key: string, work: (signal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    signal?.throwIfAborted();
    let flight = this.#flights.get(key);
    // A flight whose callers all gave up is being cancelled: a newcomer must not join it.
    if (!flight || flight.controller.signal.aborted) {
      const controller = new AbortController();
      this.started++;
      const created: Flight = { controller, waiting: 0, promise: Promise.resolve() };
      created.promise = work(controller.signal).finally(() => {
        if (this.#flights.get(key) === created) this.#flights.delete(key);
      });
      this.#flights.set(key, created);
      flight = created;
    }
    flight.waiting++;
    return follow(flight, signal) as Promise<T>;
  }
}

function follow(flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
  if (!signal) return flight.promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      if (--flight.waiting === 0) flight.controller.abort(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    flight.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
