import { FollowCreate, Id } from '@perron/contract';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { ProblemError } from '../../http/problem.ts';
import { findFollow, followNode, listFollows, unfollow } from '../../services/follows.ts';
import type { WorkspaceEnv } from '../context.ts';
import { formInput, parseForm, type FormErrors } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { refuse, requireCurator } from '../session.tsx';
import { FollowRemoveView, FollowsView, type FollowValues } from './follows.view.tsx';

/** The communities as typed: slugs separated by commas or spaces; none, every community. */
const slugsOf = (text: string | undefined) => (text ?? '').split(/[\s,]+/).filter(Boolean);

/**
 * The nodes this node follows, for its curators: the API's `/v1/follows` routes take any curator's
 * key, so any community's curator sees them here, through the same service.
 */
export const followsScreen: Screen = (ws, node) => {
  const base = (c: Context<WorkspaceEnv>) => `/workspace/c/${c.get('community').slug}/follows`;
  const page = async (c: Context<WorkspaceEnv>, extra: { errors?: FormErrors; values?: FollowValues } = {}) =>
    c.render(<FollowsView follows={await listFollows(node.db)} {...extra} />, { title: c.get('t').follows.title });

  ws.get('/c/:community/follows', requireCurator, (c) => page(c));

  ws.post('/c/:community/follows', requireCurator, async (c) => {
    const k = c.get('t').follows.errors;
    const input = await formInput(c);
    const values = { url: input.url as string | undefined, communities: input.communities as string | undefined };
    const parsed = parseForm(FollowCreate, { url: values.url, communities: slugsOf(values.communities) }, c.get('t'));
    const errors: FormErrors = {};
    if (!parsed.ok) {
      // One message per field, in the person's words (the schema's speaks of items and patterns).
      if (Object.keys(parsed.errors).some((name) => name === 'url' || name === 'form')) errors.url = k.url;
      if (Object.keys(parsed.errors).some((name) => name.startsWith('communities'))) errors.communities = k.communities;
    } else {
      try {
        await node.db.tx((q) => followNode(q, node, parsed.data));
        return c.redirect(`${base(c)}?done=node_followed`, 303);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        const code = error.code === 'conflict' ? 'duplicate' : error.extra.errors?.[0]?.code;
        if (code !== 'duplicate' && code !== 'self' && code !== 'private_address') throw error;
        errors.url = code === 'duplicate' ? k.duplicate : code === 'self' ? k.self : k.private;
      }
    }
    c.status(422);
    return page(c, { errors, values });
  });

  const found = async (c: Context<WorkspaceEnv>) => {
    const id = z.safeParse(Id, c.req.param('id'));
    return id.success ? findFollow(node.db, id.data) : null;
  };

  ws.get('/c/:community/follows/:id/remove', requireCurator, async (c) => {
    const follow = await found(c);
    if (!follow) return refuse(c, 404);
    return c.render(<FollowRemoveView follow={follow} />, { title: `${c.get('t').follows.removeTitle} ${follow.url}` });
  });

  ws.post('/c/:community/follows/:id/remove', requireCurator, async (c) => {
    const follow = await found(c);
    if (!follow) return refuse(c, 404);
    // Unfollowed by someone else meanwhile: the list says it is gone either way.
    await node.db.tx((q) => unfollow(q, follow.id)).catch((error) => {
      if (!(error instanceof ProblemError && error.code === 'not_found')) throw error;
    });
    return c.redirect(`${base(c)}?done=node_unfollowed`, 303);
  });
};
