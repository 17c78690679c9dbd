import { Id } from '@perron/contract';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { closeVoting, contestForCurator, linkIdeaToProject, publishResults } from '../../services/contest-results.ts';
import type { WorkspaceEnv } from '../context.ts';
import { formInput } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { actingAs, refuse, requireCurator } from '../session.tsx';
import { pick } from '../views/format.ts';
import { ContestReview } from './contests.view.tsx';

const Path = z.object({ id: Id });
const Winners = z.array(Id);

/** A curator finishes a contest: closes its vote, publishes its results, links ideas to the projects they became. */
export const contestsScreen: Screen = (ws, node) => {
  const id = (c: Context<WorkspaceEnv>, name = 'id') => {
    const parsed = z.safeParse(Path, { id: c.req.param(name) });
    return parsed.success ? parsed.data.id : null;
  };
  const page = (c: Context<WorkspaceEnv>, contestId: string, done: string) => c.redirect(`/workspace/c/${c.get('community').slug}/contests/${contestId}?done=${done}`, 303);

  ws.get('/c/:community/contests/:id', requireCurator, async (c) => {
    const contestId = id(c);
    const review = contestId && (await contestForCurator(node.db, actingAs(c, 'curator'), contestId, node.now()));
    if (!review) return refuse(c, 404);
    return c.render(<ContestReview {...review} />, { title: pick(review.contest.title, c.get('lang')) });
  });

  ws.post('/c/:community/contests/:id/close', requireCurator, async (c) => {
    const contestId = id(c);
    if (!contestId) return refuse(c, 404);
    await node.db.tx((q) => closeVoting(q, actingAs(c, 'curator'), contestId, node.now()));
    return page(c, contestId, 'voting_closed');
  });

  ws.post('/c/:community/contests/:id/results', requireCurator, async (c) => {
    const contestId = id(c);
    const winners = z.safeParse(Winners, (await formInput(c)).winners ?? []);
    if (!contestId || !winners.success) return refuse(c, 404);
    await node.db.tx((q) => publishResults(q, actingAs(c, 'curator'), contestId, winners.data, node.now()));
    return page(c, contestId, 'results_published');
  });

  ws.post('/c/:community/contests/:id/ideas/:idea/project', requireCurator, async (c) => {
    const contestId = id(c);
    const ideaId = id(c, 'idea');
    const input = await formInput(c);
    const projectId = z.safeParse(z.optional(Id), input.projectId);
    if (!contestId || !ideaId || !projectId.success) return refuse(c, 404);
    await node.db.tx((q) => linkIdeaToProject(q, actingAs(c, 'curator'), ideaId, projectId.data ?? null));
    return page(c, contestId, 'project_linked');
  });
};
