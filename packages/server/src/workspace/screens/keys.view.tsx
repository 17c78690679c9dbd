import { useRequestContext } from 'hono/jsx-renderer';
import type { ApiKeyListed } from '../../services/api-keys.ts';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';
import { ActionButton, Button, ErrorSummary, Field, Form, PageTitle, Table } from '../views/components.tsx';
import { formatDay } from '../views/format.ts';
import { OrgNav } from '../views/org-nav.tsx';

export function KeysView({ keys, errors, label, secret }: { keys: ApiKeyListed[]; errors?: FormErrors; label?: string; secret?: string }) {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const lang = c.get('lang');
  const base = `/workspace/o/${c.get('organization').slug}/keys`;
  return (
    <>
      <OrgNav />
      <PageTitle lead={t.keys.lead}>{t.keys.title}</PageTitle>
      {secret && (
        <section class="ws-card" aria-labelledby="new-key" role="status">
          <h2 id="new-key">{t.keys.shownTitle}</h2>
          <p>{t.keys.shown}</p>
          <p class="ws-secret" id="secret">
            {secret}
          </p>
          <p class="ws-hint">{t.keys.usage}</p>
        </section>
      )}
      <Table
        caption={t.keys.list}
        rows={keys}
        empty=""
        columns={[
          { header: t.keys.label, cell: (k) => k.label },
          { header: t.keys.created, cell: (k) => formatDay(lang, k.createdAt) },
          { header: t.keys.status, cell: (k) => (k.revokedAt ? t.keys.revoked(formatDay(lang, k.revokedAt)) : t.keys.active) },
          {
            header: t.team.actions,
            cell: (k) => (k.revokedAt ? '' : <ActionButton action={`${base}/revoke`} values={{ key: k.id }} label={<span aria-label={t.keys.revokeLabel(k.label)}>{t.keys.revoke}</span>} variant="danger" />),
          },
        ]}
      />
      <h2>{t.keys.createTitle}</h2>
      <Form action={base}>
        <ErrorSummary errors={errors} labels={{ label: t.keys.label }} />
        <Field name="label" label={t.keys.label} hint={t.keys.labelHint} value={label} error={errors?.label} autocomplete="off" required maxlength={100} />
        <div class="ws-actions">
          <Button label={t.keys.create} />
        </div>
      </Form>
    </>
  );
}
