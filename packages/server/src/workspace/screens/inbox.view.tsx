import type { LocalizedText, NotificationMode, OrganizationPledge, PledgeStatus } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import { quantityOf } from '../../services/exports.ts';
import { Button, Field, Form, PageTitle, Pager, Select, Table } from '../views/components.tsx';
import { OrgNav } from '../views/org-nav.tsx';

export interface InboxFilters {
  status?: PledgeStatus | undefined;
  project?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const STATUSES: PledgeStatus[] = ['pending', 'confirmed', 'fulfilled', 'declined', 'withdrawn'];

/** The filters as a query string (`status=` empty: every status). */
export function filterQuery(f: InboxFilters, more: Record<string, string> = {}): string {
  const q = new URLSearchParams({ status: f.status ?? '' });
  for (const k of ['project', 'from', 'to'] as const) if (f[k]) q.set(k, f[k]!);
  for (const [k, v] of Object.entries(more)) q.set(k, v);
  return q.toString();
}

export function InboxView(p: {
  items: OrganizationPledge[];
  nextCursor: string | null;
  filters: InboxFilters;
  projects: { id: string; title: LocalizedText }[];
  mode: NotificationMode;
  errors?: Record<string, string>;
}) {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const lang = c.get('lang');
  const org = c.get('organization');
  const base = `/workspace/o/${org.slug}/inbox`;
  const pick = (text: LocalizedText) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);
  const locale = lang === 'en' ? 'en-CA' : 'fr-CA';
  const when = new Intl.DateTimeFormat(locale, { timeZone: 'America/Toronto', dateStyle: 'medium', timeStyle: 'short' });
  const back = filterQuery(p.filters);
  return (
    <>
      <OrgNav />
      <PageTitle lead={t.inbox.lead}>{t.inbox.title}</PageTitle>
      <form method="get" action={base} class="ws-filters" aria-label={t.inbox.filters}>
        <Select name="status" label={t.inbox.status} value={p.filters.status ?? ''} options={[{ value: '', label: t.inbox.allStatuses }, ...STATUSES.map((s) => ({ value: s, label: t.statuses.pledge[s] }))]} required />
        <Select name="project" label={t.inbox.project} value={p.filters.project ?? ''} options={[{ value: '', label: t.inbox.allProjects }, ...p.projects.map((x) => ({ value: x.id, label: pick(x.title) }))]} required />
        <Field name="from" label={t.inbox.from} type="date" value={p.filters.from} error={p.errors?.from} />
        <Field name="to" label={t.inbox.to} type="date" value={p.filters.to} error={p.errors?.to} />
        <div class="ws-actions">
          <Button label={t.inbox.apply} variant="secondary" />
          <a class="ws-link" href={`${base}.csv?${filterQuery(p.filters, { lang })}`} download>
            {t.inbox.csv}
          </a>
        </div>
      </form>
      <Table
        caption={t.inbox.caption}
        empty={t.inbox.empty}
        rows={p.items}
        columns={[
          { header: t.inbox.col.when, cell: (x) => when.format(new Date(x.createdAt)) },
          { header: t.inbox.col.what, cell: (x) => <>{pick(x.projectTitle)}<br /><span class="ws-hint">{pick(x.needTitle)}</span></> },
          { header: t.inbox.col.quantity, numeric: true, cell: (x) => quantityText(x, lang) },
          {
            header: t.inbox.col.who,
            cell: (x) => (x.contact ? <>{x.contact.name}<br /><a href={`mailto:${x.contact.email}`}>{x.contact.email}</a>{x.message && <p class="ws-hint">« {x.message} »</p>}</> : <span class="ws-hint">{t.inbox.erased}</span>),
          },
          { header: t.inbox.col.consent, cell: (x) => (x.consent.updates ? t.inbox.news : t.inbox.noNews) },
          { header: t.inbox.col.status, cell: (x) => t.statuses.pledge[x.status] },
          { header: t.inbox.col.actions, cell: (x) => <PledgeActions pledge={x} action={`${base}/${x.id}?${back}`} error={p.errors?.[`reason-${x.id}`]} /> },
        ]}
      />
      <Pager next={p.nextCursor ? `${base}?${filterQuery(p.filters, { cursor: p.nextCursor })}` : null} />
      {org.role === 'admin' && (
        <section aria-labelledby="notifications">
          <h2 id="notifications">{t.inbox.notifications}</h2>
          <Form action={`/workspace/o/${org.slug}/notifications`}>
            <fieldset class="ws-choices">
              <legend>{t.inbox.notificationsLead}</legend>
              {(['each', 'digest'] as const).map((m) => (
                <label>
                  <input type="radio" name="mode" value={m} checked={p.mode === m} /> {t.inbox[m]}
                </label>
              ))}
            </fieldset>
            <div class="ws-actions">
              <Button label={t.inbox.saveNotifications} variant="secondary" />
            </div>
          </Form>
        </section>
      )}
    </>
  );
}

/** What can be done with a pledge now: confirm or decline (with a reason) a pending one; fulfil or decline a confirmed one. */
function PledgeActions({ pledge, action, error }: { pledge: OrganizationPledge; action: string; error?: string | undefined }) {
  const t = useRequestContext<WorkspaceEnv>().get('t');
  if (pledge.status !== 'pending' && pledge.status !== 'confirmed') return <span class="ws-hint">{pledge.declineReason ?? ''}</span>;
  const reasonId = `reason-${pledge.id}`;
  return (
    <div class="ws-row-actions">
      <form method="post" action={action} class="ws-inline">
        <button type="submit" class="ws-button ws-primary" name="status" value={pledge.status === 'pending' ? 'confirmed' : 'fulfilled'}>
          {pledge.status === 'pending' ? t.inbox.confirm : t.inbox.fulfil}
        </button>
      </form>
      {/* Declining is rarer and needs a reason: folded, so that each row stays short; open when its reason was refused. */}
      <details class="ws-decline-fold" open={Boolean(error)}>
        <summary>{t.inbox.decline}…</summary>
        <form method="post" action={action} class="ws-decline">
          <Field name={reasonId} label={t.inbox.reason} rows={2} maxlength={1000} error={error} />
          <button type="submit" class="ws-button ws-danger" name="status" value="declined">
            {t.inbox.decline}
          </button>
        </form>
      </details>
    </div>
  );
}

/** On screen, as people read amounts: "45,50 $" in French, "$45.50" in English (the CSV keeps 45.50 for spreadsheets). */
function quantityText(p: Parameters<typeof quantityOf>[0], lang: 'fr' | 'en'): string {
  const locale = lang === 'en' ? 'en-CA' : 'fr-CA';
  if (p.category === 'financial') return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD' }).format(p.quantity / 100);
  const [, unit] = quantityOf(p, lang);
  return `${new Intl.NumberFormat(locale).format(p.quantity)} ${unit}`.trim();
}
