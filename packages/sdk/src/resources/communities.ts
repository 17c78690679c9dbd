import { communityRoutes } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import type { CallOptions } from '../http.ts';

/** Every community of every node (territorial ones nest by `parent`); nodes that fail are left out unless all do. */
export const listCommunities = async (core: PerronCore, o?: CallOptions) =>
  (await core.callEach(communityRoutes.listCommunities, {}, o)).flatMap((answer) => answer.items.map((item) => ({ ...item, origin: answer.origin })));

export const getCommunity = (core: PerronCore, slug: string, o?: CallOptions) => core.call(communityRoutes.getCommunity, { params: { slug } }, o, slug);
