import { NotificationSettings, PledgeListQuery, PledgeStatusUpdate, type PledgeStatus } from '@perron/contract';
import { listOrganizationPledges, EXPORT_LIMIT, pendingPledgeCount } from '../../db/queries/pledges.ts';
import { notificationMode } from '../../db/queries/notifications.ts';
import { ProblemError } from '../../http/problem.ts';
import { toCsv } from '../../services/csv.ts';
import { pledgesCsv } from '../../services/exports.ts';
import { setNotificationMode } from '../../services/notifications.ts';
import { changePledgeStatus } from '../../services/pledging.ts';
import type { MiddlewareHandler } from 'hono';
import type { WorkspaceContext, WorkspaceEnv } from '../context.ts';
import { formInput, parseForm } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { actingAs, requireMember } from '../session.tsx';
import { filterQuery, InboxView, type InboxFilters } from './inbox.view.tsx';
import type { NodeServices } from '../../handlers/types.ts';
import { proposedPartnershipCount } from '../../services/partnerships.ts';

/** The query's filters, parsed by the contract (what the API's `GET /v1/pledges` takes); no `status` at all: what waits. */
function filtersOf(c: WorkspaceContext): { filters: InboxFilters & { cursor?: string }; errors?: Record<string, string> } {
  const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([k, v]) => v !== '' && k !== 'lang' && k !== 'done'));
  if (!('status' in c.req.query())) raw.status = 'pending';
  const parsed = parseForm(PledgeListQuery, raw, c.get('t'));
  if (!parsed.ok) return { filters: { status: raw.status as PledgeStatus | undefined }, errors: parsed.errors };
  return { filters: parsed.data };
}

async function ownProjects(node: NodeServices, organizationId: string) {
  return node.db.query<{ id: string; title: { fr: string; en?: string } }>('select id, title from projects where organization_id = $1 order by created_at desc', [organizationId]);
}

/** The inbox ("À traiter"): an organization's pledges, filtered; confirm, decline with a reason, fulfil; CSV of the same list. */
export const inboxScreen: Screen = (ws, node) => {
  // The counts beside "À traiter" and "Partenariats" in every organization page's navigation.
  const badge: MiddlewareHandler<WorkspaceEnv> = async (c, next) => {
    const membership = c.get('session')?.memberships.find((m) => m.slug === c.req.param('org'));
    if (membership && c.req.method === 'GET') {
      c.set('badges', { inbox: await pendingPledgeCount(node.db, membership.organizationId), partnerships: await proposedPartnershipCount(node.db, membership.organizationId) });
    }
    await next();
  };
  ws.use('/o/:org', badge);
  ws.use('/o/:org/*', badge);

  ws.get('/o/:org/inbox', requireMember('editor'), async (c) => {
    const org = c.get('organization');
    const { filters, errors } = filtersOf(c);
    const page = errors ? { items: [], nextCursor: null } : await listOrganizationPledges(node.db, org.organizationId, filters);
    const { mode } = await notificationMode(node.db, org.organizationId);
    if (errors) c.status(422);
    return c.render(<InboxView {...page} filters={filters} projects={await ownProjects(node, org.organizationId)} mode={mode} errors={errors} />, { title: c.get('t').inbox.title });
  });

  ws.get('/o/:org/inbox.csv', requireMember('editor'), async (c) => {
    const org = c.get('organization');
    const { filters, errors } = filtersOf(c);
    if (errors) return c.redirect(`/workspace/o/${org.slug}/inbox?${filterQuery(filters)}`, 303);
    const { items } = await listOrganizationPledges(node.db, org.organizationId, { ...filters, cursor: undefined, limit: EXPORT_LIMIT });
    return c.body(toCsv(pledgesCsv(items, c.get('lang'))), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${org.slug}-engagements.csv"` });
  });

  ws.post('/o/:org/inbox/:id', requireMember('editor'), async (c) => {
    const org = c.get('organization');
    const t = c.get('t');
    const id = c.req.param('id');
    const input = await formInput(c);
    const back = (done: string) => c.redirect(`/workspace/o/${org.slug}/inbox?${new URLSearchParams({ ...c.req.query(), done }).toString()}`, 303);
    const parsed = parseForm(PledgeStatusUpdate, { status: input.status, reason: input[`reason-${id}`] }, t);
    if (!parsed.ok) {
      const { filters } = filtersOf(c);
      const page = await listOrganizationPledges(node.db, org.organizationId, filters);
      c.status(422);
      const errors = Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k === 'reason' ? `reason-${id}` : k, v]));
      return c.render(<InboxView {...page} filters={filters} projects={await ownProjects(node, org.organizationId)} mode={(await notificationMode(node.db, org.organizationId)).mode} errors={errors} />, { title: t.inbox.title });
    }
    const { status, reason } = parsed.data;
    try {
      await node.db.tx((q) => changePledgeStatus(q, node, actingAs(c, 'organization'), id, status, status === 'declined' ? reason : undefined));
    } catch (error) {
      // Someone else handled it first, or the person withdrew: say so, the list shows what it is now.
      if (error instanceof ProblemError && (error.code === 'invalid_state' || error.code === 'not_found')) return back('not_possible');
      throw error;
    }
    node.worker?.wake();
    return back(status);
  });

  ws.post('/o/:org/notifications', requireMember('admin'), async (c) => {
    const org = c.get('organization');
    const parsed = parseForm(NotificationSettings, await formInput(c), c.get('t'));
    if (parsed.ok) await node.db.tx((q) => setNotificationMode(q, org.organizationId, parsed.data.mode, node.now()));
    return c.redirect(`/workspace/o/${org.slug}/inbox?done=notifications_saved`, 303);
  });
};
