import { Id } from '@perron/contract';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { moderateIdea } from '../../services/idea-moderation.ts';
import type { WorkspaceEnv } from '../context.ts';
import type { Screen } from '../index.tsx';
import { actingAs, refuse, requireCurator } from '../session.tsx';

const Path = z.object({ id: Id });

/** A curator publishes or declines a confirmed idea (the queue lists them: curation.view.tsx). */
export const ideasScreen: Screen = (ws, node) => {
  const decide = (publish: boolean) => async (c: Context<WorkspaceEnv>) => {
    const parsed = z.safeParse(Path, { id: c.req.param('id') });
    if (!parsed.success) return refuse(c, 404);
    await node.db.tx((q) => moderateIdea(q, node, actingAs(c, 'curator'), c.get('session')!.person.id, parsed.data.id, publish));
    return c.redirect(`/workspace/c/${c.get('community').slug}?done=${publish ? 'idea_published' : 'idea_declined'}#ideas-to-review`, 303);
  };
  ws.post('/c/:community/ideas/:id/publish', requireCurator, decide(true));
  ws.post('/c/:community/ideas/:id/decline', requireCurator, decide(false));
};
