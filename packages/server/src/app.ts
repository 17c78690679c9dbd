import { IdempotencyKey, routes, type Lang, type Route, type RouteName } from '@perron/contract';
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { resolveKey, authorize } from './http/auth.ts';
import { withIdempotency } from './http/idempotency.ts';
import { problemBody, problemResponse, ProblemError } from './http/problem.ts';
import { clientAddress, databaseRateLimiter, DEFAULT_RATE_LIMITS, memoryRateLimiter, trustedProxies, type RateLimiter, type RateLimits } from './http/rate-limit.ts';
import { parseOrThrow } from './http/validate.ts';
import { cachedJson, CORS_HEADERS } from './http/cache.ts';
import { handlers } from './handlers/index.ts';
import type { NodeServices, RequestContext } from './handlers/types.ts';
import { pages } from './pages/index.ts';
import { loggedError, loggedPath } from './http/log.ts';

export interface AppOptions {
  rateLimits?: RateLimits;
  /** Addresses of the proxies whose `X-Forwarded-For` names the client (default: `TRUST_PROXY`, comma-separated). */
  trustProxy?: string[];
  /** Counts requests per client; default: writes in the database on PostgreSQL, else in memory. */
  rateLimiter?: RateLimiter;
  /** Parse every answer with the contract before sending it (tests): a mismatch is a 500. */
  checkResponses?: boolean;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'DELETE']);
const IdempotencyHeader = z.object({ 'idempotency-key': IdempotencyKey });

/** `/v1/events/{id}.ics` → Hono's `/v1/events/:id{[^/]+\.ics}`; the suffix is stripped after matching. */
function honoPath(path: string): { path: string; suffix: string | null } {
  const m = /\{(\w+)\}(\.\w+)$/.exec(path);
  if (m) return { path: path.replace(m[0], `:${m[1]}{[^/]+\\${m[2]}}`), suffix: m[2]! };
  return { path: path.replace(/\{(\w+)\}/g, ':$1'), suffix: null };
}

function preferredLang(header: string | undefined): Lang {
  return header && /^\s*en\b/i.test(header) ? 'en' : 'fr';
}

function socketAddress(c: Context): string | undefined {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

async function readJsonBody(c: Context, maxBytes: number): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ProblemError('unsupported_media_type');
  const bytes = await readLimited(c.req.raw, maxBytes);
  if (bytes.byteLength === 0) return {};
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ProblemError('validation_failed', 'The body is not valid JSON', { errors: [{ path: 'body', message: 'Invalid JSON', code: 'invalid_json' }] });
  }
}

/**
 * The body, counted as it streams in: a chunked body has no Content-Length, so the count stops
 * it at the limit instead of after it was held whole in memory. The rest is never read; the
 * connection is closed after the 413.
 */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new ProblemError('payload_too_large', `At most ${maxBytes} bytes`, { headers: { connection: 'close' } });
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.releaseLock();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) (out.set(chunk, at), (at += chunk.byteLength));
  return out;
}

/** A raw upload: one of the route's media types (by header here; the handler reads the content), within its size. */
async function readUpload(c: Context, upload: NonNullable<Route['upload']>): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!upload.types.includes(type)) throw new ProblemError('unsupported_media_type', `Expected one of ${upload.types.join(', ')}`);
  return readLimited(c.req.raw, upload.maxBytes);
}

/** The node's HTTP application: every route of the contract, plus the pages people open. */
/** `client`: the address the rate limits count (behind a trusted proxy, the visitor's), for pages that write. */
export type App = Hono<{ Variables: { requestId: string; client: string } }>;

export function createApp(node: NodeServices, options: AppOptions = {}): App {
  const app: App = new Hono();
  const limits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  const limiter = options.rateLimiter ?? (node.db.kind === 'postgres' ? databaseRateLimiter(node.db, limits) : memoryRateLimiter(limits));
  const trusted = options.trustProxy ? new Set(options.trustProxy) : trustedProxies(process.env.TRUST_PROXY);
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;

  app.use('*', async (c, next) => {
    c.set('requestId', crypto.randomUUID());
    await next();
    // On the answer's own headers: c.header() here would copy the answer, and a copy of the node
    // server's light Response is a full one, sent as a stream (a tenth of a page of projects' time).
    c.res.headers.set('x-request-id', c.get('requestId'));
    c.res.headers.set('x-content-type-options', 'nosniff');
  });

  // Every request is counted, pages and files too: /withdraw, /confirm and /dev/mail are worth a flood.
  app.use('*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    c.set('client', clientAddress(socketAddress(c), c.req.header('x-forwarded-for'), trusted));
    const wait = await limiter.take(c.get('client'), WRITE_METHODS.has(c.req.method));
    if (wait) throw new ProblemError('rate_limited', `Try again in ${wait} s`, { retryAfter: wait, headers: { 'retry-after': String(wait) } });
    return next();
  });

  // Each route's path as a pattern: CORS for the public routes only (what the embedded elements
  // call from other sites), and a wrong method (405, with Allow) told from an unknown path (404).
  const patterns = (Object.values(routes) as Route[]).map((r) => ({
    method: r.method,
    auth: r.auth,
    path: new RegExp(`^${r.path.replaceAll('.', '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
  }));
  const corsFor = (method: string, pathname: string): Record<string, string> =>
    patterns.some((r) => r.auth === 'public' && r.method === method && r.path.test(pathname)) ? CORS_HEADERS : {};

  app.options('*', (c) => {
    const cors = corsFor((c.req.header('access-control-request-method') ?? '').toUpperCase(), new URL(c.req.url).pathname);
    return c.body(null, 204, Object.keys(cors).length ? { ...cors, 'access-control-max-age': '86400' } : {});
  });

  // Suffixed paths first: `/v1/events/{id}` would otherwise take `/v1/events/x.ics` as the id `x.ics`.
  const bySuffixFirst = (Object.entries(routes) as [RouteName, Route][]).sort(([, a], [, b]) => Number(!!honoPath(b.path).suffix) - Number(!!honoPath(a.path).suffix));
  for (const [name, route] of bySuffixFirst) {
    const { path, suffix } = honoPath(route.path);
    app.on(route.method, path, async (c) => {
      const requestId = c.get('requestId');
      const write = WRITE_METHODS.has(route.method);
      // API-key routes are for servers and scripts, not for pages of other sites: no CORS there.
      const cors = route.auth === 'public' ? CORS_HEADERS : {};

      const rawParams = c.req.param() as Record<string, string>;
      if (suffix) for (const k of Object.keys(rawParams)) rawParams[k] = rawParams[k]!.slice(0, -suffix.length);
      const params = route.params ? parseOrThrow(route.params, rawParams, 'path') : undefined;
      const query = route.query ? parseOrThrow(route.query, Object.fromEntries(new URL(c.req.url).searchParams), 'query') : undefined;
      const body = route.body ? parseOrThrow(route.body, await readJsonBody(c, maxBodyBytes), 'body') : undefined;
      const key = await resolveKey(node.db, c.req.header('authorization'));
      authorize(key, route.auth);
      // Read after the key is checked: nobody else makes the node buffer megabytes.
      const upload = route.upload ? await readUpload(c, route.upload) : null;

      const handler = handlers[name] as ((ctx: RequestContext<RouteName>) => Promise<unknown>) | undefined;
      if (!handler) throw new Error(`No handler for the route ${name}`);
      const base = { params, query, body, upload, key, node, requestId, client: clientAddress(socketAddress(c), c.req.header('x-forwarded-for'), trusted), lang: preferredLang(c.req.header('accept-language')) } as Omit<RequestContext<RouteName>, 'q'>;
      const check = (answer: unknown) => (options.checkResponses ? z.parse(route.response, answer) : answer);

      if (!write) {
        const answer = check(await handler({ ...base, q: node.db }));
        if (route.format === 'ics') {
          // The calendar's words follow Accept-Language (or ?lang=): a shared cache must key on it.
          return c.body(answer as string, 200, { ...cors, 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'public, max-age=60', vary: 'Accept-Language' });
        }
        if (route.format === 'csv') {
          // Contacts inside: never cached; a download named after the route (`pledges.csv`).
          const filename = route.path.slice(route.path.lastIndexOf('/') + 1);
          return c.body(answer as string, 200, { ...cors, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'private, no-store' });
        }
        return cachedJson(c, answer, { cacheable: route.cacheable && !key, cors, type: route.format === 'activity' ? 'application/activity+json' : 'application/json' });
      }

      const run = (q: RequestContext<RouteName>['q']) => handler({ ...base, q }).then(check);
      // Every write with a key is recorded (the SDK retries PATCH and DELETE too); POST must carry one.
      if (route.idempotent && (route.idempotencyKeyRequired || c.req.header('idempotency-key') !== undefined)) {
        // Parsed as a one-field object so that an error names it: `header.idempotency-key`.
        const { 'idempotency-key': idempotencyKey } = parseOrThrow(IdempotencyHeader, { 'idempotency-key': c.req.header('idempotency-key') }, 'header');
        const scope = `${name}:${key?.id ?? 'public'}`;
        const { status, answer, replayed } = await withIdempotency(node.db, { scope, key: idempotencyKey, request: { params, body } }, (q) => run(q).then((a) => ({ status: route.status, answer: a })));
        if (replayed) c.header('idempotent-replayed', 'true');
        node.worker?.wake(); // the write may have queued mail or webhooks: deliver them now it has committed
        return c.json(answer as object, status as 200, cors);
      }
      const answer = await node.db.tx(run);
      node.worker?.wake();
      return c.json(answer as object, route.status, cors);
    });
  }

  pages(app, node);

  app.notFound((c) => {
    const url = new URL(c.req.url);
    const other = patterns.filter((r) => r.path.test(url.pathname));
    if (other.length) {
      return problemResponse(problemBody('method_not_allowed', undefined, { requestId: c.get('requestId') }), { ...CORS_HEADERS, allow: other.map((r) => r.method).join(', ') });
    }
    return problemResponse(problemBody('not_found', `No route for ${c.req.method} ${url.pathname}`, { requestId: c.get('requestId') }), CORS_HEADERS);
  });

  app.onError((error, c) => {
    const requestId = c.get('requestId');
    if (error instanceof ProblemError) {
      const { errors, retryAfter, headers } = error.extra;
      const body = problemBody(error.code, error.detail, { errors, retryAfter, requestId, instance: new URL(c.req.url).pathname });
      return problemResponse(body, { ...corsFor(c.req.method, new URL(c.req.url).pathname), 'x-request-id': requestId, ...headers });
    }
    console.error(`[${requestId}] ${c.req.method} ${loggedPath(c.req.path)}: ${loggedError(error)}`);
    return problemResponse(problemBody('internal', 'The error was logged with this request id', { requestId }), { ...corsFor(c.req.method, new URL(c.req.url).pathname), 'x-request-id': requestId });
  });

  return app;
}
