import { WEBHOOK_EVENTS, type WebhookDelivery, type WebhookEndpoint, type WebhookEndpointWithSecret } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';
import { ActionButton, Button, ErrorSummary, Field, Form, PageTitle, Table } from '../views/components.tsx';
import { formatDay } from '../views/format.ts';
import { OrgNav } from '../views/org-nav.tsx';

const useWebhooks = () => {
  const c = useRequestContext<WorkspaceEnv>();
  return { t: c.get('t'), lang: c.get('lang'), base: `/workspace/o/${c.get('organization').slug}/webhooks` };
};

export function WebhooksView({ endpoints, errors, values, shown }: { endpoints: WebhookEndpoint[]; errors?: FormErrors; values?: { url?: string; events?: string[] }; shown?: WebhookEndpointWithSecret }) {
  const { t, lang, base } = useWebhooks();
  const k = t.webhooks;
  return (
    <>
      <OrgNav />
      <PageTitle lead={k.lead}>{k.title}</PageTitle>
      {shown && (
        <section class="ws-card" aria-labelledby="secret-title" role="status">
          <h2 id="secret-title">{k.shownTitle}</h2>
          <p>{shown.url}</p>
          <p>{k.shown}</p>
          <p class="ws-secret" id="secret">
            {shown.secret}
          </p>
        </section>
      )}
      <Table
        caption={k.list}
        rows={endpoints}
        empty=""
        columns={[
          { header: k.url, cell: (e) => <a href={`${base}/${e.id}`}>{e.url}</a> },
          { header: k.events, cell: (e) => e.events.map((ev) => k.names[ev]).join(', ') },
          { header: k.created, cell: (e) => formatDay(lang, e.createdAt) },
          {
            header: t.team.actions,
            cell: (e) => (
              <>
                <ActionButton action={`${base}/rotate`} values={{ endpoint: e.id }} label={<span aria-label={k.rotateLabel(e.url)}>{k.rotate}</span>} variant="secondary" />{' '}
                <ActionButton action={`${base}/remove`} values={{ endpoint: e.id }} label={<span aria-label={k.removeLabel(e.url)}>{k.remove}</span>} variant="danger" />
              </>
            ),
          },
        ]}
      />
      <h2>{k.createTitle}</h2>
      <Form action={base}>
        <ErrorSummary errors={errors} labels={{ url: k.url, events: k.events }} />
        <Field name="url" label={k.url} hint={k.urlHint} type="url" value={values?.url} error={errors?.url} autocomplete="off" required maxlength={2048} />
        <fieldset class="ws-choices">
          <legend>{k.events}</legend>
          {errors?.events && (
            <p class="ws-error" id="f-events">
              {errors.events}
            </p>
          )}
          <div class="ws-choice-grid">
            {WEBHOOK_EVENTS.map((ev) => (
              <label>
                <input type="checkbox" name="events[]" value={ev} checked={values?.events?.includes(ev)} /> {k.names[ev]}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="ws-actions">
          <Button label={k.create} />
        </div>
      </Form>
    </>
  );
}

export function DeliveriesView({ endpoint, deliveries, errors, url }: { endpoint: WebhookEndpoint; deliveries: WebhookDelivery[]; errors?: FormErrors; url?: string }) {
  const { t, lang, base } = useWebhooks();
  const k = t.webhooks;
  return (
    <>
      <OrgNav />
      <p>
        <a href={base}>{k.title}</a>
      </p>
      <PageTitle>{k.deliveriesOf(endpoint.url)}</PageTitle>
      <Form action={`${base}/${endpoint.id}`}>
        <h2>{k.changeUrl}</h2>
        <ErrorSummary errors={errors} labels={{ url: k.url }} />
        <Field name="url" label={k.url} hint={k.changeUrlHint} type="url" value={url ?? endpoint.url} error={errors?.url} required />
        <div class="ws-actions">
          <Button label={k.saveUrl} />
        </div>
      </Form>
      <Table
        caption={k.deliveries}
        rows={deliveries}
        empty={k.deliveriesEmpty}
        columns={[
          { header: k.event, cell: (d) => k.names[d.event] },
          { header: k.status, cell: (d) => k.statuses[d.status] },
          { header: k.attempts, numeric: true, cell: (d) => String(d.attempts) },
          { header: k.lastAnswer, cell: (d) => (d.lastStatus !== null ? String(d.lastStatus) : (d.lastError ?? k.noAnswer)) },
          { header: k.sentOn, cell: (d) => formatDay(lang, d.createdAt) },
        ]}
      />
    </>
  );
}
