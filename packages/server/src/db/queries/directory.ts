import type { Directory, HsdsOrganization, HsdsService, LocalizedText, Service, ServiceCreate } from '@perron/contract';
import type { Queryable } from '../database.ts';
import { iso, likeEscape, Params, searchText } from './sql.ts';

// The directory's rows: this node's services (as their organization wrote them, both languages)
// and the records of imported directories (as their origin served them, with its URL).

export interface ServiceRow {
  id: string;
  data: ServiceCreate;
  status: Service['status'];
  updated_at: Date;
  org_id: string;
  org_slug: string;
  org_name: string;
  org_name_en: string | null;
  org_kind: Service['organization']['kind'];
  org_description: LocalizedText | null;
  org_website: string | null;
}

const SERVICE_SELECT = `select s.id, s.data, s.status, s.updated_at, o.id as org_id, o.slug as org_slug, o.name as org_name, o.name_en as org_name_en, o.kind as org_kind,
    o.description as org_description, o.website as org_website
  from org_services s join organizations o on o.id = s.organization_id`;

export const toService = (r: ServiceRow): Service => {
  const d = r.data;
  return {
    id: r.id,
    organization: { id: r.org_id, slug: r.org_slug, name: r.org_name, ...(r.org_name_en ? { nameEn: r.org_name_en } : {}), kind: r.org_kind },
    status: r.status,
    name: d.name,
    description: d.description,
    audience: d.audience ?? null,
    languages: d.languages,
    hours: d.hours ?? [],
    hoursNote: d.hoursNote ?? null,
    place: d.place ?? null,
    website: d.website ?? null,
    email: d.email ?? null,
    phone: d.phone ?? null,
    cost: d.cost ? { free: d.cost.free, amount: d.cost.amount ?? null, note: d.cost.note ?? null } : null,
    communities: d.communities ?? [],
    updatedAt: iso(r.updated_at),
  };
};

export async function serviceRow(q: Queryable, id: string): Promise<ServiceRow | undefined> {
  return (await q.query<ServiceRow>(`${SERVICE_SELECT} where s.id = $1`, [id]))[0];
}

export const serviceSearch = (d: ServiceCreate) => searchText(d.name.fr, d.name.en, d.description.fr, d.description.en, d.audience?.fr, d.audience?.en);

export async function saveService(q: Queryable, s: { id: string; organizationId: string; hsdsOrganizationId: string; data: ServiceCreate; now: Date }): Promise<void> {
  await q.query(
    `insert into org_services (id, organization_id, hsds_organization_id, data, status, search, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $7)
     on conflict (id) do update set data = excluded.data, status = excluded.status, search = excluded.search, updated_at = excluded.updated_at`,
    [s.id, s.organizationId, s.hsdsOrganizationId, s.data, s.data.status ?? 'active', serviceSearch(s.data), s.now],
  );
}

const words = (search: string | undefined) => searchText(search).split(' ').filter(Boolean).slice(0, 8);

/**
 * One page of every service, this node's first (oldest first) then the imported ones: local rows
 * come back whole, imported ones as their HSDS record. Page numbers, as HSDS pages.
 */
export async function listDirectoryServices(q: Queryable, f: { search?: string; organizationId?: string; language?: string; offset: number; limit: number }) {
  const p = new Params();
  const local: string[] = [];
  const imported: string[] = [];
  for (const word of words(f.search)) {
    const like = p.add(`%${likeEscape(word)}%`);
    local.push(`s.search like ${like}`);
    imported.push(`d.search like ${like}`);
  }
  if (f.language) {
    const code = p.add(f.language);
    local.push(`exists (select 1 from jsonb_array_elements_text(s.data->'languages') l where l = ${code})`);
    imported.push(`exists (select 1 from jsonb_array_elements(coalesce(d.data->'languages', '[]')) l where l->>'code' = ${code})`);
  }
  if (f.organizationId) {
    const org = p.add(f.organizationId);
    local.push(`s.hsds_organization_id = ${org}`);
    imported.push(`d.organization_id = ${org}`);
  }
  const where = (conditions: string[]) => (conditions.length ? `where ${conditions.join(' and ')}` : '');
  const union = `select 0 as src, s.id, s.created_at as at, null as directory_id from org_services s ${where(local)}
    union all select 1 as src, d.id, null as at, d.directory_id from directory_services d ${where(imported)}`;
  const [{ n }] = (await q.query<{ n: number }>(`select count(*) as n from (${union}) x`, p.values)) as [{ n: number }];
  const keys = await q.query<{ src: number; id: string; directory_id: string | null }>(
    `select src, id, directory_id from (${union}) x order by src, at, directory_id, id limit ${p.add(f.limit)} offset ${p.add(f.offset)}`,
    p.values,
  );
  const localIds = keys.filter((k) => Number(k.src) === 0).map((k) => k.id);
  const rows = localIds.length ? await q.query<ServiceRow>(`${SERVICE_SELECT} where s.id = any($1)`, [localIds]) : [];
  const importedRows = keys.some((k) => Number(k.src) === 1)
    ? await q.query<ImportedRow & { directory_id: string; id: string }>(
        `${IMPORTED_SELECT} where s.directory_id || '/' || s.id = any($1)`,
        [keys.filter((k) => Number(k.src) === 1).map((k) => `${k.directory_id}/${k.id}`)],
      )
    : [];
  const byLocal = new Map(rows.map((r) => [r.id, r]));
  const byImported = new Map(importedRows.map((r) => [`${r.directory_id}/${r.id}`, r]));
  const items = keys.map((k) => (Number(k.src) === 0 ? { local: byLocal.get(k.id)! } : { imported: toImported(byImported.get(`${k.directory_id}/${k.id}`)!) }));
  return { total: Number(n), items };
}

export interface OrganizationRow {
  id: string;
  name: string;
  name_en: string | null;
  description: LocalizedText | null;
  website: string | null;
}

/** The organizations that offer services here (by name), then those of the imported directories. */
export async function listDirectoryOrganizations(q: Queryable, f: { search?: string; offset: number; limit: number }) {
  const p = new Params();
  const local: string[] = ['exists (select 1 from org_services s where s.organization_id = o.id)'];
  const imported: string[] = [];
  for (const word of words(f.search)) {
    const like = p.add(`%${likeEscape(word)}%`);
    local.push(`lower(o.name) like ${like}`);
    imported.push(`d.search like ${like}`);
  }
  const union = `select 0 as src, o.id, o.name as sort, null as directory_id from organizations o where ${local.join(' and ')}
    union all select 1 as src, d.id, d.data->>'name' as sort, d.directory_id from directory_organizations d ${imported.length ? `where ${imported.join(' and ')}` : ''}`;
  const [{ n }] = (await q.query<{ n: number }>(`select count(*) as n from (${union}) x`, p.values)) as [{ n: number }];
  const keys = await q.query<{ src: number; id: string; directory_id: string | null }>(
    `select src, id, directory_id from (${union}) x order by src, sort, directory_id, id limit ${p.add(f.limit)} offset ${p.add(f.offset)}`,
    p.values,
  );
  const local_ = await q.query<OrganizationRow>('select id, name, name_en, description, website from organizations where id = any($1)', [keys.filter((k) => Number(k.src) === 0).map((k) => k.id)]);
  const imported_ = await q.query<{ directory_id: string; id: string; data: HsdsOrganization }>(`select directory_id, id, data from directory_organizations where directory_id || '/' || id = any($1)`, [
    keys.filter((k) => Number(k.src) === 1).map((k) => `${k.directory_id}/${k.id}`),
  ]);
  const byLocal = new Map(local_.map((r) => [r.id, r]));
  const byImported = new Map(imported_.map((r) => [`${r.directory_id}/${r.id}`, r.data]));
  const items = keys.map((k) => (Number(k.src) === 0 ? { local: byLocal.get(k.id)! } : { imported: byImported.get(`${k.directory_id}/${k.id}`)! }));
  return { total: Number(n), items };
}

/** An imported service as its origin served it, and where and when it was read. */
export interface ImportedService {
  data: HsdsService;
  origin: { url: string; polledAt: Date | null };
}
interface ImportedRow {
  data: HsdsService;
  url: string;
  polled_at: Date | null;
}
const IMPORTED_SELECT = 'select s.directory_id, s.id, s.data, d.url, d.polled_at from directory_services s join directories d on d.id = s.directory_id';
const toImported = (r: ImportedRow): ImportedService => ({ data: r.data, origin: { url: r.url, polledAt: r.polled_at } });

export async function importedService(q: Queryable, id: string): Promise<ImportedService | undefined> {
  const [row] = await q.query<ImportedRow>(`${IMPORTED_SELECT} where s.id = $1 order by s.directory_id limit 1`, [id]);
  return row ? toImported(row) : undefined;
}

export interface DirectoryRow {
  id: string;
  url: string;
  lang: Directory['lang'];
  state: Directory['state'];
  last_error: string | null;
  failures: number;
  next_poll_at: Date;
  polled_at: Date | null;
  created_at: Date;
  service_count?: number;
  organization_count?: number;
}

export const DIRECTORY_SELECT = `select d.*,
    (select count(*) from directory_services x where x.directory_id = d.id) as service_count,
    (select count(*) from directory_organizations x where x.directory_id = d.id) as organization_count
  from directories d`;

export const toDirectory = (r: DirectoryRow): Directory => ({
  id: r.id,
  url: r.url,
  lang: r.lang,
  state: r.state,
  lastError: r.last_error,
  polledAt: r.polled_at ? iso(r.polled_at) : null,
  nextPollAt: iso(r.next_poll_at),
  serviceCount: Number(r.service_count ?? 0),
  organizationCount: Number(r.organization_count ?? 0),
  createdAt: iso(r.created_at),
});
