import { EventCategory, type Event, type EventRegistration, type LocalizedText } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import { formatWhen } from '../../services/event-text.ts';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';
import { Bilingual, Button, ErrorSummary, Field, Form, PageTitle, Select, Table } from '../views/components.tsx';
import { PendingChangesNote } from '../views/pending-changes.tsx';
import { OrgNav } from '../views/org-nav.tsx';

const useT = () => {
  const c = useRequestContext<WorkspaceEnv>();
  const lang = c.get('lang');
  return { t: c.get('t'), lang, org: c.get('organization'), pick: (x: LocalizedText) => (lang === 'en' ? (x.en ?? x.fr) : x.fr) };
};

export function EventsView({ events }: { events: Event[] }) {
  const { t, lang, org, pick } = useT();
  return (
    <>
      <OrgNav />
      <PageTitle>{t.events.title}</PageTitle>
      <p>
        <a class="ws-button ws-primary" href={`/workspace/o/${org.slug}/events/new`}>{t.events.create}</a>
      </p>
      <Table
        caption={t.events.caption}
        empty={t.events.empty}
        rows={events}
        columns={[
          { header: t.events.col.title, cell: (e) => <a href={`/workspace/o/${org.slug}/events/${e.id}`}>{pick(e.title)}</a> },
          { header: t.events.col.when, cell: (e) => formatWhen(e, lang) },
          { header: t.events.col.status, cell: (e) => (e.inReview ? t.newItem.waiting : t.statuses.event[e.status]) },
          { header: t.events.col.registered, numeric: true, cell: (e) => (e.registration ? t.events.registeredOf(e.registeredCount, e.capacity) : '—') },
        ]}
      />
    </>
  );
}

export type EventFormValues = Record<string, unknown>;

/** French and English side by side; a place or an online link; capacity and registration. */
function EventForm({ action, values, errors, communities }: { action: string; values: EventFormValues; errors?: FormErrors | undefined; communities: { slug: string; name: LocalizedText }[] }) {
  const { t, pick } = useT();
  const v = (k: string) => values[k] as string | undefined;
  const f = t.events.field;
  return (
    <Form action={action}>
      <ErrorSummary errors={errors} labels={{ 'title.fr': `${f.title} (${t.common.french})`, community: f.community, category: f.category, startsAt: f.start, endsAt: f.end, place: f.placeName, 'place.name': f.placeName, 'place.address': f.placeAddress, link: f.link, capacity: f.capacity }} />
      <Bilingual name="title" legend={f.title} value={{ fr: v('title.fr'), en: v('title.en') }} errors={errors} required maxlength={140} />
      <Bilingual name="description" legend={f.description} value={{ fr: v('description.fr'), en: v('description.en') }} errors={errors} rows={4} maxlength={5000} />
      <Select name="category" label={f.category} value={v('category')} error={errors?.category} required options={EventCategory.options.map((k) => ({ value: k, label: t.events.categories[k] }))} />
      <Select name="community" label={f.community} value={v('community')} error={errors?.community} required options={communities.map((k) => ({ value: k.slug, label: pick(k.name) }))} />
      <div class="ws-pair">
        <Field name="date" label={f.date} type="date" value={v('date')} error={errors?.startsAt} required />
        <Field name="start" label={f.start} type="text" inputmode="numeric" hint="10:00" value={v('start')} required />
        <Field name="end" label={f.end} type="text" inputmode="numeric" hint="12:30" value={v('end')} error={errors?.endsAt} required />
      </div>
      <fieldset class="ws-bilingual" aria-describedby="place-hint">
        <legend>{f.placeName}</legend>
        <p class="ws-hint" id="place-hint">{f.placeHint}</p>
        {errors?.place && <p class="ws-error" id="f-place">{errors.place}</p>}
        <div class="ws-pair">
          <Field name="place.name" label={f.placeName} value={v('place.name')} error={errors?.['place.name']} maxlength={140} />
          <Field name="place.address" label={f.placeAddress} value={v('place.address')} error={errors?.['place.address']} maxlength={300} />
        </div>
        <Field name="link" label={f.link} type="url" value={v('link')} error={errors?.link} />
      </fieldset>
      <Field name="capacity" label={f.capacity} inputmode="numeric" value={v('capacity')} error={errors?.capacity} />
      <div class="ws-field">
        <label>
          <input type="checkbox" name="registration" value="on" checked={values.registration === true || values.registration === 'on'} /> {f.registration}
        </label>
      </div>
      <div class="ws-actions">
        <Button label={t.events.save} />
      </div>
    </Form>
  );
}

export function NewEventView(p: { values: EventFormValues; errors?: FormErrors; communities: { slug: string; name: LocalizedText }[] }) {
  const { t, org } = useT();
  return (
    <>
      <OrgNav />
      <PageTitle>{t.events.newTitle}</PageTitle>
      <EventForm action={`/workspace/o/${org.slug}/events`} {...p} />
    </>
  );
}

export function EventView(p: { event: Event; registrations: EventRegistration[]; values: EventFormValues; errors?: FormErrors; communities: { slug: string; name: LocalizedText }[] }) {
  const { t, lang, org, pick } = useT();
  const base = `/workspace/o/${org.slug}/events/${p.event.id}`;
  const when = new Intl.DateTimeFormat(lang === 'en' ? 'en-CA' : 'fr-CA', { timeZone: 'America/Toronto', dateStyle: 'medium', timeStyle: 'short' });
  const cancelled = p.event.status === 'cancelled';
  return (
    <>
      <OrgNav />
      <PageTitle lead={formatWhen(p.event, lang)}>{pick(p.event.title)}</PageTitle>
      {cancelled && <p class="ws-card" role="note">{t.events.cancelled}</p>}
      {p.event.inReview ? (
        <p class="ws-card" role="note">
          {t.newItem.waiting}
        </p>
      ) : (
        p.event.pendingChanges && <PendingChangesNote pending={p.event.pendingChanges} />
      )}
      <section aria-labelledby="registrants">
        <h2 id="registrants">{t.events.registrants}</h2>
        <Table
          caption={t.events.registrantsCaption}
          empty={t.events.noRegistrants}
          rows={p.registrations}
          columns={[
            { header: t.events.rcol.name, cell: (r) => r.contact?.name ?? '—' },
            { header: t.events.rcol.email, cell: (r) => (r.contact ? <a href={`mailto:${r.contact.email}`}>{r.contact.email}</a> : '—') },
            { header: t.events.rcol.seats, numeric: true, cell: (r) => r.seats },
            { header: t.events.rcol.lang, cell: (r) => t.events.lang[r.lang] },
            { header: t.events.rcol.when, cell: (r) => when.format(new Date(r.createdAt)) },
          ]}
        />
        <p>
          <a href={`${base}/registrations.csv`} download>{t.events.csv}</a>
        </p>
      </section>
      {!cancelled && (
        <>
          <h2>{t.events.save}</h2>
          <EventForm action={base} values={p.values} errors={p.errors} communities={p.communities} />
          <h2>{t.events.cancel}</h2>
          <Form action={`${base}/cancel`}>
            <Field name="reason" label={t.events.cancelReason} rows={2} maxlength={1000} error={p.errors?.reason} />
            <div class="ws-actions">
              <Button label={t.events.cancel} variant="danger" />
            </div>
          </Form>
        </>
      )}
    </>
  );
}
