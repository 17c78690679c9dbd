// A contest's cycle, finished by a curator of its community: the vote closed, the winners
// selected and the results published; an idea linked to the project it became.
import type { IdeaContest } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { communityTree } from '../db/queries/communities.ts';
import { contestRow, LISTED, toContest, type IdeaRow } from '../db/queries/ideas.ts';
import type { ApiKey } from '../http/auth.ts';
import { ProblemError } from '../http/problem.ts';
import { localDate } from './time-zone.ts';

/** The contests of the curator's communities (and those within them), newest first. */
export async function contestsForCurator(q: Queryable, key: ApiKey, now: Date): Promise<IdeaContest[]> {
  const ids = await q.query<{ id: string }>(`select id from contests where community_id in ${communityTree('$1', 'ids')} order by created_at desc, id desc limit 50`, [key.communityIds]);
  const rows = await Promise.all(ids.map((r) => contestRow(q, r.id)));
  return rows.map((r) => toContest(r!, localDate(now)));
}

/** One contest of the curator's communities, with its listed ideas by support; null elsewhere. */
export async function contestForCurator(q: Queryable, key: ApiKey, id: string, now: Date) {
  const [mine] = await q.query(`select 1 from contests where id = $1 and community_id in ${communityTree('$2', 'ids')}`, [id, key.communityIds]);
  const row = mine && (await contestRow(q, id));
  if (!row) return null;
  const ideas = await q.query<Pick<IdeaRow, 'id' | 'title' | 'lang' | 'status' | 'support_count' | 'project_id'>>(
    `select id, title, lang, status, support_count, project_id from ideas where contest_id = $1 and status in ${LISTED} order by support_count desc, id`,
    [id],
  );
  const projects = await q.query<{ id: string; title: { fr: string; en?: string } }>(
    `select distinct p.id, p.title from projects p join project_communities pc on pc.project_id = p.id
      where p.status in ('published', 'completed') and pc.community_id in ${communityTree('$1', 'ids')} order by p.id limit 200`,
    [[row.community_id]],
  );
  return { contest: toContest(row, localDate(now)), ideas, projects };
}

async function requireContest(q: Queryable, key: ApiKey, id: string) {
  const [row] = await q.query<{ voting_closed_at: Date | null; results_at: Date | null }>(
    `select voting_closed_at, results_at from contests where id = $1 and community_id in ${communityTree('$2', 'ids')} for update`,
    [id, key.communityIds],
  );
  if (!row) throw new ProblemError('not_found', `No idea contest has the id ${id}`);
  return row;
}

/** Closes the vote now: later votes are refused (phase_closed), counted ones stay. */
export async function closeVoting(q: Queryable, key: ApiKey, id: string, now: Date): Promise<void> {
  const row = await requireContest(q, key, id);
  if (row.voting_closed_at || row.results_at) throw new ProblemError('invalid_state', 'The vote of this contest is already closed');
  await q.query('update contests set voting_closed_at = $2 where id = $1', [id, now]);
}

/** Publishes the results once the vote is closed: the chosen ideas are selected, every other listed one is not. */
export async function publishResults(q: Queryable, key: ApiKey, id: string, winners: string[], now: Date): Promise<void> {
  const row = await requireContest(q, key, id);
  if (!row.voting_closed_at) throw new ProblemError('invalid_state', 'Close the vote before publishing the results');
  if (row.results_at) throw new ProblemError('invalid_state', 'The results of this contest are already published');
  await q.query(`update ideas set status = case when id = any($2) then 'selected' else 'not_selected' end where contest_id = $1 and status in ${LISTED}`, [id, winners]);
  await q.query('update contests set results_at = $2 where id = $1', [id, now]);
}

/** Links an idea of the curator's communities to the project it became (a published project of its community), or unlinks it. */
export async function linkIdeaToProject(q: Queryable, key: ApiKey, ideaId: string, projectId: string | null): Promise<void> {
  const [idea] = await q.query<{ community_id: string }>(`select community_id from ideas where id = $1 and status in ${LISTED} and community_id in ${communityTree('$2', 'ids')}`, [
    ideaId,
    key.communityIds,
  ]);
  if (!idea) throw new ProblemError('not_found', `No idea has the id ${ideaId}`);
  if (projectId) {
    const [project] = await q.query(`select 1 from projects where id = $1 and status in ('published', 'completed')`, [projectId]);
    if (!project) throw new ProblemError('not_found', `No published project has the id ${projectId}`);
  }
  await q.query('update ideas set project_id = $2 where id = $1', [ideaId, projectId]);
}
