import { EVENT_TIME_ZONE, PAGE_SIZE, type Event, type EventCategory, type EventRegistration, type EventStatus, type Lang, type LocalizedText, type OrganizationSummary } from '@perron/contract';
import { ProblemError } from '../../http/problem.ts';
import type { CalendarEntry } from '../../services/ical.ts';
import { addDays, fromLocal, localDate, withOffset } from '../../services/time-zone.ts';
import type { Queryable } from '../database.ts';
import { communityTree } from './communities.ts';
import { summaryJson } from './organizations.ts';
import { CURSOR_PART, decodeCursor, fromMicros, iso, microsOf, pageOf, Params } from './sql.ts';

export interface EventRow {
  id: string;
  status: EventStatus;
  cancel_reason: string | null;
  organization_id: string;
  organization: OrganizationSummary;
  community: string;
  project_id: string | null;
  title: LocalizedText;
  description: LocalizedText | null;
  category: EventCategory;
  starts_at: Date;
  ends_at: Date;
  place_name: string | null;
  place_address: string | null;
  link: string | null;
  capacity: number | null;
  registration: boolean;
  registered_count: number;
  updated_at: Date;
  sequence: number;
  in_review: boolean;
  cursor_at: string;
}

const SELECT = `
  select e.id, e.status, e.cancel_reason, e.organization_id, ${summaryJson('o')} as organization, c.slug as community, e.project_id, e.title,
         e.description, e.category, e.starts_at, e.ends_at, e.place_name, e.place_address, e.link, e.capacity,
         e.registration, e.registered_count, e.updated_at, e.sequence, e.in_review, ${microsOf('e.starts_at')} as cursor_at
    from events e join organizations o on o.id = e.organization_id join communities c on c.id = e.community_id`;

export function toEvent(r: EventRow, baseUrl: string): Event {
  return {
    id: r.id,
    status: r.status,
    title: r.title,
    description: r.description,
    category: r.category,
    organization: r.organization,
    community: r.community,
    projectId: r.project_id,
    startsAt: withOffset(r.starts_at),
    endsAt: withOffset(r.ends_at),
    timeZone: EVENT_TIME_ZONE,
    place: r.place_name && r.place_address ? { name: r.place_name, address: r.place_address } : null,
    link: r.link,
    capacity: r.capacity,
    registration: r.registration,
    registeredCount: r.registered_count,
    url: `${baseUrl}/events/${encodeURIComponent(r.id)}`,
    ...(r.in_review ? { inReview: true } : {}),
  };
}

export const toCalendarEntry = (r: EventRow, baseUrl: string): CalendarEntry => ({
  event: toEvent(r, baseUrl),
  revisedAt: r.updated_at,
  sequence: r.sequence,
});

export async function eventRow(q: Queryable, id: string): Promise<EventRow | undefined> {
  return (await q.query<EventRow>(`${SELECT} where e.id = $1`, [id]))[0];
}

/** The event as the public may see it: none while a new event waits for a curator. */
export async function publicEventRow(q: Queryable, id: string): Promise<EventRow | undefined> {
  return (await q.query<EventRow>(`${SELECT} where e.id = $1 and not e.in_review`, [id]))[0];
}

export interface EventFilters {
  from?: string;
  to?: string;
  community?: string;
  organization?: string;
  category?: EventCategory;
}

/**
 * Events soonest first, by keyset on (starts_at, id): a page costs an index seek at any depth.
 * Days are Montréal's: `from` keeps what ends on or after its midnight, `to` what starts before the next.
 */
export async function listEventRows(q: Queryable, f: EventFilters & { now: Date; limit: number; cursor?: string; withCancelled?: boolean }): Promise<EventRow[]> {
  const from = f.from ?? localDate(f.now);
  if (f.to && f.to < from) {
    throw new ProblemError('validation_failed', 'Invalid query', {
      errors: [{ path: 'query.to', message: `Expected a day on or after ${from}`, code: 'invalid_range' }],
    });
  }
  const p = new Params();
  // A new event waiting for a curator is nobody's to list yet.
  const where = [`e.ends_at >= ${p.add(fromLocal(from))}`, 'not e.in_review'];
  // A list shows what will happen; a calendar feed keeps cancelled events so that subscribers drop them.
  if (!f.withCancelled) where.push(`e.status = 'scheduled'`);
  if (f.to) where.push(`e.starts_at < ${p.add(fromLocal(addDays(f.to, 1)))}`);
  if (f.community) where.push(`e.community_id in ${communityTree(p.add(f.community), 'slug')}`);
  if (f.organization) where.push(`o.slug = ${p.add(f.organization)}`);
  if (f.category) where.push(`e.category = ${p.add(f.category)}`);
  if (f.cursor) {
    const [micros, id] = decodeCursor(f.cursor, [CURSOR_PART.micros, CURSOR_PART.id]) as [string, string];
    where.push(`(e.starts_at, e.id) > (${fromMicros(p.add(micros))}, ${p.add(id)})`);
  }
  return q.query<EventRow>(`${SELECT} where ${where.join(' and ')} order by e.starts_at, e.id limit ${p.add(f.limit + 1)}`, p.values);
}

interface RegistrationRow {
  id: string;
  event_id: string;
  name: string | null;
  email: string | null;
  seats: number;
  consent_version: string;
  consent_updates: boolean;
  consent_at: Date;
  lang: Lang;
  created_at: Date;
  cursor_at: string;
}

const toRegistration = (r: RegistrationRow): EventRegistration => ({
  id: r.id,
  eventId: r.event_id,
  contact: r.name !== null && r.email !== null ? { name: r.name, email: r.email } : null,
  seats: r.seats,
  consent: { version: r.consent_version, updates: r.consent_updates, at: iso(r.consent_at) },
  lang: r.lang,
  createdAt: iso(r.created_at),
});

/** An event's registrations, first come first (keyset on created_at, id). */
export async function listRegistrations(q: Queryable, eventId: string, f: { limit?: number | undefined; cursor?: string | undefined }) {
  const p = new Params();
  const where = [`r.event_id = ${p.add(eventId)}`];
  if (f.cursor) {
    const [micros, id] = decodeCursor(f.cursor, [CURSOR_PART.micros, CURSOR_PART.id]);
    where.push(`(r.created_at, r.id) > (${fromMicros(p.add(micros))}, ${p.add(id)})`);
  }
  const limit = f.limit ?? PAGE_SIZE.default;
  const rows = await q.query<RegistrationRow>(
    `select r.id, r.event_id, r.name, r.email, r.seats, r.consent_version, r.consent_updates, r.consent_at, r.lang, r.created_at,
            ${microsOf('r.created_at')} as cursor_at
       from registrations r where ${where.join(' and ')} order by r.created_at, r.id limit ${p.add(limit + 1)}`,
    p.values,
  );
  return pageOf(rows, limit, (r) => [r.cursor_at, r.id], toRegistration);
}

/** An organization's events, latest start first, cancelled ones included: the workspace's list. */
export async function organizationEventRows(q: Queryable, organizationId: string, limit: number): Promise<EventRow[]> {
  return q.query<EventRow>(`${SELECT} where e.organization_id = $1 order by e.starts_at desc, e.id desc limit $2`, [organizationId, limit]);
}
