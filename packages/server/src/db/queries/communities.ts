import type { Community } from '@perron/contract';
import type { Queryable } from '../database.ts';

export interface CommunityRow {
  id: string;
  slug: string;
  kind: Community['kind'];
  level: Community['level'];
  parent: string | null;
  name: Community['name'];
  description: Community['description'];
}

export const COMMUNITY_SELECT = `
  select c.id, c.slug, c.kind, c.level, parent.slug as parent, c.name, c.description
    from communities c left join communities parent on parent.id = c.parent_id`;

export const toCommunity = (r: CommunityRow): Community => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind,
  level: r.level,
  parent: r.parent,
  name: r.name,
  description: r.description,
});

/**
 * SQL (a subquery) for the ids of a community and of all the communities nested in it,
 * given a parameter that holds community ids (`any`) or a slug (`slug`).
 */
export function communityTree(param: string, by: 'ids' | 'slug'): string {
  const root = by === 'ids' ? `id = any(${param})` : `slug = ${param}`;
  return `(with recursive tree(id) as (
      select id from communities where ${root}
      union select c.id from communities c join tree on c.parent_id = tree.id
    ) select id from tree)`;
}

/** The ids of these slugs; the slugs that name no community are returned apart. */
export async function communityIdsBySlug(q: Queryable, slugs: readonly string[]) {
  const rows = await q.query<{ id: string; slug: string }>('select id, slug from communities where slug = any($1)', [slugs]);
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  return { ids: slugs.flatMap((s) => bySlug.get(s) ?? []), unknown: slugs.filter((s) => !bySlug.has(s)) };
}
