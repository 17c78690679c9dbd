import { HsdsMeta, HsdsOrganizationPage, HsdsService, HsdsServicePage, type HsdsOrganization, type Lang } from '@perron/contract';
import * as z from 'zod/mini';
import type { Database, Queryable } from '../db/database.ts';
import { searchText } from '../db/queries/sql.ts';
import { newId } from '../ids.ts';
import type { Worker } from '../worker/worker.ts';
import { enqueue } from '../worker/jobs.ts';
import type { FollowingOptions } from './following.ts';
import type { Fetcher } from './outbound.ts';

/**
 * Keeps imported HSDS 3 directories in sync, as followed nodes are: each due directory is read
 * through its API (`/`, then `/services` and `/organizations` page by page, then every service
 * whole, revalidated with If-None-Match), stored as its origin served it, and what disappeared
 * there is dropped here. A directory that fails keeps its copy, costs a log line, and is retried
 * later and later.
 */
export const DIRECTORY_JOB = 'directories.poll';

const PER_PAGE = 100;
const MAX_PAGES = 100;

export function handleDirectories(worker: Worker, interval: number, read: Fetcher): void {
  if (interval > 0) worker.every(DIRECTORY_JOB, interval, ({ db, at }) => pollDirectories(db, at, { interval, fetch: read }).then(() => undefined));
}

/** An HSDS API's base URL as recorded: without a trailing slash (its `/` is `${base}/`). */
export const directoryBase = (url: string) => {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
};

/** Records a directory to import, in the caller's transaction, and asks the worker to read it now. Null when it is already imported. */
export async function addDirectory(q: Queryable, url: string, lang: Lang, now: Date): Promise<string | null> {
  const base = directoryBase(url);
  const [existing] = await q.query<{ id: string }>('select id from directories where url = $1', [base]);
  if (existing) return null;
  const id = newId('dir');
  await q.query('insert into directories (id, url, lang, next_poll_at, created_at) values ($1, $2, $3, $4, $4)', [id, base, lang, now]);
  await enqueue(q, DIRECTORY_JOB, {}, { dedupeKey: `${DIRECTORY_JOB}@${id}` });
  return id;
}

interface DirectoryDue {
  id: string;
  url: string;
  failures: number;
}

/** Polls the directories due at `now`; returns how many were polled. */
export async function pollDirectories(db: Database, now: Date, options: FollowingOptions): Promise<number> {
  const due = await db.tx((q) =>
    q.query<DirectoryDue>(
      `update directories set next_poll_at = $2 where id in (
         select id from directories where next_poll_at <= $1 order by next_poll_at limit 10 for update skip locked)
       returning id, url, failures`,
      [now, new Date(now.getTime() + Math.max(options.interval, 60_000))],
    ),
  );
  for (const directory of due) await pollOne(db, directory, now, options);
  return due.length;
}

interface Copy {
  services: Map<string, { etag: string | null; data: HsdsService } | 'unchanged'>;
  organizations: HsdsOrganization[];
}

async function pollOne(db: Database, directory: DirectoryDue, now: Date, options: FollowingOptions): Promise<void> {
  const etags = new Map((await db.query<{ id: string; etag: string | null }>('select id, etag from directory_services where directory_id = $1', [directory.id])).map((r) => [r.id, r.etag]));
  let copy: Copy;
  try {
    copy = await read(directory.url, etags, options);
  } catch (error) {
    const failures = directory.failures + 1;
    const wait = Math.min(options.interval * 2 ** failures, options.maxBackoff ?? 3_600_000);
    const reason = error instanceof Error ? error.message : String(error);
    (options.log ?? console.warn)(`perron: directory ${directory.url} unreachable (${reason}); its copy is kept, next try in ${Math.round(wait / 1000)} s`);
    await db.query(`update directories set state = 'unreachable', last_error = $2, failures = $3, next_poll_at = $4 where id = $1`, [directory.id, reason.slice(0, 300), failures, new Date(now.getTime() + wait)]);
    return;
  }
  await db.tx((q) => store(q, directory.id, copy, now, options));
}

async function read(base: string, etags: Map<string, string | null>, options: FollowingOptions): Promise<Copy> {
  const get = async <S extends z.core.$ZodType>(path: string, schema: S, etag?: string | null): Promise<{ body: z.output<S>; etag: string | null } | null> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (etag) headers['if-none-match'] = etag;
    const res = await (options.fetch ?? fetch)(`${base}${path}`, { headers, signal: AbortSignal.timeout(options.timeout ?? 10_000), redirect: 'error' });
    if (res.status === 304 && etag) return null;
    if (!res.ok) throw new Error(`${res.status} from ${path}`);
    const parsed = z.safeParse(schema, await res.json());
    if (!parsed.success) throw new Error(`${path} is not HSDS 3`);
    return { body: parsed.data, etag: res.headers.get('etag') };
  };
  const meta = (await get('/', HsdsMeta))!.body;
  if (!meta.version.startsWith('3.')) throw new Error(`HSDS ${meta.version}, not 3`);

  /** Every page of a list, until the one that says it is the last. */
  const pages = async <T>(path: string, schema: z.core.$ZodType) => {
    const items: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { body } = (await get(`${path}?page=${page}&per_page=${PER_PAGE}`, schema))! as { body: { contents: T[]; last_page: boolean } };
      items.push(...body.contents);
      if (body.last_page || !body.contents.length) break;
    }
    return items;
  };
  const services: Copy['services'] = new Map();
  for (const listed of await pages<HsdsService>('/services', HsdsServicePage)) {
    if (services.has(listed.id)) continue;
    // The list may give less than the whole record: each service is read whole, revalidated by its ETag.
    const whole = await get(`/services/${encodeURIComponent(listed.id)}`, HsdsService, etags.get(listed.id));
    services.set(listed.id, whole ? { etag: whole.etag, data: whole.body } : 'unchanged');
  }
  const organizations = await pages<HsdsOrganization>('/organizations', HsdsOrganizationPage);
  return { services, organizations };
}

const recordSearch = (r: { name: string; description?: string | null; eligibility_description?: string | null }) => searchText(r.name, r.description, r.eligibility_description);

/** The names of the taxonomy terms a service is filed under (HSDS 3 `attributes[].taxonomy_term`), as words. */
const recordTaxonomy = (r: HsdsService) =>
  searchText(...(Array.isArray(r.attributes) ? (r.attributes as { taxonomy_term?: { name?: unknown } | null }[]) : []).map((a) => (typeof a?.taxonomy_term?.name === 'string' ? a.taxonomy_term.name : null)));

async function store(q: Queryable, directoryId: string, copy: Copy, now: Date, options: FollowingOptions): Promise<void> {
  for (const [id, service] of copy.services) {
    if (service === 'unchanged') continue;
    await q.query(
      `insert into directory_services (directory_id, id, organization_id, etag, data, search, taxonomy) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (directory_id, id) do update set organization_id = excluded.organization_id, etag = excluded.etag, data = excluded.data, search = excluded.search, taxonomy = excluded.taxonomy`,
      [directoryId, id, service.data.organization_id ?? service.data.organization?.id ?? null, service.etag, service.data, recordSearch(service.data), recordTaxonomy(service.data)],
    );
  }
  // What the origin no longer lists is gone there: gone here too.
  await q.query('delete from directory_services where directory_id = $1 and not (id = any($2))', [directoryId, [...copy.services.keys()]]);
  await q.query('delete from directory_organizations where directory_id = $1', [directoryId]);
  const seen = new Set<string>();
  for (const o of copy.organizations) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    await q.query('insert into directory_organizations (directory_id, id, data, search) values ($1, $2, $3, $4)', [directoryId, o.id, o, recordSearch(o)]);
  }
  await q.query(`update directories set state = 'ok', last_error = null, failures = 0, polled_at = $2, next_poll_at = $3 where id = $1`, [
    directoryId,
    now,
    new Date(now.getTime() + options.interval * 0.9),
  ]);
}
