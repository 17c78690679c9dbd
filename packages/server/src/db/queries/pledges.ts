import { PAGE_SIZE, type Lang, type LocalizedText, type NeedCategory, type OrganizationPledge, type Pledge, type PledgeStatus } from '@perron/contract';
import type { Collection } from '../../services/payments.ts';
import { addDays, fromLocal } from '../../services/time-zone.ts';
import type { Queryable } from '../database.ts';
import { CURSOR_PART, decodeCursor, fromMicros, iso, microsOf, pageOf, Params } from './sql.ts';

export interface PledgeRow {
  id: string;
  need_id: string;
  project_id: string;
  category: NeedCategory;
  quantity: number;
  status: Pledge['status'];
  contact_name: string | null;
  contact_email: string | null;
  message: string | null;
  consent_version: string;
  consent_share: boolean;
  consent_updates: boolean;
  consent_at: Date;
  lang: Lang;
  collection: Collection | null;
  decline_reason: string | null;
  held_until: Date | null;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
  project_title: LocalizedText;
  need_title: LocalizedText;
  unit: 'hours' | 'people' | null;
  unit_label: LocalizedText | null;
}

/** A PledgeRow's columns of the pledge itself (`pl`); the others come from its need and project. */
export const PLEDGE_OWN_COLUMNS = `pl.id, pl.need_id, pl.project_id, pl.quantity, pl.status, pl.contact_name, pl.contact_email,
         pl.message, pl.consent_version, pl.consent_share, pl.consent_updates, pl.consent_at, pl.lang, pl.collection,
         pl.decline_reason, pl.held_until, pl.created_at, pl.updated_at, ${microsOf('pl.created_at')} as cursor_at`;

/** Pledges with their need and project by name; `pl`, `n` and `pr` are the aliases to filter on. */
export const PLEDGE_SELECT = `
  select ${PLEDGE_OWN_COLUMNS}, n.category, pr.title as project_title, n.title as need_title, n.unit, n.unit_label
    from pledges pl join needs n on n.id = pl.need_id join projects pr on pr.id = pl.project_id`;

/** What the pledger, and anyone, may see: no contact. */
export const toPledge = (r: PledgeRow): Pledge => ({
  id: r.id,
  needId: r.need_id,
  projectId: r.project_id,
  category: r.category,
  quantity: r.quantity,
  status: r.status,
  createdAt: iso(r.created_at),
  heldUntil: r.status === 'held' && r.held_until ? iso(r.held_until) : null,
  collection: r.collection,
});

/** What the project's organization sees: the contact (unless erased) and the consent as given. */
export const toOrganizationPledge = (r: PledgeRow): OrganizationPledge => ({
  ...toPledge(r),
  contact: r.contact_name !== null && r.contact_email !== null ? { name: r.contact_name, email: r.contact_email } : null,
  message: r.message,
  consent: { version: r.consent_version, shareWithOrganizers: r.consent_share, updates: r.consent_updates, at: iso(r.consent_at) },
  lang: r.lang,
  updatedAt: iso(r.updated_at),
  projectTitle: r.project_title,
  needTitle: r.need_title,
  unit: r.category === 'human' ? (r.unit ?? 'hours') : r.category === 'material' ? (r.unit_label ?? { fr: '' }) : null,
  declineReason: r.decline_reason,
});

export interface PledgeFilters {
  project?: string | undefined;
  need?: string | undefined;
  status?: PledgeStatus | undefined;
  /** Montréal days, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The most rows an export holds: a year of a busy organization, and a bound on one request's work. */
export const EXPORT_LIMIT = 10_000;

/**
 * An organization's pledges, newest first, filtered as its inbox is; keyset pages on
 * (created_at, id). Only the organization's own projects: another's pledges never appear.
 */
export async function listOrganizationPledges(
  q: Queryable,
  organizationId: string,
  f: PledgeFilters & { limit?: number | undefined; cursor?: string | undefined },
): Promise<{ items: OrganizationPledge[]; nextCursor: string | null }> {
  const p = new Params();
  const where = [`pr.organization_id = ${p.add(organizationId)}`];
  if (f.project) where.push(`pl.project_id = ${p.add(f.project)}`);
  if (f.need) where.push(`pl.need_id = ${p.add(f.need)}`);
  if (f.status) where.push(`pl.status = ${p.add(f.status)}`);
  if (f.from) where.push(`pl.created_at >= ${p.add(fromLocal(f.from))}`);
  if (f.to) where.push(`pl.created_at < ${p.add(fromLocal(addDays(f.to, 1)))}`);
  if (f.cursor) {
    const [micros, id] = decodeCursor(f.cursor, [CURSOR_PART.micros, CURSOR_PART.id]);
    where.push(`(pl.created_at, pl.id) < (${fromMicros(p.add(micros))}, ${p.add(id)})`);
  }
  const limit = f.limit ?? PAGE_SIZE.default;
  const rows = await q.query<PledgeRow>(`${PLEDGE_SELECT} where ${where.join(' and ')} order by pl.created_at desc, pl.id desc limit ${p.add(limit + 1)}`, p.values);
  return pageOf(rows, limit, (r) => [r.cursor_at, r.id], toOrganizationPledge);
}

/** How many pledges wait for the organization: the inbox's badge. */
export async function pendingPledgeCount(q: Queryable, organizationId: string): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `select count(*) as n from pledges pl join projects pr on pr.id = pl.project_id where pr.organization_id = $1 and pl.status = 'pending'`,
    [organizationId],
  );
  return Number(row?.n ?? 0);
}
