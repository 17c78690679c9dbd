import { useRequestContext } from 'hono/jsx-renderer';
import type { ActivityRow } from '../../services/activity.ts';
import type { WorkspaceEnv } from '../context.ts';
import { PageTitle, Pager, Table } from '../views/components.tsx';
import { formatMoment } from '../views/format.ts';
import { OrgNav } from '../views/org-nav.tsx';

export function ActivityView({ rows, next }: { rows: ActivityRow[]; next: string | null }) {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const lang = c.get('lang');
  return (
    <>
      <OrgNav />
      <PageTitle lead={t.activity.lead}>{t.activity.title}</PageTitle>
      <Table
        caption={t.activity.caption}
        rows={rows}
        empty={t.activity.empty}
        columns={[
          { header: t.activity.when, cell: (r) => <time datetime={new Date(r.createdAt).toISOString()}>{formatMoment(lang, r.createdAt)}</time> },
          { header: t.activity.who, cell: (r) => r.who ?? t.activity.system },
          { header: t.activity.what, cell: (r) => t.activity.actions[r.action] },
          { header: t.activity.subject, cell: (r) => r.subject ?? '' },
        ]}
      />
      <Pager previous={c.req.query('before') ? `/workspace/o/${c.get('organization').slug}/activity` : null} next={next} />
    </>
  );
}
