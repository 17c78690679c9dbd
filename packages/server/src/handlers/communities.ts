import { COMMUNITY_SELECT, toCommunity, type CommunityRow } from '../db/queries/communities.ts';
import { ProblemError } from '../http/problem.ts';
import type { Handlers } from './types.ts';

export const communitiesHandlers = {
  async listCommunities({ q }) {
    // Territorial first, from the city down, then communities of interest; a handful of rows.
    const rows = await q.query<CommunityRow>(`${COMMUNITY_SELECT}
      order by c.kind desc, array_position(array['region', 'city', 'borough', 'neighbourhood'], c.level), c.slug`);
    return { items: rows.map(toCommunity) };
  },

  async getCommunity({ q, params }) {
    const [row] = await q.query<CommunityRow>(`${COMMUNITY_SELECT} where c.slug = $1`, [params.slug]);
    if (!row) throw new ProblemError('not_found', `No community ${params.slug}`);
    return toCommunity(row);
  },
} satisfies Partial<Handlers>;
