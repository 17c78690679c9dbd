import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** Open CORS without credentials: any site may embed a node's public data. */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'Accept, Accept-Language, Authorization, Content-Type, Idempotency-Key, If-None-Match',
  'access-control-expose-headers': 'ETag, Retry-After, X-Request-Id, Idempotent-Replayed',
} as const;

/**
 * Public answers are live for a browser: it asks again each time (`max-age=0`; the ETag makes that
 * a 304), so a page's preloaded request can never be a copy from before a pledge. A CDN or proxy in
 * front of the node keeps them 30 s (`s-maxage`), and one that reads `CDN-Cache-Control` (RFC 9213)
 * may also serve a copy a minute past that while it asks. Stale-while-revalidate stays out of
 * `Cache-Control`: a browser would apply it too.
 */
const PUBLIC_CACHE = { 'cache-control': 'public, max-age=0, s-maxage=30', 'cdn-cache-control': 'public, max-age=30, stale-while-revalidate=60' };

/**
 * JSON with a strong ETag; public answers are cacheable and a matching If-None-Match gets 304,
 * so a reload or a revalidating SDK costs a hash, not a transfer.
 */
export function cachedJson(
  c: Context,
  answer: unknown,
  { cacheable, cors = CORS_HEADERS, type = 'application/json' }: { cacheable: boolean; cors?: Record<string, string>; type?: string },
): Response {
  const body = JSON.stringify(answer);
  const headers: Record<string, string> = { ...cors, 'content-type': `${type}; charset=utf-8` };
  if (!cacheable) return new Response(body, { status: 200, headers: { ...headers, 'cache-control': 'private, no-store' } });
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  headers.etag = etag;
  Object.assign(headers, PUBLIC_CACHE);
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
