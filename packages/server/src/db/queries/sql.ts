import { ProblemError } from '../../http/problem.ts';
import type { Queryable } from '../database.ts';

/** Collects query parameters while a statement is built: `p.add(value)` returns its `$n`. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Keyset cursors: the sort key of a page's last row, opaque to clients (base64url JSON), so the
 * next page starts with an index seek whatever its depth.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly RegExp[]): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => typeof v === 'string' && shape[i]!.test(v))) return key as string[];
  } catch {
    // fall through to the 400
  }
  throw new ProblemError('validation_failed', 'Invalid query', {
    errors: [{ path: 'query.cursor', message: 'Expected a cursor returned by a previous page', code: 'invalid_cursor' }],
  });
}

/** What a cursor's parts look like: a timestamp in microseconds since 1970 (exact), an id or slug. */
export const CURSOR_PART = {
  micros: /^\d{1,16}$/,
  id: /^[A-Za-z0-9_-]{1,64}$/,
} as const;

/** SQL for a timestamp column in exact microseconds (text), and back, for keyset cursors. */
export const microsOf = (column: string) => `(extract(epoch from ${column}) * 1000000)::bigint::text`;
export const fromMicros = (param: string) => `(timestamptz 'epoch' + ${param}::bigint * interval '1 microsecond')`;

/**
 * `limit n + 1` for a page of n (the extra row says there is a next page), in the SQL text: a
 * named statement's generic plan then knows it (db/pglite-prepared.ts). The contract bounds n.
 */
export function limitOf(pageSize: number): string {
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new TypeError(`A page size is a positive integer, not ${pageSize}`);
  return String(pageSize + 1);
}

/**
 * A hot read's rows as one JSON text, parsed once: on the embedded database, decoding every column
 * of every row in JavaScript cost about a quarter of a page of projects' database time
 * (docs/performance.md). `order` is the statement's own order (`r.` names its columns); timestamps
 * come as ISO text, with the offset, not as `Date`s.
 */
export async function jsonRows<T>(q: Queryable, sql: string, values: unknown[], order: string): Promise<T[]> {
  const [row] = await q.query<{ rows: string }>(`select coalesce(json_agg(r order by ${order}), '[]')::text as rows from (${sql}) r`, values, { prepared: true });
  return JSON.parse(row!.rows) as T[];
}

/** The rows of a page and the cursor of the next one; `rows` holds up to `limit + 1` rows. */
export function pageOf<R, T>(rows: R[], limit: number, key: (row: R) => string[], map: (row: R) => T) {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { items: shown.map(map), nextCursor: more ? encodeCursor(key(shown[shown.length - 1]!)) : null };
}

/** Lowercase, accent-free words: what the `search` column holds and what a query is matched with. */
export function searchText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter(Boolean)
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export const likeEscape = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A timestamp as the contract writes it. */
export const iso = (value: Date | string) => new Date(value).toISOString();
