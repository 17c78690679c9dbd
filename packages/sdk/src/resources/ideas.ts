import type { RouteBody, RouteQuery } from '@perron/contract';
import type { CallOptions } from '../http.ts';
import type { Context } from '../client.ts';

export const ideas = (c: Context) => ({
  /** Confirmed ideas, by support (default) or newest (`sort: 'recent'`). */
  list: (query?: RouteQuery<'listIdeas'>, o?: CallOptions) => c.list('listIdeas', query, o),
  get: (id: string, o?: CallOptions) => c.call('getIdea', { params: { id } }, o, id),
  /** Propose an idea: it is listed once its author follows the emailed link. */
  create: (body: RouteBody<'createIdea'>, o?: CallOptions) => c.call('createIdea', { body }, o),
  /** Support an idea: the vote counts once the emailed link is followed. */
  vote: (id: string, body: RouteBody<'vote'>, o?: CallOptions) => c.call('vote', { params: { id }, body }, o, id),
  /** Confirm a vote or an idea with the token from the email. */
  confirm: (token: string, o?: CallOptions) => c.call('confirm', { params: { token }, body: {} }, o),
});

export const contests = (c: Context) => ({
  list: (query?: RouteQuery<'listContests'>, o?: CallOptions) => c.list('listContests', query, o),
  get: (id: string, o?: CallOptions) => c.call('getContest', { params: { id } }, o, id),
});
