import type { HsdsService, Lang, ServiceCreate } from '@perron/contract';
import type { Queryable } from '../database.ts';
import { likeEscape, Params } from './sql.ts';

// The directory's services that could answer a need: SQL only; which words to look for is
// services/service-suggestions.ts's business.

/** A word looked for at the start of a word of the service's text, and what finding it is worth. */
export interface Term {
  word: string;
  weight: number;
}

/** A need's project's communities and every community they are nested in (a city's service serves its neighbourhoods). */
export async function communitiesAround(q: Queryable, projectId: string): Promise<{ ids: string[]; slugs: string[] }> {
  const rows = await q.query<{ id: string; slug: string }>(
    `with recursive up(id, parent_id) as (
       select c.id, c.parent_id from communities c join project_communities pc on pc.community_id = c.id where pc.project_id = $1
       union select c.id, c.parent_id from communities c join up on c.id = up.parent_id
     ) select c.id, c.slug from communities c where c.id in (select id from up)`,
    [projectId],
  );
  return { ids: rows.map((r) => r.id), slugs: rows.map((r) => r.slug) };
}

export interface LocalMatch {
  data: ServiceCreate;
  id: string;
  org_name: string;
  org_name_en: string | null;
  org_website: string | null;
}
export interface ImportedMatch {
  data: HsdsService;
  id: string;
  lang: Lang;
  url: string;
  org_name: string | null;
}
export type Match = { local: LocalMatch } | { imported: ImportedMatch };

/**
 * The best `limit` active services for these terms, best score first (this node's own before an
 * imported one at the same score): this node's services but those of the project's own
 * organization, in one of these communities (or, when they name none, whose organization is in
 * one of them), and every imported directory's (a node's curators import the directories that
 * serve its communities). A service that matches no term is none.
 */
export async function matchServices(q: Queryable, f: { terms: Term[]; communities: { ids: string[]; slugs: string[] }; exceptOrganization: string; limit: number }): Promise<Match[]> {
  if (!f.terms.length) return [];
  const p = new Params();
  // Each term found at the start of a word of the text: `' ' || text like '% word%'`.
  const score = (text: string) => f.terms.map((t) => `(case when ' ' || ${text} like ${p.add(`% ${likeEscape(t.word)}%`)} then ${Number(t.weight)} else 0 end)`).join(' + ');
  const slugs = p.add(f.communities.slugs);
  const ids = p.add(f.communities.ids);
  const own = p.add(f.exceptOrganization);
  const keys = await q.query<{ src: number; id: string; directory_id: string | null }>(
    `select src, id, directory_id from (
       select 0 as src, s.id, null as directory_id, ${score('s.search')} as score
         from org_services s
        where s.status = 'active' and s.organization_id <> ${own} and (
          exists (select 1 from jsonb_array_elements_text(coalesce(s.data->'communities', '[]')) c where c = any(${slugs}))
          or (jsonb_array_length(coalesce(s.data->'communities', '[]')) = 0
              and exists (select 1 from organization_communities oc where oc.organization_id = s.organization_id and oc.community_id = any(${ids}))))
       union all
       select 1 as src, d.id, d.directory_id, ${score(`(d.search || ' ' || d.taxonomy)`)} as score
         from directory_services d
        where coalesce(d.data->>'status', 'active') = 'active'
     ) x where score > 0 order by score desc, src, id, directory_id limit ${p.add(f.limit)}`,
    p.values,
  );
  const local = keys.filter((k) => Number(k.src) === 0).map((k) => k.id);
  const imported = keys.filter((k) => Number(k.src) === 1).map((k) => `${k.directory_id}/${k.id}`);
  const localRows = local.length
    ? await q.query<LocalMatch>('select s.id, s.data, o.name as org_name, o.name_en as org_name_en, o.website as org_website from org_services s join organizations o on o.id = s.organization_id where s.id = any($1)', [local])
    : [];
  const importedRows = imported.length
    ? await q.query<ImportedMatch & { directory_id: string }>(
        `select s.directory_id, s.id, s.data, d.lang, d.url, o.data->>'name' as org_name
           from directory_services s join directories d on d.id = s.directory_id
           left join directory_organizations o on o.directory_id = s.directory_id and o.id = s.organization_id
          where s.directory_id || '/' || s.id = any($1)`,
        [imported],
      )
    : [];
  const byLocal = new Map(localRows.map((r) => [r.id, r]));
  const byImported = new Map(importedRows.map((r) => [`${r.directory_id}/${r.id}`, r]));
  return keys.map((k) => (Number(k.src) === 0 ? { local: byLocal.get(k.id)! } : { imported: byImported.get(`${k.directory_id}/${k.id}`)! }));
}
