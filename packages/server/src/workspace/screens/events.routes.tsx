import { EventCancel, EventCreate, EventUpdate, type Event } from '@perron/contract';
import { eventRow, listRegistrations, organizationEventRows, toEvent } from '../../db/queries/events.ts';
import { EXPORT_LIMIT } from '../../db/queries/pledges.ts';
import type { NodeServices } from '../../handlers/types.ts';
import { ProblemError } from '../../http/problem.ts';
import { toCsv } from '../../services/csv.ts';
import * as events from '../../services/events.ts';
import { registrationsCsv } from '../../services/exports.ts';
import { localDate, localTime } from '../../services/time-zone.ts';
import type { WorkspaceContext } from '../context.ts';
import { formInput, parseForm, type FormErrors } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { actingAs, requireMember } from '../session.tsx';
import { toNumber, toTimestamp } from '../staff-forms.ts';
import { pendingChangesOf } from '../../services/revisions.ts';
import { EventsView, EventView, NewEventView, type EventFormValues } from './events.view.tsx';

async function communities(node: NodeServices) {
  return node.db.query<{ slug: string; name: { fr: string; en?: string } }>('select slug, name from communities order by slug');
}

const hhmm = (v: unknown) => (typeof v === 'string' && /^\d{1,2}(:\d{2})?$/.test(v.trim()) ? (v.includes(':') ? v.trim().padStart(5, '0') : `${v.trim().padStart(2, '0')}:00`) : undefined);

/** The posted form as EventCreate: a day and two times in Montréal, a place or a link, a number, a checkbox. */
function eventInput(raw: Record<string, unknown>): Record<string, unknown> {
  const { date, start, end, capacity, registration, ...rest } = raw;
  return {
    ...rest,
    startsAt: toTimestamp(date, hhmm(start)),
    endsAt: toTimestamp(date, hhmm(end)),
    ...(capacity === undefined ? {} : { capacity: toNumber(capacity) }),
    registration: registration === 'on',
  };
}

/** The event as its form shows it. */
function formValues(e: Event): EventFormValues {
  const at = (iso: string) => localTime(new Date(iso));
  const time = (iso: string) => `${String(at(iso).hour).padStart(2, '0')}:${String(at(iso).minute).padStart(2, '0')}`;
  return {
    'title.fr': e.title.fr,
    'title.en': e.title.en,
    'description.fr': e.description?.fr,
    'description.en': e.description?.en,
    category: e.category,
    community: e.community,
    date: localDate(new Date(e.startsAt)),
    start: time(e.startsAt),
    end: time(e.endsAt),
    'place.name': e.place?.name,
    'place.address': e.place?.address,
    link: e.link ?? undefined,
    capacity: e.capacity === null ? undefined : String(e.capacity),
    registration: e.registration,
  };
}

const flatten = (o: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}) => {
  for (const [k, v] of Object.entries(o)) typeof v === 'object' && v !== null ? flatten(v as Record<string, unknown>, `${prefix}${k}.`, out) : (out[`${prefix}${k}`] = v);
  return out;
};

function problemErrors(c: WorkspaceContext, error: ProblemError): FormErrors | null {
  if (error.code !== 'validation_failed' || !error.extra.errors) return null;
  const t = c.get('t');
  const known = t.staffErrors as Record<string, string>;
  return Object.fromEntries(error.extra.errors.map((e) => [e.path.replace(/^body\./, ''), known[e.code] ?? t.errors.fallback]));
}

/** Events: list, create and edit (French/English, place or link, capacity), registrants and their CSV, cancel. */
export const eventsScreen: Screen = (ws, node) => {
  ws.get('/o/:org/events', requireMember('editor'), async (c) => {
    const rows = await organizationEventRows(node.db, c.get('organization').organizationId, 100);
    return c.render(<EventsView events={rows.map((r) => toEvent(r, node.baseUrl))} />, { title: c.get('t').events.title });
  });

  ws.get('/o/:org/events/new', requireMember('editor'), async (c) => c.render(<NewEventView values={{ registration: true }} communities={await communities(node)} />, { title: c.get('t').events.newTitle }));

  ws.post('/o/:org/events', requireMember('editor'), async (c) => {
    const org = c.get('organization');
    const raw = await formInput(c);
    const parsed = parseForm(EventCreate, eventInput(raw), c.get('t'));
    let errors: FormErrors = parsed.ok ? {} : parsed.errors;
    if (parsed.ok) {
      try {
        const event = await node.db.tx((q) => events.createEvent(q, node, actingAs(c, 'organization'), parsed.data));
        return c.redirect(`/workspace/o/${org.slug}/events/${event.id}?done=event_saved`, 303);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        errors = problemErrors(c, error) ?? { form: c.get('t').errors.fallback };
      }
    }
    c.status(422);
    return c.render(<NewEventView values={flatten(raw)} errors={errors} communities={await communities(node)} />, { title: c.get('t').events.newTitle });
  });

  const load = async (c: WorkspaceContext) => {
    const row = await eventRow(node.db, c.req.param('id')!);
    if (!row || row.organization_id !== c.get('organization').organizationId) return null;
    const pending = await pendingChangesOf(node.db, 'event', row.id);
    return { ...toEvent(row, node.baseUrl), ...(pending ? { pendingChanges: pending } : {}) };
  };
  const page = async (c: WorkspaceContext, event: Event, values: EventFormValues, errors?: FormErrors) => {
    const { items } = await listRegistrations(node.db, event.id, { limit: EXPORT_LIMIT });
    return c.render(<EventView event={event} registrations={items} values={values} errors={errors} communities={await communities(node)} />, { title: c.get('t').events.title });
  };

  ws.get('/o/:org/events/:id', requireMember('editor'), async (c) => {
    const event = await load(c);
    return event ? page(c, event, formValues(event)) : c.notFound();
  });

  ws.get('/o/:org/events/:id/registrations.csv', requireMember('editor'), async (c) => {
    const event = await load(c);
    if (!event) return c.notFound();
    const { items } = await listRegistrations(node.db, event.id, { limit: EXPORT_LIMIT });
    return c.body(toCsv(registrationsCsv(items, c.get('lang'))), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="inscriptions-${event.id}.csv"` });
  });

  ws.post('/o/:org/events/:id', requireMember('editor'), async (c) => {
    const event = await load(c);
    if (!event) return c.notFound();
    const raw = await formInput(c);
    const parsed = parseForm(EventUpdate, eventInput(raw), c.get('t'));
    let errors: FormErrors = parsed.ok ? {} : parsed.errors;
    if (parsed.ok) {
      try {
        const saved = await node.db.tx((q) => events.updateEvent(q, node, actingAs(c, 'organization'), event.id, parsed.data));
        return c.redirect(`/workspace/o/${c.get('organization').slug}/events/${event.id}?done=${saved.pendingChanges ? 'sent_for_review' : 'event_saved'}`, 303);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        errors = problemErrors(c, error) ?? { form: c.get('t').errors.fallback };
      }
    }
    c.status(422);
    return page(c, event, flatten(raw), errors);
  });

  ws.post('/o/:org/events/:id/cancel', requireMember('editor'), async (c) => {
    const event = await load(c);
    if (!event) return c.notFound();
    const parsed = parseForm(EventCancel, await formInput(c), c.get('t'));
    if (!parsed.ok) {
      c.status(422);
      return page(c, event, formValues(event), parsed.errors);
    }
    try {
      await node.db.tx((q) => events.cancelEvent(q, node, actingAs(c, 'organization'), event.id, parsed.data.reason));
    } catch (error) {
      if (!(error instanceof ProblemError && error.code === 'invalid_state')) throw error;
    }
    node.worker?.wake();
    return c.redirect(`/workspace/o/${c.get('organization').slug}/events/${event.id}?done=event_cancelled`, 303);
  });
};
