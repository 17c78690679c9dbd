import { FOLLOW_SELECT, toFollow, type FollowRow } from '../db/queries/followed.ts';
import type { Queryable } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import { badField } from '../services/bad-input.ts';
import { addFollow, followedBase } from '../services/following.ts';
import type { Handlers } from './types.ts';

async function found(q: Queryable, id: string) {
  const [row] = await q.query<FollowRow>(`${FOLLOW_SELECT} where f.id = $1`, [id]);
  if (!row) throw new ProblemError('not_found', `This node follows no node with the id ${id}`);
  return toFollow(row);
}

export const followsHandlers = {
  async listFollows({ q }) {
    const rows = await q.query<FollowRow>(`${FOLLOW_SELECT} order by f.created_at, f.id limit 100`);
    return { items: rows.map(toFollow), nextCursor: null };
  },

  async getFollow({ q, params }) {
    return found(q, params.id);
  },

  /** Recorded now, read in the background: a slow or absent node never holds a request. */
  async createFollow({ q, body, node }) {
    if (followedBase(body.url) === node.baseUrl) throw badField('body.url', 'A node cannot follow itself', 'self');
    const id = await addFollow(q, body.url, body.communities ?? [], node.now());
    if (!id) throw new ProblemError('conflict', `This node already follows ${followedBase(body.url)}`);
    node.worker?.wake();
    return found(q, id);
  },

  /** Its copies go with it (on delete cascade). */
  async deleteFollow({ q, params }) {
    await found(q, params.id);
    await q.query('delete from follows where id = $1', [params.id]);
    return {};
  },
} satisfies Partial<Handlers>;
