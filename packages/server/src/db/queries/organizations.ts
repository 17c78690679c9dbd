import type { Organization } from '@perron/contract';

export interface OrganizationRow {
  id: string;
  slug: string;
  name: string;
  kind: Organization['kind'];
  description: Organization['description'];
  website: string | null;
  communities: string[];
}

export const ORGANIZATION_SELECT = `
  select o.id, o.slug, o.name, o.kind, o.description, o.website,
         array(select c.slug from organization_communities oc join communities c on c.id = oc.community_id
                where oc.organization_id = o.id order by c.slug) as communities
    from organizations o`;

export const toOrganization = (r: OrganizationRow): Organization => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  kind: r.kind,
  description: r.description,
  website: r.website,
  communities: r.communities,
});

/** SQL for an organization's summary as JSON, from the alias of an `organizations` row. */
export const summaryJson = (o: string) => `json_build_object('id', ${o}.id, 'slug', ${o}.slug, 'name', ${o}.name, 'kind', ${o}.kind)`;
