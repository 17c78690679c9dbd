import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';
import type { Member } from '../../services/people.ts';
import { ActionButton, Button, ErrorSummary, Field, Form, PageTitle, Select, Table } from '../views/components.tsx';
import { formatDay } from '../views/format.ts';
import { OrgNav } from '../views/org-nav.tsx';

export function TeamView({ members, errors, values }: { members: Member[]; errors?: FormErrors; values?: Record<string, unknown> }) {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const lang = c.get('lang');
  const org = c.get('organization');
  const me = c.get('session')!.person.id;
  const base = `/workspace/o/${org.slug}/team`;
  return (
    <>
      <OrgNav />
      <PageTitle lead={t.team.lead}>{t.team.title}</PageTitle>
      <Table
        caption={t.team.members}
        rows={members}
        empty=""
        columns={[
          { header: t.team.person, cell: (m) => <>{m.name ? `${m.name} — ${m.email}` : m.email}{m.personId === me && ` ${t.team.you}`}</> },
          { header: t.team.role, cell: (m) => t.team.roles[m.role] },
          { header: t.team.since, cell: (m) => formatDay(lang, m.since) },
          {
            header: t.team.actions,
            cell: (m) => <ActionButton action={`${base}/remove`} values={{ person: m.personId }} label={<span aria-label={t.team.removeLabel(m.name ?? m.email)}>{t.team.remove}</span>} variant="secondary" />,
          },
        ]}
      />
      <h2 id="invite">{t.team.inviteTitle}</h2>
      <Form action={`${base}/invite`}>
        <ErrorSummary errors={errors} labels={{ email: t.team.email, name: t.team.name, role: t.team.role }} />
        <Field name="email" type="email" label={t.team.email} value={values?.email as string} error={errors?.email} autocomplete="off" required maxlength={254} />
        <Field name="name" label={t.team.name} value={values?.name as string} error={errors?.name} autocomplete="off" maxlength={100} />
        <Select
          name="role"
          label={t.team.role}
          hint={t.team.roleHint}
          value={(values?.role as string) ?? 'editor'}
          error={errors?.role}
          required
          options={[
            { value: 'editor', label: t.team.roles.editor },
            { value: 'admin', label: t.team.roles.admin },
          ]}
        />
        <div class="ws-actions">
          <Button label={t.team.invite} />
        </div>
      </Form>
    </>
  );
}
