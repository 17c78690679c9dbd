import { eventRoutes, type RouteBody, type RouteQuery } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import { soonest } from '../orders.ts';
import type { CallOptions } from '../http.ts';

type Feed = RouteQuery<'eventsFeed'>;

/** Events, soonest first (from today unless `from`). */
export const listEvents = (core: PerronCore, query?: RouteQuery<'listEvents'>, o?: CallOptions) => core.list(eventRoutes.listEvents, query, o, soonest);

export const getEvent = (core: PerronCore, id: string, o?: CallOptions) => core.call(eventRoutes.getEvent, { params: { id } }, o, id);

type One = RouteQuery<'eventIcs'>;

/** iCalendar text: one event (an id, with an optional `{ lang }`) or the feed (a query). */
export const eventIcs = (core: PerronCore, idOrQuery: string | Feed = {}, o?: CallOptions & One): Promise<string> =>
  typeof idOrQuery === 'string'
    ? core.call(eventRoutes.eventIcs, { params: { id: idOrQuery }, query: langOf(o) }, o, idOrQuery)
    : core.call(eventRoutes.eventsFeed, { query: idOrQuery }, o);

/** The URL of that iCalendar, for a link or a calendar subscription; nothing is fetched. */
export const eventIcsUrl = (core: PerronCore, idOrQuery: string | Feed = {}, o?: CallOptions & One): string =>
  typeof idOrQuery === 'string'
    ? core.url(eventRoutes.eventIcs, { params: { id: idOrQuery }, query: langOf(o) }, o, idOrQuery)
    : core.url(eventRoutes.eventsFeed, { query: idOrQuery }, o);

const langOf = (o?: One): One => (o?.lang ? { lang: o.lang } : {});

/** Register (RSVP) for an event that takes registrations. */
export const registerForEvent = (core: PerronCore, id: string, body: RouteBody<'register'>, o?: CallOptions) => core.call(eventRoutes.register, { params: { id }, body }, o, id);

// With an organization's key:
export const createEvent = (core: PerronCore, body: RouteBody<'createEvent'>, o?: CallOptions) => core.call(eventRoutes.createEvent, { body }, o);
export const updateEvent = (core: PerronCore, id: string, body: RouteBody<'updateEvent'>, o?: CallOptions) => core.call(eventRoutes.updateEvent, { params: { id }, body }, o, id);
export const cancelEvent = (core: PerronCore, id: string, body: RouteBody<'cancelEvent'> = {}, o?: CallOptions) => core.call(eventRoutes.cancelEvent, { params: { id }, body }, o, id);
/** Who registered, first come first, with contacts. */
export const listRegistrations = (core: PerronCore, id: string, query?: RouteQuery<'listRegistrations'>, o?: CallOptions) =>
  core.list(eventRoutes.listRegistrations, query, o, undefined, { id });
export const registrationsCsv = (core: PerronCore, id: string, query?: RouteQuery<'registrationsCsv'>, o?: CallOptions): Promise<string> =>
  core.call(eventRoutes.registrationsCsv, { params: { id }, query: query ?? {} }, o, id);
