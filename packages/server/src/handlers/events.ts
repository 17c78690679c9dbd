import { PAGE_SIZE } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { listEventRows, listRegistrations, publicEventRow, toCalendarEntry } from '../db/queries/events.ts';
import { followedEvent, listFollowedEvents, mergeSorted } from '../db/queries/followed.ts';
import { EXPORT_LIMIT } from '../db/queries/pledges.ts';
import { pageOf } from '../db/queries/sql.ts';
import { ProblemError } from '../http/problem.ts';
import { toCsv } from '../services/csv.ts';
import * as events from '../services/events.ts';
import { registrationsCsv } from '../services/exports.ts';
import { calendar, type CalendarEntry } from '../services/ical.ts';
import type { Handlers } from './types.ts';

/** More than a calendar app would show at once; a feed has no pages. */
const FEED_LIMIT = 500;

/** Registrants are the organization's to see: another's event answers as if it did not exist. */
async function ownEvent(q: Queryable, organizationId: string, id: string): Promise<void> {
  const [row] = await q.query('select 1 from events where id = $1 and organization_id = $2', [id, organizationId]);
  if (!row) throw new ProblemError('not_found', `Your organization has no event with the id ${id}`);
}

/** This node's events and the copies of followed nodes' ones, soonest first, by one keyset: `limit + 1` at most. */
async function eventsOf(q: Queryable, filters: Parameters<typeof listEventRows>[1] & { origin?: 'all' | 'local' }, baseUrl: string): Promise<(CalendarEntry & { key: [string, string] })[]> {
  const local = (await listEventRows(q, filters)).map((r) => {
    const entry = toCalendarEntry(r, baseUrl);
    return { ...entry, item: entry.event, key: [r.cursor_at, r.id] as [string, string] };
  });
  const copies = (await listFollowedEvents(q, filters)).map((c) => ({ event: c.item, item: c.item, key: c.key, revisedAt: c.revisedAt, sequence: c.sequence }));
  return mergeSorted(local, copies, filters.limit + 1, 1);
}

async function foundOrCopy(q: Queryable, id: string, baseUrl: string): Promise<CalendarEntry> {
  const row = await publicEventRow(q, id);
  if (row) return toCalendarEntry(row, baseUrl);
  const copy = await followedEvent(q, id);
  if (!copy) throw new ProblemError('not_found', `No event has the id ${id}`);
  return { event: copy, revisedAt: new Date(0), sequence: 0 };
}

export const eventsHandlers = {
  async listEvents({ query, q, node }) {
    const limit = query.limit ?? PAGE_SIZE.default;
    return pageOf(await eventsOf(q, { ...query, now: node.now(), limit }, node.baseUrl), limit, (e) => e.key, (e) => e.event);
  },

  async getEvent({ params, q, node }) {
    return (await foundOrCopy(q, params.id, node.baseUrl)).event;
  },

  async eventsFeed({ query, q, node }) {
    const lang = query.lang ?? 'fr';
    const entries = await eventsOf(q, { ...query, now: node.now(), limit: FEED_LIMIT - 1, withCancelled: true }, node.baseUrl);
    const name = lang === 'fr' ? 'Perron — événements' : 'Perron — events';
    return calendar(entries, { lang, baseUrl: node.baseUrl, name });
  },

  async eventIcs({ params, query, q, node, lang }) {
    return calendar([await foundOrCopy(q, params.id, node.baseUrl)], { lang: query.lang ?? lang, baseUrl: node.baseUrl });
  },

  async createEvent({ body, key, q, node }) {
    return events.createEvent(q, node, key!, body);
  },

  async updateEvent({ params, body, key, q, node }) {
    return events.updateEvent(q, node, key!, params.id, body);
  },

  async cancelEvent({ params, body, key, q, node }) {
    return events.cancelEvent(q, node, key!, params.id, body.reason);
  },

  async listRegistrations({ params, query, key, q }) {
    await ownEvent(q, key!.organizationId!, params.id);
    return listRegistrations(q, params.id, query);
  },

  async registrationsCsv({ params, query, key, q, lang }) {
    await ownEvent(q, key!.organizationId!, params.id);
    const { items } = await listRegistrations(q, params.id, { limit: EXPORT_LIMIT });
    return toCsv(registrationsCsv(items, query.lang ?? lang));
  },

  async register({ params, body, q, node }) {
    return events.register(q, node, params.id, body);
  },
} satisfies Partial<Handlers>;
