import * as z from 'zod/mini';
import { Consent, Contact, DateOnly, EVENT_TIME_ZONE, Id, Lang, localizedInput, LocalizedText, pageQuery, SafeUrl, Slug, text, Timestamp } from './common.ts';
import { OrganizationSummary } from './organization.ts';
import { Origin, OriginFilter } from './follow.ts';
import { PendingChanges } from './revision.ts';

export const EventCategory = z.enum(['information_session', 'training', 'networking', 'workshop', 'co_creation']);
export type EventCategory = z.infer<typeof EventCategory>;

export const Place = z.object({ name: z.string(), address: z.string() });

/** A cancelled event stays readable (its page, its iCalendar with STATUS:CANCELLED) but takes no registration. */
export const EventStatus = z.enum(['scheduled', 'cancelled']);
export type EventStatus = z.infer<typeof EventStatus>;

export const Event = z.object({
  id: Id,
  /** Absent from nodes older than cancellation: read as scheduled. */
  status: z._default(EventStatus, 'scheduled'),
  title: LocalizedText,
  description: z.nullable(LocalizedText),
  category: EventCategory,
  organization: OrganizationSummary,
  community: Slug,
  projectId: z.nullable(Id),
  /** With the offset of America/Toronto at that date. */
  startsAt: Timestamp,
  endsAt: Timestamp,
  timeZone: z.literal(EVENT_TIME_ZONE),
  place: z.nullable(Place),
  link: z.nullable(SafeUrl),
  /** null: no limit. */
  capacity: z.nullable(z.number()),
  /** Whether people register (RSVP) for it. */
  registration: z.boolean(),
  registeredCount: z.number(),
  url: SafeUrl,
  /** Present on a copy from a followed node: the node that holds the event (registrations go there). */
  origin: z.optional(Origin),
  /** To its organization only: changes waiting for a curator of a community that reviews events. */
  pendingChanges: z.optional(PendingChanges),
  /**
   * To its organization only: a new event of a community that reviews events, not public (lists,
   * feeds, pages, registration) until a curator approves it.
   */
  inReview: z.optional(z.boolean()),
});
export type Event = z.infer<typeof Event>;

export const EventFilters = {
  /** Events that end on or after this day (default: today). */
  from: z.optional(DateOnly),
  /** Events that start on or before this day. */
  to: z.optional(DateOnly),
  community: z.optional(Slug),
  organization: z.optional(Slug),
  category: z.optional(EventCategory),
  /** `local`: without the copies of followed nodes. */
  origin: z.optional(OriginFilter),
};
export const EventListQuery = z.strictObject({ ...EventFilters, ...pageQuery });
export type EventListQuery = z.input<typeof EventListQuery>;
export const EventFeedQuery = z.strictObject({ ...EventFilters, lang: z.optional(Lang) });
export type EventFeedQuery = z.input<typeof EventFeedQuery>;
/** One event's iCalendar: `lang` wins over Accept-Language, so a link says which language it gives. */
export const EventIcsQuery = z.strictObject({ lang: z.optional(Lang) });
export type EventIcsQuery = z.input<typeof EventIcsQuery>;

const eventFields = {
  title: localizedInput(140),
  description: z.optional(localizedInput(5000)),
  category: EventCategory,
  community: Slug,
  projectId: z.optional(Id),
  startsAt: Timestamp,
  endsAt: Timestamp,
  place: z.optional(z.strictObject({ name: text(140), address: text(300) })),
  link: z.optional(SafeUrl),
  capacity: z.optional(/* @__PURE__ */ z.number().check(z.int(), z.minimum(1), z.maximum(100_000))),
  registration: z.optional(z.boolean()),
};
export const EventCreate = z.strictObject(eventFields);
export type EventCreate = z.infer<typeof EventCreate>;
export const EventUpdate = z.partial(z.strictObject(eventFields));
export type EventUpdate = z.infer<typeof EventUpdate>;

export const RegistrationCreate = z.strictObject({
  contact: Contact,
  seats: z.optional(/* @__PURE__ */ z.number().check(z.int(), z.minimum(1), z.maximum(10))),
  consent: Consent,
  lang: Lang,
});
export type RegistrationCreate = z.infer<typeof RegistrationCreate>;
export const Registration = z.object({ id: Id, eventId: Id, seats: z.number(), status: z.literal('registered'), createdAt: Timestamp });
export type Registration = z.infer<typeof Registration>;

/** What the event's organization sees of a registration: the contact (null once erased) and the consent as given. */
export const EventRegistration = z.object({
  id: Id,
  eventId: Id,
  contact: z.nullable(z.object({ name: z.string(), email: z.string() })),
  seats: z.number(),
  consent: z.object({ version: z.string(), updates: z.boolean(), at: Timestamp }),
  lang: Lang,
  createdAt: Timestamp,
});
export type EventRegistration = z.infer<typeof EventRegistration>;
export const RegistrationListQuery = z.strictObject({ ...pageQuery });
/** The CSV's headings and words in this language (default: the request's Accept-Language). */
export const RegistrationCsvQuery = z.strictObject({ lang: z.optional(Lang) });

/** Cancelling tells every registrant, in their language, with this reason when given. */
export const EventCancel = z.strictObject({ reason: z.optional(text(1000)) });
export type EventCancel = z.infer<typeof EventCancel>;
