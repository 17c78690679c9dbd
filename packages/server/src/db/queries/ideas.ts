import type { ContestPhaseName, Idea, IdeaContest, LocalizedText } from '@perron/contract';
import type { Queryable } from '../database.ts';
import { communityTree } from './communities.ts';
import { CURSOR_PART, decodeCursor, fromMicros, iso, microsOf, pageOf, Params } from './sql.ts';

export interface IdeaRow {
  id: string;
  title: string;
  description: string;
  lang: Idea['lang'];
  community: string;
  contest_id: string | null;
  status: Idea['status'] | 'pending';
  author_email: string | null;
  confirmed_at: Date | null;
  support_count: number;
  project_id: string | null;
  created_at: Date;
  cursor_at: string;
}

const IDEA_SELECT = `
  select i.id, i.title, i.description, i.lang, c.slug as community, i.contest_id, i.status, i.support_count,
         i.project_id, i.created_at, i.author_email, i.confirmed_at, ${microsOf('i.created_at')} as cursor_at
    from ideas i join communities c on c.id = i.community_id`;

/** What the public reads: an idea a curator published (then selected or not). */
export const LISTED = `('published', 'selected', 'not_selected')`;
export const isListed = (r: Pick<IdeaRow, 'status'>) => r.status === 'published' || r.status === 'selected' || r.status === 'not_selected';

/** A confirmed idea becomes an answer (to the public once listed, to its author in review): a pending one is nobody's business. */
export function toIdea(r: IdeaRow): Idea {
  if (r.status === 'pending') throw new Error(`The idea ${r.id} is pending: it is not shown`);
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    lang: r.lang,
    community: r.community,
    contestId: r.contest_id,
    status: r.status,
    supportCount: r.support_count,
    projectId: r.project_id,
    createdAt: iso(r.created_at),
  };
}

export async function ideaRow(q: Queryable, id: string): Promise<IdeaRow | undefined> {
  return (await q.query<IdeaRow>(`${IDEA_SELECT} where i.id = $1`, [id]))[0];
}

export interface IdeaFilters {
  community?: string;
  contest?: string;
  sort?: 'support' | 'recent';
  limit: number;
  cursor?: string;
}

/**
 * Listed ideas, by keyset on (support_count, id) or (created_at, id), both descending. The cursor
 * names its sort, so a cursor from one order can't continue the other.
 */
export async function listIdeas(q: Queryable, f: IdeaFilters) {
  const sort = f.sort ?? 'support';
  const p = new Params();
  const where = [`i.status in ${LISTED}`];
  if (f.community) where.push(`i.community_id in ${communityTree(p.add(f.community), 'slug')}`);
  if (f.contest) where.push(`i.contest_id = ${p.add(f.contest)}`);
  if (f.cursor) {
    const [, value, id] = decodeCursor(f.cursor, [sort === 'support' ? /^s$/ : /^r$/, CURSOR_PART.micros, CURSOR_PART.id]) as [string, string, string];
    where.push(
      sort === 'support'
        ? `(i.support_count, i.id) < (${p.add(Number(value))}::integer, ${p.add(id)})`
        : `(i.created_at, i.id) < (${fromMicros(p.add(value))}, ${p.add(id)})`,
    );
  }
  const order = sort === 'support' ? 'i.support_count desc, i.id desc' : 'i.created_at desc, i.id desc';
  const rows = await q.query<IdeaRow>(`${IDEA_SELECT} where ${where.join(' and ')} order by ${order} limit ${p.add(f.limit + 1)}`, p.values);
  return pageOf(rows, f.limit, (r) => (sort === 'support' ? ['s', String(r.support_count), r.id] : ['r', r.cursor_at, r.id]), toIdea);
}

export interface ContestRow {
  id: string;
  community_id: string;
  community: string;
  title: LocalizedText;
  description: LocalizedText | null;
  phases: { phase: ContestPhaseName; startsOn: string; endsOn: string }[];
  idea_count: number;
  voting_closed_at: Date | null;
  results_at: Date | null;
  winners: string[];
  cursor_at: string;
}

const CONTEST_SELECT = `
  select k.id, k.community_id, c.slug as community, k.title, k.description,
         (select coalesce(json_agg(json_build_object('phase', ph.phase, 'startsOn', ph.starts_on::text, 'endsOn', ph.ends_on::text)
                                   order by ph.starts_on), '[]'::json)
            from contest_phases ph where ph.contest_id = k.id) as phases,
         (select count(*) from ideas i where i.contest_id = k.id and i.status in ${LISTED}) as idea_count,
         k.voting_closed_at, k.results_at,
         array(select i.id from ideas i where i.contest_id = k.id and i.status = 'selected' order by i.support_count desc, i.id) as winners,
         ${microsOf('k.created_at')} as cursor_at
    from contests k join communities c on c.id = k.community_id`;

/**
 * The phase on `today` (Montréal's day): a day between two phases belongs to the one before. A
 * curator's decisions come first: published results are `results` (then `closed` after the last
 * day), a closed vote is `selection` until then.
 */
export function currentPhase(phases: ContestRow['phases'], today: string, decided: { votingClosed?: boolean; results?: boolean } = {}): IdeaContest['currentPhase'] {
  const byDate = phaseByDate(phases, today);
  if (decided.results) return byDate === 'closed' ? 'closed' : 'results';
  if (decided.votingClosed && ['upcoming', 'submission', 'vote'].includes(byDate)) return 'selection';
  return byDate;
}

function phaseByDate(phases: ContestRow['phases'], today: string): IdeaContest['currentPhase'] {
  const first = phases[0];
  const last = phases[phases.length - 1];
  if (!first || !last || today < first.startsOn) return 'upcoming';
  if (today > last.endsOn) return 'closed';
  return phases.filter((ph) => ph.startsOn <= today).at(-1)!.phase;
}

export const toContest = (r: ContestRow, today: string): IdeaContest => ({
  id: r.id,
  title: r.title,
  description: r.description,
  community: r.community,
  phases: r.phases,
  currentPhase: currentPhase(r.phases, today, { votingClosed: !!r.voting_closed_at, results: !!r.results_at }),
  ideaCount: Number(r.idea_count),
  votingClosedAt: r.voting_closed_at ? iso(r.voting_closed_at) : null,
  results: r.results_at ? { publishedAt: iso(r.results_at), winners: r.winners } : null,
});

export async function contestRow(q: Queryable, id: string): Promise<ContestRow | undefined> {
  return (await q.query<ContestRow>(`${CONTEST_SELECT} where k.id = $1`, [id]))[0];
}

/** Contests newest first, by keyset on (created_at, id). */
export async function listContests(q: Queryable, f: { community?: string; limit: number; cursor?: string; today: string }) {
  const p = new Params();
  const where = ['true'];
  if (f.community) where.push(`k.community_id in ${communityTree(p.add(f.community), 'slug')}`);
  if (f.cursor) {
    const [micros, id] = decodeCursor(f.cursor, [CURSOR_PART.micros, CURSOR_PART.id]) as [string, string];
    where.push(`(k.created_at, k.id) < (${fromMicros(p.add(micros))}, ${p.add(id)})`);
  }
  const rows = await q.query<ContestRow>(
    `${CONTEST_SELECT} where ${where.join(' and ')} order by k.created_at desc, k.id desc limit ${p.add(f.limit + 1)}`,
    p.values,
  );
  return pageOf(rows, f.limit, (r) => [r.cursor_at, r.id], (r) => toContest(r, f.today));
}

/** Whether the contest is in this phase on `today`: writes are open only inside its dates. */
export async function phaseOpen(q: Queryable, contestId: string, phase: ContestPhaseName, today: string) {
  const [row] = await q.query<{ starts_on: string; ends_on: string; decided: boolean }>(
    `select ph.starts_on::text as starts_on, ph.ends_on::text as ends_on, (k.voting_closed_at is not null or k.results_at is not null) as decided
       from contest_phases ph join contests k on k.id = ph.contest_id where ph.contest_id = $1 and ph.phase = $2`,
    [contestId, phase],
  );
  // A curator who closed the vote (or published results) closes it for ideas and votes alike.
  const withinDates = !!row && row.starts_on <= today && today <= row.ends_on;
  return { open: withinDates && !row.decided, closedByCurator: withinDates && row.decided, startsOn: row?.starts_on, endsOn: row?.ends_on };
}
