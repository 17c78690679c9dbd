import { COUNTED_PLEDGE_STATUSES, type NotificationMode } from '@perron/contract';
import type { NewItem } from '../../services/notifications.ts';
import type { Queryable } from '../database.ts';
import { eventRow, toEvent } from './events.ts';
import type { PledgeRow } from './pledges.ts';

export type DigestItem = NewItem;

/** How the organization wants to hear (no row: an email each), and its slug for the workspace's links. */
export async function notificationMode(q: Queryable, organizationId: string): Promise<{ mode: NotificationMode; slug: string }> {
  const [row] = await q.query<{ mode: NotificationMode | null; slug: string }>(
    'select n.mode, o.slug from organizations o left join organization_notifications n on n.organization_id = o.id where o.id = $1',
    [organizationId],
  );
  return { mode: row?.mode ?? 'each', slug: row?.slug ?? '' };
}

/** Who hears of new pledges and registrations: the organization's admins and editors. */
export async function organizationRecipients(q: Queryable, organizationId: string): Promise<string[]> {
  const rows = await q.query<{ email: string }>(
    `select distinct lower(p.email) as email from memberships m join people p on p.id = m.person_id
      where m.organization_id = $1 and m.role in ('admin', 'editor') order by 1`,
    [organizationId],
  );
  return rows.map((r) => r.email);
}

/**
 * What happened for the organization in (after, until], oldest first: pledges to its projects and
 * registrations to its events, and those withdrawn (a pledge that counted: a held one never reached
 * the organization) or cancelled since.
 */
export async function digestItems(q: Queryable, organizationId: string, after: Date, until: Date, baseUrl: string): Promise<DigestItem[]> {
  const pledges = await q.query<Pick<PledgeRow, 'project_title' | 'need_title' | 'category' | 'unit' | 'unit_label' | 'quantity' | 'contact_name' | 'created_at'>>(
    `select pr.title as project_title, n.title as need_title, n.category, n.unit, n.unit_label, pl.quantity, pl.contact_name, pl.created_at
       from pledges pl join needs n on n.id = pl.need_id join projects pr on pr.id = pl.project_id
      where pr.organization_id = $1 and pl.created_at > $2 and pl.created_at <= $3 and pl.status = any($4) order by pl.created_at, pl.id`,
    [organizationId, after, until, COUNTED_PLEDGE_STATUSES],
  );
  // A withdrawn pledge's contact is erased: the line names the need, not the person.
  const withdrawn = await q.query<Pick<PledgeRow, 'project_title' | 'need_title' | 'category' | 'unit' | 'unit_label' | 'quantity' | 'updated_at'>>(
    `select pr.title as project_title, n.title as need_title, n.category, n.unit, n.unit_label, pl.quantity, pl.updated_at
       from pledges pl join needs n on n.id = pl.need_id join projects pr on pr.id = pl.project_id
      where pr.organization_id = $1 and pl.status = 'withdrawn' and pl.held_until is null and pl.updated_at > $2 and pl.updated_at <= $3
      order by pl.updated_at, pl.id`,
    [organizationId, after, until],
  );
  const registrations = await q.query<{ event_id: string; name: string | null; seats: number; created_at: Date }>(
    `select r.event_id, r.name, r.seats, r.created_at from registrations r join events e on e.id = r.event_id
      where e.organization_id = $1 and r.created_at > $2 and r.created_at <= $3 order by r.created_at, r.id`,
    [organizationId, after, until],
  );
  const cancellations = await q.query<{ event_id: string; seats: number; cancelled_at: Date }>(
    `select c.event_id, c.seats, c.cancelled_at from registration_cancellations c join events e on e.id = c.event_id
      where e.organization_id = $1 and c.cancelled_at > $2 and c.cancelled_at <= $3 order by c.cancelled_at, c.id`,
    [organizationId, after, until],
  );
  const items: (DigestItem & { at: Date })[] = pledges.map((p) => ({
    kind: 'pledge',
    organizationId,
    projectTitle: p.project_title,
    needTitle: p.need_title,
    category: p.category,
    unit: p.unit,
    unitLabel: p.unit_label,
    quantity: p.quantity,
    name: p.contact_name ?? '—',
    at: p.created_at,
  }));
  for (const p of withdrawn) {
    items.push({ kind: 'withdrawal', organizationId, projectTitle: p.project_title, needTitle: p.need_title, category: p.category, unit: p.unit, unitLabel: p.unit_label, quantity: p.quantity, name: '', at: p.updated_at });
  }
  const events = new Map<string, ReturnType<typeof toEvent>>();
  for (const r of registrations) {
    if (!events.has(r.event_id)) events.set(r.event_id, toEvent((await eventRow(q, r.event_id))!, baseUrl));
    items.push({ kind: 'registration', organizationId, event: events.get(r.event_id)!, seats: r.seats, name: r.name ?? '—', at: r.created_at });
  }
  for (const c of cancellations) {
    if (!events.has(c.event_id)) events.set(c.event_id, toEvent((await eventRow(q, c.event_id))!, baseUrl));
    items.push({ kind: 'cancellation', organizationId, event: events.get(c.event_id)!, seats: c.seats, name: '', at: c.cancelled_at });
  }
  return items.sort((a, b) => a.at.getTime() - b.at.getTime()).map(({ at: _, ...item }) => item as DigestItem);
}
