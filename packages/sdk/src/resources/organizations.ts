import type { RouteQuery } from '@perron/contract';
import type { CallOptions } from '../http.ts';
import type { Context } from '../client.ts';

export const organizations = (c: Context) => ({
  list: (query?: RouteQuery<'listOrganizations'>, o?: CallOptions) => c.list('listOrganizations', query, o),
  get: (slug: string, o?: CallOptions) => c.call('getOrganization', { params: { slug } }, o, slug),
});
