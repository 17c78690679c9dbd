import { PAGE_SIZE } from '@perron/contract';
import { communityTree } from '../db/queries/communities.ts';
import { ORGANIZATION_SELECT, toOrganization, type OrganizationRow } from '../db/queries/organizations.ts';
import { CURSOR_PART, decodeCursor, pageOf, Params } from '../db/queries/sql.ts';
import { ProblemError } from '../http/problem.ts';
import type { Handlers } from './types.ts';

export const organizationsHandlers = {
  /** By slug, a unique key: the cursor is the last slug shown. */
  async listOrganizations({ q, query }) {
    const p = new Params();
    const where: string[] = [];
    if (query.community) {
      where.push(`exists (select 1 from organization_communities oc where oc.organization_id = o.id and oc.community_id in ${communityTree(p.add(query.community), 'slug')})`);
    }
    if (query.cursor) where.push(`o.slug > ${p.add(decodeCursor(query.cursor, [CURSOR_PART.id])[0])}`);
    const limit = query.limit ?? PAGE_SIZE.default;
    const rows = await q.query<OrganizationRow>(
      `${ORGANIZATION_SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by o.slug limit ${p.add(limit + 1)}`,
      p.values,
    );
    return pageOf(rows, limit, (r) => [r.slug], toOrganization);
  },

  async getOrganization({ q, params }) {
    const [row] = await q.query<OrganizationRow>(`${ORGANIZATION_SELECT} where o.slug = $1`, [params.slug]);
    if (!row) throw new ProblemError('not_found', `No organization ${params.slug}`);
    return toOrganization(row);
  },
} satisfies Partial<Handlers>;
