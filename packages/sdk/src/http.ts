import { fillPath, type Problem, type Route } from '@perron/contract';
import type * as z from 'zod/mini';
import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import { freshness, InFlight, ResponseCache } from './cache.ts';
import type { Checks } from './checks.ts';
import { addSecret, errorFromProblem, NetworkError, PerronError, ResponseError, TimeoutError, ValidationError } from './errors.ts';
import type { Settings } from './options.ts';

/** The last, optional argument of every call. */
export interface CallOptions {
  signal?: AbortSignal;
  /** For writes: the key that makes a retry safe; a fresh one per call when absent. */
  idempotencyKey?: string;
  /** With several nodes: the node that holds the item (its `origin`). */
  origin?: string;
}

/** What a route answers, parsed by its schema (as the node sends it, with `validate: false`). */
export type Answer<R extends Route> = z.output<R['response']>;

export interface RouteInput {
  params?: Record<string, string>;
  query?: object;
  body?: unknown;
}

const RETRY_STATUSES = [429, 502, 503, 504];
/** A Retry-After longer than this is handed to the caller (RateLimitError.retryAfter) instead of waited. */
const MAX_RETRY_AFTER_MS = 10_000;

/** One client's way to a node: validates, sends, retries, shares, caches and parses. */
export class Transport {
  readonly cache = new ResponseCache();
  readonly inFlight = new InFlight();
  readonly #settings: Settings;
  readonly #ky: typeof ky;

  constructor(settings: Settings) {
    this.#settings = settings;
    if (settings.apiKey) addSecret(settings.apiKey);
    // ky's retry already follows our rules once told them: which statuses, Retry-After honoured,
    // the same Request (so the same Idempotency-Key) on every attempt, a timeout per attempt.
    this.#ky = ky.create({
      fetch: settings.fetch as typeof fetch,
      timeout: settings.timeout,
      throwHttpErrors: (status) => status !== 304,
      retry: {
        limit: settings.retries,
        // Writes too: each carries an Idempotency-Key, so the node answers a replay with the first answer.
        methods: ['get', 'post', 'patch', 'delete'],
        statusCodes: RETRY_STATUSES,
        afterStatusCodes: [429, 503],
        retryOnTimeout: true,
        delay: (attempt) => 300 * 2 ** (attempt - 1),
        backoffLimit: 5_000,
        jitter: true,
        shouldRetry: ({ error }) => {
          if (error instanceof HTTPError && error.response.status === 429 && retryAfterMs(error.response) > MAX_RETRY_AFTER_MS) return false;
          // A caller's abort is a decision, not a failure.
          if (error.name === 'AbortError') return false;
          return undefined;
        },
      },
    });
  }

  /** Calls a route on a node: the parsed answer, or a PerronError. */
  async call<R extends Route>(node: string, route: R, input: RouteInput, options: CallOptions = {}): Promise<Answer<R>> {
    const where = `${route.method} ${route.path}`;
    const url = this.url(node, route, input);
    const checks = this.#settings.checks;
    // Unchecked, what the caller gives is sent: the elements' build leaves the routes' schemas out.
    const body = route.upload ? checkUpload(route.upload, input.body, where) : !checks ? input.body : route.body ? checks.input(route.body, input.body ?? {}, 'body', where) : undefined;

    if (route.method !== 'GET') {
      const key = options.idempotencyKey ?? newIdempotencyKey();
      checks?.idempotencyKey(key, where);
      const value = await this.#send(route, url, { body, idempotencyKey: key, signal: options.signal, where });
      // The write changed what the node answers (progress, counts): forget its cached reads.
      this.cache.clear(`${node}/`);
      return value as Answer<R>;
    }
    const cacheable = route.cacheable && this.#settings.cache && !this.#settings.apiKey;
    const entry = cacheable ? this.cache.get(url) : undefined;
    if (entry && entry.freshUntil > Date.now()) return entry.value as Answer<R>;
    const background = entry !== undefined && this.#settings.staleWhileRevalidate;
    const refresh = () =>
      this.inFlight.run(url, (signal) => this.#send(route, url, { signal, where, etag: entry?.etag, stale: entry?.value, keep: cacheable ? url : undefined }), background ? undefined : options.signal);
    if (background) {
      // Show the stale answer now; the fresh one lands in the cache for the next caller.
      refresh().catch(() => {});
      return entry.value as Answer<R>;
    }
    return refresh() as Promise<Answer<R>>;
  }

  /** The absolute URL of a route, after validating its path parameters and query. */
  url(node: string, route: Route, input: RouteInput): string {
    const where = `${route.method} ${route.path}`;
    const checks = this.#settings.checks;
    const params = checks ? checks.input(route.params, input.params ?? {}, 'path', where) : input.params;
    const query = checks ? checks.input(route.query, input.query ?? {}, 'query', where) : input.query;
    const search = new URLSearchParams();
    // Sorted, so the same query is the same cache key whatever the order of its keys.
    for (const [k, v] of Object.entries(query ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) if (v !== undefined) search.set(k, String(v));
    const qs = search.toString();
    return `${node}${fillPath(route.path, params as Record<string, string> | undefined)}${qs ? `?${qs}` : ''}`;
  }

  async #send(route: Route, url: string, o: { body?: unknown; idempotencyKey?: string; signal?: AbortSignal | undefined; where: string; etag?: string | null | undefined; stale?: unknown; keep?: string | undefined }): Promise<unknown> {
    const headers: Record<string, string> = {
      accept: route.format === 'ics' ? 'text/calendar' : route.format === 'csv' ? 'text/csv' : 'application/json',
      'accept-language': this.#settings.lang === 'fr' ? 'fr-CA,fr;q=0.9,en;q=0.5' : 'en-CA,en;q=0.9,fr;q=0.5',
    };
    if (this.#settings.apiKey) headers.authorization = `Bearer ${this.#settings.apiKey}`;
    if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
    if (o.etag) headers['if-none-match'] = o.etag;

    let response: Response;
    try {
      // The browser's HTTP cache revalidates (ETag, so a 304 costs little): freshness is this client's
      // cache, which a write clears, so a page reloaded after a pledge never shows the count before it.
      const cache = route.method === 'GET' ? { cache: 'no-cache' as const } : {};
      // An upload (a Blob) goes as its own bytes and type; every other body as JSON.
      if (o.body instanceof Blob) headers['content-type'] = o.body.type;
      const payload = o.body === undefined ? {} : o.body instanceof Blob ? { body: o.body } : { json: o.body };
      response = await this.#ky(url, { method: route.method, headers, ...cache, ...payload, ...(o.signal ? { signal: o.signal } : {}) });
    } catch (error) {
      throw await failure(error, o.signal, o.where, this.#settings.checks);
    }
    if (response.status === 304 && !o.etag) throw new ResponseError(`A 304 answer to a request without If-None-Match (${o.where})`, { status: 304, code: 'invalid_response' });
    const value = response.status === 304 ? o.stale : await this.#parse(route, response, o.where);
    if (o.keep) {
      // A 304 may carry the validator only: keep the one we have.
      const etag = response.headers.get('etag') ?? o.etag ?? null;
      const freshUntil = freshness(response.headers.get('cache-control'), etag, Date.now());
      if (freshUntil !== undefined) this.cache.set(o.keep, { value, etag, freshUntil });
    }
    return value;
  }

  /** The answer's body, parsed by the route's schema when this core validates. */
  async #parse(route: Route, response: Response, where: string): Promise<unknown> {
    const requestId = response.headers.get('x-request-id');
    const invalid = (why: string, cause?: unknown) =>
      new ResponseError(`The node's answer does not match the contract: ${why} (${where})`, { status: response.status, code: 'invalid_response', requestId: requestId ?? undefined, cause });
    let raw: unknown;
    try {
      // A CSV keeps its BOM (text() would drop it): written to a file, it tells Excel the text is UTF-8.
      raw = route.format === 'json' ? await response.json() : route.format === 'csv' ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()) : await response.text();
    } catch (cause) {
      throw invalid('unreadable body', cause);
    }
    const checks = this.#settings.checks;
    return checks ? checks.response(route, raw, invalid) : raw;
  }
}

/** An upload is a Blob of one of the route's types, within its size: checked before anything is sent. */
function checkUpload(upload: NonNullable<Route['upload']>, value: unknown, where: string): Blob {
  const issue = (message: string) => new ValidationError(`Invalid body: ${message} (${where})`, { status: 400, code: 'validation_failed', fields: [{ path: 'body', message, code: 'invalid_upload' }] });
  if (!(value instanceof Blob)) throw issue('Expected a Blob (or File)');
  if (!upload.types.includes(value.type)) throw issue(`Expected one of ${upload.types.join(', ')}`);
  if (value.size > upload.maxBytes) throw issue(`At most ${upload.maxBytes} bytes`);
  return value;
}

async function failure(error: unknown, signal: AbortSignal | undefined, where: string, checks: Checks | undefined): Promise<unknown> {
  if (signal?.aborted) return signal.reason;
  if (error instanceof HTTPError) {
    const { response } = error;
    let problem: Problem | undefined;
    try {
      const raw: unknown = await response.json();
      problem = checks ? checks.problem(raw) : looksLikeProblem(raw);
    } catch {
      // Not problem+json (a proxy's HTML page): the status alone says what happened.
    }
    const after = retryAfterMs(response);
    return errorFromProblem(response.status, problem, { where, requestId: response.headers.get('x-request-id'), retryAfter: Number.isFinite(after) ? Math.ceil(after / 1000) : undefined });
  }
  if (error instanceof KyTimeoutError) return new TimeoutError(`No answer in time (${where})`, { status: 0, code: 'timeout', cause: error });
  if (error instanceof PerronError) return error;
  return new NetworkError(`The node could not be reached (${where})`, { status: 0, code: 'network', cause: error });
}

/** Without the contract's schema: a problem+json body is an object with a string `code`. */
function looksLikeProblem(raw: unknown): Problem | undefined {
  return typeof raw === 'object' && raw !== null && typeof (raw as Problem).code === 'string' ? (raw as Problem) : undefined;
}

/** Retry-After in ms (seconds or an HTTP date); NaN when absent. */
function retryAfterMs(response: Response): number {
  const header = response.headers.get('retry-after');
  if (header === null) return Number.NaN;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
}

/** 128 random bits; `crypto.randomUUID` is missing on plain-http pages, `getRandomValues` is not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
