import type { Event, Follow, Need, Project, ProjectDetail } from '@perron/contract';
import type { Queryable } from '../database.ts';
import { communityTree } from './communities.ts';
import { addDays, fromLocal, localDate } from '../../services/time-zone.ts';
import { CURSOR_PART, decodeCursor, fromMicros, iso, likeEscape, limitOf, microsOf, Params, searchText } from './sql.ts';
import type { EventFilters } from './events.ts';
import type { RequestContext } from '../../handlers/types.ts';

// Copies of followed nodes' items: the origin's answer kept as it was (with its `origin`), and the
// columns this node's lists filter and sort on, so a followed item sorts among local ones by the same keys.

export interface FollowRow {
  id: string;
  url: string;
  name: string | null;
  communities: string[];
  state: Follow['state'];
  last_error: string | null;
  failures: number;
  next_poll_at: Date;
  polled_at: Date | null;
  pages: Record<string, FollowedPage>;
  created_at: Date;
  project_count?: number;
  event_count?: number;
}

/** A list page of the origin as last read: revalidated with If-None-Match, its cursor followed without reading it again. */
export interface FollowedPage {
  etag: string;
  ids: string[];
  next: string | null;
}

export const FOLLOW_SELECT = `select f.*,
    (select count(*) from followed_projects x where x.follow_id = f.id) as project_count,
    (select count(*) from followed_events x where x.follow_id = f.id) as event_count
  from follows f`;

export const toFollow = (r: FollowRow): Follow => ({
  id: r.id,
  url: r.url,
  name: r.name,
  communities: r.communities,
  state: r.state,
  lastError: r.last_error,
  polledAt: r.polled_at ? iso(r.polled_at) : null,
  nextPollAt: iso(r.next_poll_at),
  projectCount: Number(r.project_count ?? 0),
  eventCount: Number(r.event_count ?? 0),
  createdAt: iso(r.created_at),
});

/** SQL: the array column holds the slug asked for or one nested in it here (slugs are matched as such when this node lacks them). */
const inCommunity = (column: string, slugParam: string) =>
  `${column} && (array[${slugParam}::text] || array(select slug from communities where id in ${communityTree(slugParam, 'slug')}))`;

export interface Sorted<T> {
  item: T;
  /** The list's keyset: the sort time in microseconds and the id. */
  key: [string, string];
}

/** Followed projects for `GET /v1/projects`: only published ones are copied, newest first, by the same keyset as local ones. */
export async function listFollowedProjects(q: Queryable, query: RequestContext<'listProjects'>['query'], limit: number): Promise<Sorted<Project>[]> {
  if (query.origin === 'local' || (query.status && query.status !== 'published')) return [];
  const p = new Params();
  const where: string[] = [];
  if (query.community) where.push(inCommunity('f.communities', p.add(query.community)));
  if (query.organization) where.push(`f.organization_slug = ${p.add(query.organization)}`);
  if (query.theme) where.push(`${p.add(query.theme)} = any(f.themes)`);
  if (query.needs) where.push(`${p.add(query.needs)} = any(f.open_needs)`);
  for (const word of searchText(query.q).split(' ').filter(Boolean).slice(0, 8)) where.push(`f.search like ${p.add(`%${likeEscape(word)}%`)}`);
  if (query.cursor) {
    const [micros, id] = decodeCursor(query.cursor, [CURSOR_PART.micros, CURSOR_PART.id]);
    where.push(`(f.created_at, f.id) < (${fromMicros(p.add(micros))}, ${p.add(id)})`);
  }
  const rows = await q.query<{ data: ProjectDetail; cursor_at: string; id: string }>(
    `select f.data, f.id, ${microsOf('f.created_at')} as cursor_at from followed_projects f
      ${where.length ? `where ${where.join(' and ')}` : ''} order by f.created_at desc, f.id desc limit ${limitOf(limit)}`,
    p.values,
    { prepared: true },
  );
  return rows.map((r) => {
    const { needs: _needs, ...project } = r.data;
    return { item: project, key: [r.cursor_at, r.id] };
  });
}

/** Followed events for `GET /v1/events` and the feed: soonest first, the same days as local ones. */
export async function listFollowedEvents(
  q: Queryable,
  f: EventFilters & { origin?: 'all' | 'local'; now: Date; limit: number; cursor?: string },
): Promise<(Sorted<Event> & { revisedAt: Date; sequence: number })[]> {
  if (f.origin === 'local') return [];
  const p = new Params();
  const where = [`f.ends_at >= ${p.add(fromLocal(f.from ?? localDate(f.now)))}`];
  if (f.to) where.push(`f.starts_at < ${p.add(fromLocal(addDays(f.to, 1)))}`);
  if (f.community) where.push(inCommunity('array[f.community]', p.add(f.community)));
  if (f.organization) where.push(`f.organization_slug = ${p.add(f.organization)}`);
  if (f.category) where.push(`f.category = ${p.add(f.category)}`);
  if (f.cursor) {
    const [micros, id] = decodeCursor(f.cursor, [CURSOR_PART.micros, CURSOR_PART.id]);
    where.push(`(f.starts_at, f.id) > (${fromMicros(p.add(micros))}, ${p.add(id)})`);
  }
  const rows = await q.query<{ data: Event; cursor_at: string; id: string; revised_at: Date; sequence: number }>(
    `select f.data, f.id, f.revised_at, f.sequence, ${microsOf('f.starts_at')} as cursor_at from followed_events f
      where ${where.join(' and ')} order by f.starts_at, f.id limit ${p.add(f.limit + 1)}`,
    p.values,
  );
  return rows.map((r) => ({ item: r.data, key: [r.cursor_at, r.id], revisedAt: r.revised_at, sequence: r.sequence }));
}

/** Two lists already in one order merged into the first `count` items of that order (`direction` 1: ascending). */
export function mergeSorted<S extends Sorted<unknown>>(a: S[], b: S[], count: number, direction: 1 | -1): S[] {
  const cmp = (x: S, y: S) => {
    const t = BigInt(x.key[0]) - BigInt(y.key[0]);
    if (t !== 0n) return (t < 0n ? -1 : 1) * direction;
    return (x.key[1] < y.key[1] ? -1 : x.key[1] > y.key[1] ? 1 : 0) * direction;
  };
  return [...a, ...b].sort(cmp).slice(0, count);
}

export async function followedProject(q: Queryable, id: string): Promise<ProjectDetail | undefined> {
  return (await q.query<{ data: ProjectDetail }>('select data from followed_projects where id = $1 order by follow_id limit 1', [id]))[0]?.data;
}

export async function followedNeed(q: Queryable, id: string): Promise<Need | undefined> {
  return (await q.query<{ data: Need }>('select data from followed_needs where id = $1 order by follow_id limit 1', [id]))[0]?.data;
}

export async function followedEvent(q: Queryable, id: string): Promise<Event | undefined> {
  return (await q.query<{ data: Event }>('select data from followed_events where id = $1 order by follow_id limit 1', [id]))[0]?.data;
}
