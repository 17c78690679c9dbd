import { page } from '../common.ts';
import { Event, EventCancel, EventCreate, EventFeedQuery, EventIcsQuery, EventListQuery, EventRegistration, EventUpdate, Registration, RegistrationCreate, RegistrationCsvQuery, RegistrationListQuery } from '../event.ts';
import { CsvText, IcsText, IdPath, route } from '../route.ts';

/** Events, their iCalendar and registrations. */
export const eventRoutes = {
  listEvents: route({ method: 'GET', path: '/v1/events', tag: 'events', summary: 'Events, soonest first', query: EventListQuery, response: page(Event) }),
  eventsFeed: route({ method: 'GET', path: '/v1/events.ics', tag: 'events', summary: 'The same events as an iCalendar feed (RFC 5545)', query: EventFeedQuery, response: IcsText, format: 'ics' }),
  getEvent: route({ method: 'GET', path: '/v1/events/{id}', tag: 'events', summary: 'One event', params: IdPath, response: Event }),
  eventIcs: route({ method: 'GET', path: '/v1/events/{id}.ics', tag: 'events', summary: 'One event as iCalendar, to add to a calendar', params: IdPath, query: EventIcsQuery, response: IcsText, format: 'ics' }),
  createEvent: route({ method: 'POST', path: '/v1/events', tag: 'events', auth: 'organization', summary: "Create an event of the key's organization", body: EventCreate, response: Event, errors: ['idempotency_conflict'] }),
  updateEvent: route({ method: 'PATCH', path: '/v1/events/{id}', tag: 'events', auth: 'organization', summary: 'Edit an event', params: IdPath, body: EventUpdate, response: Event }),
  cancelEvent: route({ method: 'POST', path: '/v1/events/{id}/cancel', tag: 'events', auth: 'organization', summary: 'Cancel an event; every registrant is emailed', params: IdPath, body: EventCancel, status: 200, response: Event, errors: ['invalid_state', 'idempotency_conflict'] }),
  listRegistrations: route({ method: 'GET', path: '/v1/events/{id}/registrations', tag: 'events', auth: 'organization', summary: "Who registered for one of the key's organization's events, with contacts, first come first", params: IdPath, query: RegistrationListQuery, response: page(EventRegistration) }),
  registrationsCsv: route({ method: 'GET', path: '/v1/events/{id}/registrations.csv', tag: 'events', auth: 'organization', summary: 'The same registrants as CSV, for a spreadsheet', params: IdPath, query: RegistrationCsvQuery, response: CsvText, format: 'csv' }),
  register: route({ method: 'POST', path: '/v1/events/{id}/registrations', tag: 'events', summary: 'Register (RSVP) for an event that takes registrations', params: IdPath, body: RegistrationCreate, response: Registration, errors: ['event_full', 'conflict', 'invalid_state', 'idempotency_conflict'] }),
} as const;
