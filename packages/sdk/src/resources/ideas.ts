import { ideaRoutes, type RouteBody, type RouteQuery } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import { mostSupported, newest } from '../orders.ts';
import type { CallOptions } from '../http.ts';

/** Confirmed ideas, by support (default) or newest (`sort: 'recent'`). */
export const listIdeas = (core: PerronCore, query?: RouteQuery<'listIdeas'>, o?: CallOptions) =>
  core.list(ideaRoutes.listIdeas, query, o, query?.sort === 'recent' ? newest : mostSupported);

export const getIdea = (core: PerronCore, id: string, o?: CallOptions) => core.call(ideaRoutes.getIdea, { params: { id } }, o, id);

/** Propose an idea: it is listed once its author follows the emailed link. */
export const createIdea = (core: PerronCore, body: RouteBody<'createIdea'>, o?: CallOptions) => core.call(ideaRoutes.createIdea, { body }, o);

/** Support an idea: the vote counts once the emailed link is followed. */
export const voteForIdea = (core: PerronCore, id: string, body: RouteBody<'vote'>, o?: CallOptions) => core.call(ideaRoutes.vote, { params: { id }, body }, o, id);

/** Confirm a vote or an idea with the token from the email. */
export const confirmByEmail = (core: PerronCore, token: string, o?: CallOptions) => core.call(ideaRoutes.confirm, { params: { token }, body: {} }, o);

/** Idea contests; with several nodes, one node's after the other's. */
export const listContests = (core: PerronCore, query?: RouteQuery<'listContests'>, o?: CallOptions) => core.list(ideaRoutes.listContests, query, o);

export const getContest = (core: PerronCore, id: string, o?: CallOptions) => core.call(ideaRoutes.getContest, { params: { id } }, o, id);
