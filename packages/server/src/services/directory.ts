import { randomUUID } from 'node:crypto';
import type { Service, ServiceCreate } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { saveService, serviceRow, toService, type ServiceRow } from '../db/queries/directory.ts';
import { ProblemError } from '../http/problem.ts';
import { hsdsOrganizationId } from './hsds.ts';

// An organization's services, written the same way from the API (its key) and the workspace (its staff).

/** One of the organization's services, locked for the write; another's answers as if it did not exist. */
async function ownService(q: Queryable, organizationId: string, id: string): Promise<ServiceRow> {
  const [own] = await q.query('select id from org_services where id = $1 and organization_id = $2 for update', [id, organizationId]);
  const row = own ? await serviceRow(q, id) : undefined;
  if (!row) throw new ProblemError('not_found', `Your organization has no service with the id ${id}`);
  return row;
}

export async function createService(q: Queryable, organizationId: string, data: ServiceCreate, now: Date): Promise<Service> {
  const id = randomUUID();
  await saveService(q, { id, organizationId, hsdsOrganizationId: hsdsOrganizationId(organizationId), data, now });
  return toService((await serviceRow(q, id))!);
}

/** Writes what `next` makes of the service as it is: a merge (the API's PATCH) or a whole new description (the workspace's form). */
export async function reviseService(q: Queryable, organizationId: string, id: string, next: (current: ServiceCreate) => ServiceCreate, now: Date): Promise<Service> {
  const row = await ownService(q, organizationId, id);
  await saveService(q, { id, organizationId, hsdsOrganizationId: hsdsOrganizationId(organizationId), data: next(row.data), now });
  return toService((await serviceRow(q, id))!);
}

export async function deleteService(q: Queryable, organizationId: string, id: string): Promise<void> {
  await ownService(q, organizationId, id);
  await q.query('delete from org_services where id = $1', [id]);
}

/** The organization's services, by name. */
export async function organizationServices(q: Queryable, organizationId: string): Promise<Service[]> {
  const ids = await q.query<{ id: string }>(`select id from org_services where organization_id = $1 order by data->'name'->>'fr', id limit 200`, [organizationId]);
  const rows = await Promise.all(ids.map((r) => serviceRow(q, r.id)));
  return rows.filter((r): r is ServiceRow => !!r).map(toService);
}
