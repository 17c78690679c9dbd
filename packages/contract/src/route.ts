import * as z from 'zod/mini';
import { Id, Slug } from './common.ts';
import type { ProblemCode } from './errors.ts';

export type Schema = z.core.$ZodType;

/** The API's groups of operations. A new one needs its description in openapi.ts (TAGS): Redocly wants one. */
export type Tag = 'node' | 'communities' | 'organizations' | 'projects' | 'needs' | 'pledges' | 'events' | 'ideas' | 'federation' | 'embed' | 'images' | 'directory' | 'reviews' | 'webhooks' | 'impact';

export interface Route<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema = Schema,
> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** OpenAPI style: `/v1/projects/{id}`. */
  path: string;
  summary: string;
  tag: Tag;
  /** public: anyone; key: any API key; organization: an organization's key; curator: a curator's key. */
  auth: 'public' | 'key' | 'organization' | 'curator';
  params: P;
  query: Q;
  body: B;
  response: R;
  status: 200 | 201 | 202;
  /** `ics` routes answer text/calendar, `csv` routes text/csv (UTF-8 with a BOM), `activity` routes ActivityStreams JSON-LD (application/activity+json); the rest JSON. */
  format: 'json' | 'ics' | 'csv' | 'activity';
  /** A body sent as raw bytes of one of these media types (an image), instead of JSON. */
  upload: { types: readonly string[]; maxBytes: number } | null;
  /** Writes whose `Idempotency-Key` the node records (every write): a replay returns the first answer. */
  idempotent: boolean;
  /** Writes that must carry an `Idempotency-Key` (POST); PATCH and DELETE may, and are replayed when they do. */
  idempotencyKeyRequired: boolean;
  /** Public reads are cacheable (ETag, Cache-Control). */
  cacheable: boolean;
  errors: ProblemCode[];
}

/* @__NO_SIDE_EFFECTS__ */
export function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema = Schema,
>(r: {
  method: Route['method'];
  path: string;
  summary: string;
  tag: Tag;
  auth?: Route['auth'];
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: Route['status'];
  format?: Route['format'];
  upload?: Route['upload'];
  /** Defaults to every POST; an upload keyed by its content is idempotent by nature. */
  idempotent?: boolean;
  errors?: ProblemCode[];
}): Route<P, Q, B, R> {
  const auth = r.auth ?? 'public';
  const errors = new Set<ProblemCode>(r.errors ?? []);
  if (r.params || r.query || r.body) errors.add('validation_failed');
  if (r.params) errors.add('not_found');
  if (auth !== 'public') (errors.add('unauthorized'), errors.add('forbidden'));
  // Every request counts against its client's rate (reads too); only writes carry a body to limit.
  errors.add('rate_limited');
  if (r.method !== 'GET') errors.add('payload_too_large');
  if (r.upload) errors.add('unsupported_media_type');
  return {
    ...r,
    auth,
    params: r.params as P,
    query: r.query as Q,
    body: r.body as B,
    status: r.status ?? (r.method === 'POST' ? 201 : 200),
    format: r.format ?? 'json',
    upload: r.upload ?? null,
    idempotent: r.idempotent ?? r.method !== 'GET',
    idempotencyKeyRequired: (r.idempotent ?? true) && r.method === 'POST',
    cacheable: r.method === 'GET' && auth === 'public',
    errors: [...errors],
  };
}

export const IdPath = z.strictObject({ id: Id });
export const SlugPath = z.strictObject({ slug: Slug });
export const Empty = z.strictObject({});
export const IcsText = z.string();
/** RFC 4180, UTF-8 with a BOM so that a spreadsheet reads the accents right. */
export const CsvText = z.string();

/** `/v1/projects/{id}` with `{ id: 'x' }` → `/v1/projects/x`. */
export function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params?.[key] ?? ''));
}
