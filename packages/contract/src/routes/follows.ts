import { page } from '../common.ts';
import { Follow, FollowCreate } from '../follow.ts';
import { Empty, IdPath, route } from '../route.ts';

/** The nodes this node follows: their published projects, needs and events join its public lists, with their origin. */
export const followRoutes = {
  listFollows: route({ method: 'GET', path: '/v1/follows', tag: 'federation', auth: 'curator', summary: 'The nodes this node follows', response: page(Follow) }),
  createFollow: route({ method: 'POST', path: '/v1/follows', tag: 'federation', auth: 'curator', summary: 'Follow a node by its URL; it is read in the background. Refused (400) for this node itself or an address on this machine or a private network', body: FollowCreate, response: Follow, errors: ['conflict', 'idempotency_conflict'] }),
  getFollow: route({ method: 'GET', path: '/v1/follows/{id}', tag: 'federation', auth: 'curator', summary: 'A followed node and how its last poll went', params: IdPath, response: Follow }),
  deleteFollow: route({ method: 'DELETE', path: '/v1/follows/{id}', tag: 'federation', auth: 'curator', summary: 'Stop following a node; its copies leave the lists', params: IdPath, response: Empty }),
} as const;
