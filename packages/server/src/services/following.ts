import { Event, NodeInfo, page, Project, ProjectDetail, type Need } from '@perron/contract';
import * as z from 'zod/mini';
import type { Database, Queryable } from '../db/database.ts';
import type { FollowedPage, FollowRow } from '../db/queries/followed.ts';
import { searchText } from '../db/queries/sql.ts';
import type { Worker } from '../worker/worker.ts';
import { enqueue } from '../worker/jobs.ts';
import { newId } from '../ids.ts';
import type { Fetcher } from './outbound.ts';

/**
 * Keeps the copies of followed nodes up to date: each due node is read through its public API —
 * its node info, then its own published projects (with their needs) and events, page by page with
 * keyset cursors — revalidating every page and project with If-None-Match, so an unchanged node
 * costs a few 304s. What disappeared at the origin is dropped. A node that fails keeps its copy,
 * costs one log line, and is retried later and later (back-off). Only public answers are read:
 * no personal data crosses nodes.
 */
export interface FollowingOptions {
  /** Between two polls of a node that answered, in milliseconds. */
  interval: number;
  /** The longest wait after failures. */
  maxBackoff?: number;
  /** How other servers are read: `fetch` by default; the worker's own reads go through outboundFetch. */
  fetch?: Fetcher;
  log?: (line: string) => void;
  /** Per request, in milliseconds. */
  timeout?: number;
}

const PAGE = 100;
const MAX_PAGES = 50;
const ProjectPage = page(Project);
const EventPage = page(Event);

interface Copies {
  name: string;
  pages: Record<string, FollowedPage>;
  projects: Map<string, { etag: string | null; detail: ProjectDetail } | 'unchanged'>;
  /** null: listed on a page that did not change, so its copy stands. */
  events: Map<string, Event | null>;
}

/** The worker's job that polls: once per interval, and at once for a node just added (`createFollow` enqueues it). */
export const FOLLOW_JOB = 'follows.poll';

export function handleFollowing(worker: Worker, interval: number, read: Fetcher): void {
  if (interval > 0) worker.every(FOLLOW_JOB, interval, ({ db, at }) => pollFollows(db, at, { interval, fetch: read }).then(() => undefined));
}

/** A node's base URL as followed: its origin and path, without a trailing slash. */
export const followedBase = (url: string) => {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
};

/**
 * Records a node to follow, in the caller's transaction, and asks the worker to read it at once
 * rather than at the next periodic poll. Null when it is already followed.
 */
export async function addFollow(q: Queryable, url: string, communities: readonly string[], now: Date): Promise<string | null> {
  const base = followedBase(url);
  const [existing] = await q.query<{ id: string }>('select id from follows where url = $1', [base]);
  if (existing) return null;
  const id = newId('fol');
  await q.query('insert into follows (id, url, communities, next_poll_at, created_at) values ($1, $2, $3, $4, $4)', [id, base, [...new Set(communities)], now]);
  await enqueue(q, FOLLOW_JOB, {}, { dedupeKey: `${FOLLOW_JOB}@${id}` });
  return id;
}

/** Polls the followed nodes that are due at `now`; returns how many were polled. */
export async function pollFollows(db: Database, now: Date, options: FollowingOptions): Promise<number> {
  // Claimed by moving their next poll ahead, so a second process (or timer) skips them meanwhile.
  const due = await db.tx((q) =>
    q.query<FollowRow>(
      `update follows set next_poll_at = $2 where id in (
         select id from follows where next_poll_at <= $1 order by next_poll_at limit 10 for update skip locked)
       returning *`,
      [now, new Date(now.getTime() + Math.max(options.interval, 60_000))],
    ),
  );
  for (const follow of due) await pollOne(db, follow, now, options);
  return due.length;
}

async function pollOne(db: Database, follow: FollowRow, now: Date, options: FollowingOptions): Promise<void> {
  const etags = new Map((await db.query<{ id: string; etag: string | null }>('select id, etag from followed_projects where follow_id = $1', [follow.id])).map((r) => [r.id, r.etag]));
  let copies: Copies;
  try {
    copies = await read(follow, etags, options);
  } catch (error) {
    const failures = follow.failures + 1;
    const wait = Math.min(options.interval * 2 ** failures, options.maxBackoff ?? 3_600_000);
    const reason = error instanceof Error ? error.message : String(error);
    (options.log ?? console.warn)(`perron: followed node ${follow.url} unreachable (${reason}); its copy is kept, next try in ${Math.round(wait / 1000)} s`);
    await db.query(`update follows set state = 'unreachable', last_error = $2, failures = $3, next_poll_at = $4 where id = $1`, [follow.id, reason.slice(0, 300), failures, new Date(now.getTime() + wait)]);
    return;
  }
  await db.tx((q) => store(q, follow, copies, now, options));
}

async function read(follow: FollowRow, etags: Map<string, string | null>, options: FollowingOptions): Promise<Copies> {
  /** null: 304, what was read last time stands. */
  const get = async (url: string, etag?: string | null): Promise<{ body: unknown; etag: string | null } | null> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (etag) headers['if-none-match'] = etag;
    const res = await (options.fetch ?? fetch)(url, { headers, signal: AbortSignal.timeout(options.timeout ?? 10_000), redirect: 'error' });
    if (res.status === 304) return null;
    if (!res.ok) throw new Error(`${res.status} from ${new URL(url).pathname}`);
    return { body: await res.json(), etag: res.headers.get('etag') };
  };
  const parse = <S extends z.core.$ZodType>(schema: S, value: unknown, what: string): z.output<S> => {
    const parsed = z.safeParse(schema, value);
    if (!parsed.success) throw new Error(`${what} does not match the contract`);
    return parsed.data;
  };

  const info = await get(`${follow.url}/.well-known/perron.json`);
  if (!info) throw new Error('no node info');
  const node = parse(NodeInfo, info.body, 'its /.well-known/perron.json');
  const pages: Record<string, FollowedPage> = {};

  /** Every page of a list, from the first: a page that did not change (304) gives its ids and next cursor as last read. */
  const sweep = async <T extends { id: string }>(path: string, schema: z.core.$ZodType, onItems: (items: T[]) => void): Promise<string[]> => {
    const ids: string[] = [];
    for (const community of follow.communities.length ? follow.communities : [null]) {
      let cursor: string | null = null;
      for (let n = 0; n < MAX_PAGES; n++) {
        const query = new URLSearchParams({ origin: 'local', limit: String(PAGE) });
        if (community) query.set('community', community);
        if (cursor) query.set('cursor', cursor);
        const url = `${node.api}${path}?${query}`;
        const known = follow.pages[url];
        const answer = await get(url, known?.etag);
        let read: FollowedPage;
        if (!answer && known) read = known;
        else if (!answer) throw new Error(`304 without a known page for ${path}`);
        else {
          const list = parse(schema, answer.body, `a page of ${path}`) as { items: T[]; nextCursor: string | null };
          onItems(list.items);
          read = { etag: answer.etag ?? '', ids: list.items.map((i) => i.id), next: list.nextCursor };
        }
        if (read.etag) pages[url] = read;
        ids.push(...read.ids);
        cursor = read.next;
        if (!cursor) break;
      }
    }
    return [...new Set(ids)];
  };

  const events = new Map<string, Event | null>();
  const projectIds = await sweep<Project>('/projects', ProjectPage, () => {});
  const eventIds = await sweep<Event>('/events', EventPage, (items) => items.forEach((e) => events.set(e.id, e)));
  const projects: Copies['projects'] = new Map();
  for (const id of projectIds) {
    const answer = await get(`${node.api}/projects/${encodeURIComponent(id)}`, etags.get(id));
    if (!answer) projects.set(id, 'unchanged');
    else projects.set(id, { etag: answer.etag, detail: parse(ProjectDetail, answer.body, `the project ${id}`) });
  }
  for (const id of eventIds) if (!events.has(id)) events.set(id, null);
  return { name: node.name, pages, projects, events };
}

async function store(q: Queryable, follow: FollowRow, copies: Copies, now: Date, options: FollowingOptions): Promise<void> {
  const origin = follow.url;
  for (const [id, copy] of copies.projects) {
    if (copy === 'unchanged') continue;
    const detail: ProjectDetail = { ...copy.detail, origin, needs: copy.detail.needs.map((n) => ({ ...n, origin })) };
    await q.query(
      `insert into followed_projects (follow_id, id, etag, data, created_at, status, themes, communities, organization_slug, open_needs, search)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (follow_id, id) do update set etag = excluded.etag, data = excluded.data, created_at = excluded.created_at, status = excluded.status,
         themes = excluded.themes, communities = excluded.communities, organization_slug = excluded.organization_slug,
         open_needs = excluded.open_needs, search = excluded.search`,
      [
        follow.id,
        id,
        copy.etag,
        detail,
        detail.createdAt,
        detail.status,
        detail.themes,
        detail.communities,
        detail.organization.slug,
        [...new Set(detail.needs.filter((n) => n.status === 'open').map((n) => n.category))],
        searchText(detail.title.fr, detail.title.en, detail.summary.fr, detail.summary.en),
      ],
    );
    await q.query('delete from followed_needs where follow_id = $1 and project_id = $2', [follow.id, id]);
    for (const need of detail.needs as Need[]) {
      await q.query('insert into followed_needs (follow_id, id, project_id, data) values ($1, $2, $3, $4)', [follow.id, need.id, id, need]);
    }
  }
  for (const [id, event] of copies.events) {
    if (!event) continue;
    const data: Event = { ...event, origin };
    // A changed copy counts one more revision, so calendars take the update.
    await q.query(
      `insert into followed_events (follow_id, id, data, starts_at, ends_at, community, organization_slug, category, revised_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (follow_id, id) do update set data = excluded.data, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
         community = excluded.community, organization_slug = excluded.organization_slug, category = excluded.category,
         revised_at = excluded.revised_at, sequence = followed_events.sequence + 1
       where followed_events.data <> excluded.data`,
      [follow.id, id, data, data.startsAt, data.endsAt, data.community, data.organization.slug, data.category, now],
    );
  }
  // What the origin no longer lists is gone there: gone here too.
  const projectIds = [...copies.projects.keys()];
  await q.query('delete from followed_needs where follow_id = $1 and not (project_id = any($2))', [follow.id, projectIds]);
  await q.query('delete from followed_projects where follow_id = $1 and not (id = any($2))', [follow.id, projectIds]);
  await q.query('delete from followed_events where follow_id = $1 and not (id = any($2))', [follow.id, [...copies.events.keys()]]);
  await q.query(
    `update follows set name = $2, pages = $3, state = 'ok', last_error = null, failures = 0, polled_at = $4, next_poll_at = $5 where id = $1`,
    // Due a little before the interval ends, so that the worker's next periodic run finds it due.
    [follow.id, copies.name, copies.pages, now, new Date(now.getTime() + options.interval * 0.9)],
  );
}
