import { organizationRoutes, type RouteQuery } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import { byName } from '../orders.ts';
import type { CallOptions } from '../http.ts';

/** Organizations, by name; optionally those of a community. */
export const listOrganizations = (core: PerronCore, query?: RouteQuery<'listOrganizations'>, o?: CallOptions) => core.list(organizationRoutes.listOrganizations, query, o, byName);

export const getOrganization = (core: PerronCore, slug: string, o?: CallOptions) => core.call(organizationRoutes.getOrganization, { params: { slug } }, o, slug);
