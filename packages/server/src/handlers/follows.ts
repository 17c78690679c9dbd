import { ProblemError } from '../http/problem.ts';
import { findFollow, followNode, listFollows, unfollow } from '../services/follows.ts';
import type { Handlers } from './types.ts';

export const followsHandlers = {
  async listFollows({ q }) {
    return { items: await listFollows(q), nextCursor: null };
  },

  async getFollow({ q, params }) {
    const follow = await findFollow(q, params.id);
    if (!follow) throw new ProblemError('not_found', `This node follows no node with the id ${params.id}`);
    return follow;
  },

  async createFollow({ q, body, node }) {
    return followNode(q, node, body);
  },

  async deleteFollow({ q, params }) {
    await unfollow(q, params.id);
    return {};
  },
} satisfies Partial<Handlers>;
