import { EVENT_REVIEWED_FIELDS, type Event, type EventCreate, type EventUpdate, type RegistrationCreate, type Registration } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { eventRow, toEvent, type EventRow } from '../db/queries/events.ts';
import { iso } from '../db/queries/sql.ts';
import type { NodeServices } from '../handlers/types.ts';
import { ProblemError } from '../http/problem.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import { badField, checkConsentVersion } from './bad-input.ts';
import { cancellationMail, registrationMail } from './engagement-mail.ts';
import { notifyOrganization } from './notifications.ts';
import type { OrganizationActor } from './pledging.ts';
import { changedFields, eventsReviewed, liveFields, pendingChangesOf, queueChanges } from './revisions.ts';

async function found(q: Queryable, id: string): Promise<EventRow> {
  const row = await eventRow(q, id);
  if (!row) throw new ProblemError('not_found', `No event has the id ${id}`);
  return row;
}

/** One of the actor's organization's events, locked for the write; another's answers as if it did not exist. */
export async function lockOwnEvent(q: Queryable, actor: OrganizationActor, id: string): Promise<EventRow> {
  const [own] = await q.query<{ id: string }>('select id from events where id = $1 and organization_id = $2 for update', [id, actor.organizationId]);
  if (!own) throw new ProblemError('not_found', `Your organization has no event with the id ${id}`);
  return found(q, id);
}

async function communityId(q: Queryable, slug: string): Promise<string> {
  const [row] = await q.query<{ id: string }>('select id from communities where slug = $1', [slug]);
  if (!row) throw badField('body.community', `No community has the slug ${slug}`, 'unknown_community');
  return row.id;
}

/** An event belongs to its organization's own project, if to any. */
async function checkProject(q: Queryable, projectId: string, organizationId: string): Promise<void> {
  const [row] = await q.query('select 1 from projects where id = $1 and organization_id = $2', [projectId, organizationId]);
  if (!row) throw badField('body.projectId', 'No project of your organization has this id', 'unknown_project');
}

/** What the contract's shape can't say: an end after the start, and somewhere to go. */
function checkShape(e: { startsAt: Date; endsAt: Date; place: unknown; link: unknown; capacity: number | null }, registered = 0): void {
  if (e.endsAt < e.startsAt) throw badField('body.endsAt', 'Expected a time after startsAt', 'ends_before_start');
  if (!e.place && !e.link) throw badField('body.place', 'An event needs a place or a link', 'missing_place');
  if (e.capacity !== null && e.capacity < registered) {
    throw badField('body.capacity', `${registered} seats are already taken`, 'below_registrations');
  }
}

export async function createEvent(q: Queryable, node: NodeServices, actor: OrganizationActor, body: EventCreate): Promise<Event> {
  const organizationId = actor.organizationId!;
  const community = await communityId(q, body.community);
  if (body.projectId) await checkProject(q, body.projectId, organizationId);
  const e = { startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt), place: body.place, link: body.link, capacity: body.capacity ?? null };
  checkShape(e);
  const id = newId('evt');
  // In a community that reviews events, a new one waits for a curator: public once approved.
  const inReview = await eventsReviewed(q, community);
  await q.query(
    `insert into events (id, organization_id, community_id, project_id, title, description, category, starts_at, ends_at,
                         place_name, place_address, link, capacity, registration, created_at, updated_at, in_review)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16)`,
    [
      id,
      organizationId,
      community,
      body.projectId ?? null,
      body.title,
      body.description ?? null,
      body.category,
      e.startsAt,
      e.endsAt,
      body.place?.name ?? null,
      body.place?.address ?? null,
      body.link ?? null,
      e.capacity,
      body.registration ?? false,
      node.now(),
      inReview,
    ],
  );
  if (inReview) await queueChanges(q, node.now(), { subject: 'event', subjectId: id, organizationId, changes: {}, newItem: true });
  const pending = inReview ? await pendingChangesOf(q, 'event', id) : undefined;
  return { ...toEvent(await found(q, id), node.baseUrl), ...(pending ? { pendingChanges: pending } : {}) };
}

/** The event as it will be once the edit applies; fields the edit leaves out keep their value. */
function mergeEvent(r: EventRow, u: EventUpdate) {
  return {
    title: u.title ?? r.title,
    description: u.description ?? r.description,
    category: u.category ?? r.category,
    projectId: u.projectId ?? r.project_id,
    startsAt: u.startsAt ? new Date(u.startsAt) : r.starts_at,
    endsAt: u.endsAt ? new Date(u.endsAt) : r.ends_at,
    place: u.place ?? (r.place_name && r.place_address ? { name: r.place_name, address: r.place_address } : null),
    link: u.link ?? r.link,
    capacity: u.capacity ?? r.capacity,
    registration: u.registration ?? r.registration,
  } satisfies Partial<Record<keyof EventCreate, unknown>>;
}

/**
 * Edits an event. In a community that reviews events (or one nested in it), a new title,
 * description, place or link waits for a curator while the public keeps the live one; the rest
 * (times, capacity…) changes at once.
 */
export async function updateEvent(q: Queryable, node: NodeServices, actor: OrganizationActor, id: string, given: EventUpdate): Promise<Event> {
  const current = await lockOwnEvent(q, actor, id);
  if (current.status === 'cancelled') throw new ProblemError('invalid_state', 'This event is cancelled: it can no longer be edited');
  checkShape(mergeEvent(current, given), current.registered_count);
  if (given.projectId) await checkProject(q, given.projectId, actor.organizationId!);
  const community = given.community ? await communityId(q, given.community) : null;
  const [{ community_id: communityNow } = { community_id: '' }] = await q.query<{ community_id: string }>('select community_id from events where id = $1', [id]);
  // A new event not yet approved is public nowhere: edits apply at once, and the curator sees it as it is then.
  const reviewed = !current.in_review && (await eventsReviewed(q, community ?? communityNow)) ? changedFields(EVENT_REVIEWED_FIELDS, given, await liveFields(q, 'event', id)) : {};
  if (Object.keys(reviewed).length) await queueChanges(q, node.now(), { subject: 'event', subjectId: id, organizationId: current.organization_id, changes: reviewed });
  // Edited after a curator declined it: it goes back to the queue.
  if (current.in_review) await queueChanges(q, node.now(), { subject: 'event', subjectId: id, organizationId: current.organization_id, changes: {}, newItem: true });
  const body: EventUpdate = { ...given };
  for (const f of EVENT_REVIEWED_FIELDS) if (f in reviewed) delete body[f];
  const next = mergeEvent(current, body);
  await q.query(
    `update events set title = $2, description = $3, category = $4, community_id = coalesce($5, community_id), project_id = $6,
            starts_at = $7, ends_at = $8, place_name = $9, place_address = $10, link = $11, capacity = $12,
            registration = $13, updated_at = $14, sequence = sequence + 1
      where id = $1`,
    [
      id,
      next.title,
      next.description,
      next.category,
      community,
      next.projectId,
      next.startsAt,
      next.endsAt,
      next.place?.name ?? null,
      next.place?.address ?? null,
      next.link,
      next.capacity,
      next.registration,
      node.now(),
    ],
  );
  const pending = await pendingChangesOf(q, 'event', id);
  return { ...toEvent(await found(q, id), node.baseUrl), ...(pending ? { pendingChanges: pending } : {}) };
}

/** Cancels the event (calendars learn it by the bumped SEQUENCE) and tells every registrant, in their language. */
export async function cancelEvent(q: Queryable, node: NodeServices, actor: OrganizationActor, id: string, reason?: string): Promise<Event> {
  const current = await lockOwnEvent(q, actor, id);
  if (current.status === 'cancelled') throw new ProblemError('invalid_state', 'This event is already cancelled');
  await q.query(`update events set status = 'cancelled', cancel_reason = $2, updated_at = $3, sequence = sequence + 1 where id = $1`, [id, reason ?? null, node.now()]);
  const event = toEvent(await found(q, id), node.baseUrl);
  const registrants = await q.query<{ email: string; lang: 'fr' | 'en' }>(
    'select email, lang from registrations where event_id = $1 and email is not null order by created_at, id',
    [id],
  );
  for (const r of registrants) {
    await node.mailer.send(cancellationMail({ to: r.email, event, reason: reason ?? null, lang: r.lang }), q);
  }
  return event;
}

export async function register(q: Queryable, node: NodeServices, eventId: string, body: RegistrationCreate): Promise<Registration> {
  // The event's row is locked until commit: concurrent registrations take seats one after another.
  const [event] = await q.query<{ registration: boolean; capacity: number | null; registered_count: number; starts_at: Date; status: string }>(
    'select registration, capacity, registered_count, starts_at, status from events where id = $1 and not in_review for update',
    [eventId],
  );
  if (!event) throw new ProblemError('not_found', `No event has the id ${eventId}`);
  if (event.status === 'cancelled') throw new ProblemError('invalid_state', 'This event is cancelled');
  if (!event.registration) throw new ProblemError('invalid_state', 'This event does not take registrations');
  const now = node.now();
  if (event.starts_at <= now) throw new ProblemError('invalid_state', 'This event has already started: registration is closed');
  checkConsentVersion(body.consent.version);
  const seats = body.seats ?? 1;
  if (event.capacity !== null && event.registered_count + seats > event.capacity) {
    const left = event.capacity - event.registered_count;
    throw new ProblemError('event_full', left > 0 ? `Only ${left} of ${event.capacity} seats are left` : `All ${event.capacity} seats are taken`);
  }
  // Under the event's lock, so two tabs of the same person can't both get in.
  const [already] = await q.query('select 1 from registrations where event_id = $1 and lower(email) = lower($2)', [eventId, body.contact.email]);
  if (already) throw new ProblemError('conflict', 'This email is already registered for this event');
  const id = newId('reg');
  const cancelToken = newToken();
  await q.query(
    `insert into registrations (id, event_id, name, email, seats, consent_version, consent_updates, consent_at, lang, created_at, cancel_token_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $10)`,
    [id, eventId, body.contact.name, body.contact.email, seats, body.consent.version, body.consent.updates ?? false, now, body.lang, sha256(cancelToken)],
  );
  await q.query('update events set registered_count = registered_count + $2 where id = $1', [eventId, seats]);
  const full = toEvent(await found(q, eventId), node.baseUrl);
  await node.mailer.send(registrationMail({ to: body.contact.email, seats, event: full, baseUrl: node.baseUrl, lang: body.lang, cancelUrl: cancelRegistrationUrl(node.baseUrl, cancelToken), myDataUrl: `${node.baseUrl}/my-data/${cancelToken}` }), q);
  await notifyOrganization(q, node, { kind: 'registration', organizationId: full.organization.id, event: full, seats, name: body.contact.name }, { registrationId: id, eventId, seats });
  return { id, eventId, seats, status: 'registered' as const, createdAt: iso(now) };
}

/** The registration email's link: a page that asks before it cancels (a GET changes nothing). */
export const cancelRegistrationUrl = (baseUrl: string, token: string) => `${baseUrl}/registrations/cancel/${token}`;

/** A registration found by its cancel link's token, with its event. */
export async function registrationByToken(q: Queryable, token: string, lock = false) {
  const [row] = await q.query<{ id: string; event_id: string; name: string | null; seats: number }>(
    `select id, event_id, name, seats from registrations where cancel_token_hash = $1${lock ? ' for update' : ''}`,
    [sha256(token)],
  );
  return row;
}

/**
 * The person cancels from their email's link: the registration and its contact are deleted, its
 * seats are free again, and the organization is told (an email now, or a line of its digest).
 * Under the event's lock, as registering is. An event that has started or was cancelled keeps its list.
 */
export async function cancelRegistration(q: Queryable, node: NodeServices, token: string): Promise<Event> {
  const first = await registrationByToken(q, token);
  if (!first) throw new ProblemError('not_found', 'No registration has this token (it may already be cancelled)');
  const [event] = await q.query<{ starts_at: Date; status: string }>('select starts_at, status from events where id = $1 for update', [first.event_id]);
  const registration = await registrationByToken(q, token, true);
  if (!registration) throw new ProblemError('not_found', 'No registration has this token (it may already be cancelled)');
  if (event!.status === 'cancelled') throw new ProblemError('invalid_state', 'This event is cancelled: there is nothing to cancel');
  if (event!.starts_at <= node.now()) throw new ProblemError('invalid_state', 'This event has already started');
  await q.query('delete from registrations where id = $1', [registration.id]);
  await q.query('update events set registered_count = registered_count - $2 where id = $1', [registration.event_id, registration.seats]);
  await q.query('insert into registration_cancellations (id, event_id, seats, cancelled_at) values ($1, $2, $3, $4)', [newId('rgc'), registration.event_id, registration.seats, node.now()]);
  const full = toEvent(await found(q, registration.event_id), node.baseUrl);
  await notifyOrganization(q, node, { kind: 'cancellation', organizationId: full.organization.id, event: full, seats: registration.seats, name: registration.name ?? '' }, { registrationId: registration.id, eventId: registration.event_id, seats: registration.seats });
  return full;
}
