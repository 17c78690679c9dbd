import type { RouteBody, RouteQuery } from '@perron/contract';
import type { CallOptions } from '../http.ts';
import type { Context } from '../client.ts';

type Feed = RouteQuery<'eventsFeed'>;

export const events = (c: Context) => ({
  /** Events, soonest first (from today unless `from`). */
  list: (query?: RouteQuery<'listEvents'>, o?: CallOptions) => c.list('listEvents', query, o),
  get: (id: string, o?: CallOptions) => c.call('getEvent', { params: { id } }, o, id),
  /** iCalendar text: one event (an id) or the feed (a query). */
  ics: (idOrQuery: string | Feed = {}, o?: CallOptions): Promise<string> =>
    typeof idOrQuery === 'string' ? c.call('eventIcs', { params: { id: idOrQuery } }, o, idOrQuery) : c.call('eventsFeed', { query: idOrQuery }, o),
  /** The URL of that iCalendar, for a link or a calendar subscription; nothing is fetched. */
  icsUrl: (idOrQuery: string | Feed = {}, o?: CallOptions): string =>
    typeof idOrQuery === 'string' ? c.url('eventIcs', { params: { id: idOrQuery } }, o, idOrQuery) : c.url('eventsFeed', { query: idOrQuery }, o),
  // With an organization's key:
  create: (body: RouteBody<'createEvent'>, o?: CallOptions) => c.call('createEvent', { body }, o),
  update: (id: string, body: RouteBody<'updateEvent'>, o?: CallOptions) => c.call('updateEvent', { params: { id }, body }, o, id),
  /** Register (RSVP) for an event that takes registrations. */
  register: (id: string, body: RouteBody<'register'>, o?: CallOptions) => c.call('register', { params: { id }, body }, o, id),
});
