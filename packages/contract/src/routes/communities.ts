import { Community } from '../community.ts';
import { route, SlugPath } from '../route.ts';
import * as z from 'zod/mini';

/** Communities, territorial (nested) and of interest. */
export const communityRoutes = {
  listCommunities: route({ method: 'GET', path: '/v1/communities', tag: 'communities', summary: 'All communities, territorial (nested) and of interest', response: z.object({ items: z.array(Community) }) }),
  getCommunity: route({ method: 'GET', path: '/v1/communities/{slug}', tag: 'communities', summary: 'One community', params: SlugPath, response: Community }),
} as const;
