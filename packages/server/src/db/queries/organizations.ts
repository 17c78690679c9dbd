import type { Organization } from '@perron/contract';

export interface OrganizationRow {
  id: string;
  slug: string;
  name: string;
  name_en: string | null;
  kind: Organization['kind'];
  description: Organization['description'];
  website: string | null;
  logo_url: string | null;
  communities: string[];
}

export const ORGANIZATION_SELECT = `
  select o.id, o.slug, o.name, o.name_en, o.kind, o.description, o.website, o.logo_url,
         array(select c.slug from organization_communities oc join communities c on c.id = oc.community_id
                where oc.organization_id = o.id order by c.slug) as communities
    from organizations o`;

export const toOrganization = (r: OrganizationRow): Organization => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  ...(r.name_en ? { nameEn: r.name_en } : {}),
  kind: r.kind,
  description: r.description,
  website: r.website,
  ...(r.logo_url ? { logo: r.logo_url } : {}),
  communities: r.communities,
});

/** SQL for an organization's summary as JSON, from the alias of an `organizations` row; `nameEn` only when it has one. */
export const summaryJson = (o: string) =>
  `json_strip_nulls(json_build_object('id', ${o}.id, 'slug', ${o}.slug, 'name', ${o}.name, 'nameEn', ${o}.name_en, 'kind', ${o}.kind))`;
