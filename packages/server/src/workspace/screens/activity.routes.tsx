import { listActivity } from '../../services/activity.ts';
import type { Screen } from '../index.tsx';
import { requireMember } from '../session.tsx';
import { ActivityView } from './activity.view.tsx';

const PAGE = 50;

/** `?before=<iso>~<id>`: the page after a row, newest first. */
function parseBefore(value: string | undefined): { at: string; id: string } | undefined {
  const m = value && /^(\d{4}-\d\d-\d\dT[\d:.]+Z)~([\w-]{1,64})$/.exec(value);
  return m ? { at: m[1]!, id: m[2]! } : undefined;
}

/** An organization's activity log, for its admins. */
export const activityScreen: Screen = (ws, node) => {
  ws.get('/o/:org/activity', requireMember('admin'), async (c) => {
    const org = c.get('organization');
    const rows = await listActivity(node.db, org.organizationId, PAGE + 1, parseBefore(c.req.query('before')));
    const last = rows.length > PAGE ? rows[PAGE - 1]! : null;
    const next = last ? `/workspace/o/${org.slug}/activity?before=${new Date(last.createdAt).toISOString()}~${last.id}` : null;
    return c.render(<ActivityView rows={rows.slice(0, PAGE)} next={next} />, { title: c.get('t').activity.title });
  });
};
