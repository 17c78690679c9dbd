import type { CallOptions } from '../http.ts';
import type { Context } from '../client.ts';

export const communities = (c: Context) => ({
  /** Every community of every node (territorial ones nest by `parent`); nodes that fail are left out unless all do. */
  list: async (o?: CallOptions) => (await c.all('listCommunities', {}, o)).flatMap((answer) => answer.items.map((item) => ({ ...item, origin: answer.origin }))),
  get: (slug: string, o?: CallOptions) => c.call('getCommunity', { params: { slug } }, o, slug),
});
