import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** Open CORS without credentials: any site may embed a node's public data. */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'Accept, Accept-Language, Authorization, Content-Type, Idempotency-Key, If-None-Match',
  'access-control-expose-headers': 'ETag, Retry-After, X-Request-Id, Idempotent-Replayed',
} as const;

/** How long a public answer may be reused by browsers, the SDK's cache and a CDN. */
export const PUBLIC_MAX_AGE = 30;

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
  headers['cache-control'] = `public, max-age=${PUBLIC_MAX_AGE}, stale-while-revalidate=60`;
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
