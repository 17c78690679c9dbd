import { page, pageQuery, Slug } from '../common.ts';
import { Organization } from '../organization.ts';
import { route, SlugPath } from '../route.ts';
import * as z from 'zod/mini';

/** Organizations. */
export const organizationRoutes = {
  listOrganizations: route({ method: 'GET', path: '/v1/organizations', tag: 'organizations', summary: 'Organizations, optionally of a community', query: z.strictObject({ community: z.optional(Slug), ...pageQuery }), response: page(Organization) }),
  getOrganization: route({ method: 'GET', path: '/v1/organizations/{slug}', tag: 'organizations', summary: 'One organization', params: SlugPath, response: Organization }),
} as const;
