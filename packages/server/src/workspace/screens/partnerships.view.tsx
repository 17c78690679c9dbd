import { useRequestContext } from 'hono/jsx-renderer';
import { localized } from '../../services/event-text.ts';
import type { Partnership } from '../../services/partnerships.ts';
import type { WorkspaceEnv } from '../context.ts';
import { ActionButton, PageTitle, Table } from '../views/components.tsx';
import { OrgNav } from '../views/org-nav.tsx';

export function PartnershipsView({ partnerships }: { partnerships: Partnership[] }) {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const p = t.partnerships;
  const lang = c.get('lang');
  const action = `/workspace/o/${c.get('organization').slug}/partnerships`;
  const answer = (x: Partnership, to: 'accepted' | 'declined', label: string, named: string, variant: 'primary' | 'secondary' | 'danger') => (
    <ActionButton action={action} values={{ project: x.projectId, answer: to }} label={<span aria-label={named}>{label}</span>} variant={variant} />
  );
  return (
    <>
      <OrgNav />
      <PageTitle lead={p.lead}>{p.title}</PageTitle>
      <Table
        caption={p.caption}
        rows={partnerships}
        empty={p.empty}
        columns={[
          { header: p.col.project, cell: (x) => localized(x.projectTitle, lang) },
          { header: p.col.by, cell: (x) => x.organization.name },
          { header: p.col.role, cell: (x) => p.roles[x.role] },
          { header: p.col.status, cell: (x) => p.status[x.status] },
          {
            header: p.col.actions,
            cell: (x) => {
              const title = localized(x.projectTitle, lang);
              return (
                <div class="ws-actions">
                  {x.status !== 'accepted' && answer(x, 'accepted', p.accept, p.acceptLabel(title), 'primary')}
                  {x.status === 'proposed' && answer(x, 'declined', p.decline, p.declineLabel(title), 'secondary')}
                  {x.status === 'accepted' && answer(x, 'declined', p.withdraw, p.withdrawLabel(title), 'danger')}
                </div>
              );
            },
          },
        ]}
      />
    </>
  );
}
