import type { Queryable } from '../db/database.ts';
import { newId } from '../ids.ts';

/** What the activity log records; each has its words in the workspace's strings. */
export const ACTIVITY_ACTIONS = [
  'signed_in',
  'member_added',
  'member_removed',
  'key_created',
  'key_revoked',
  'profile_edited',
  'project_created',
  'project_edited',
  'project_submitted',
  'project_published',
  'project_rejected',
  'project_hidden',
  'project_completed',
  'project_cancelled',
  'need_deleted',
  'pledge_updated',
  'event_edited',
  'changes_approved',
  'changes_rejected',
  'partnership_accepted',
  'partnership_declined',
  'exported',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export interface ActivityEntry {
  organizationId?: string | null;
  communityId?: string | null;
  /** Who did it; none for the admin command or an API key. */
  personId?: string | null;
  action: ActivityAction;
  /** What it was done to, as people will read it: a project's title, a key's label. */
  subject?: string | null;
  now: Date;
}

/** Written in the transaction of what it records: no entry for a write that rolled back. */
export async function logActivity(q: Queryable, e: ActivityEntry): Promise<void> {
  await q.query('insert into activity_log (id, organization_id, community_id, person_id, action, subject, created_at) values ($1, $2, $3, $4, $5, $6, $7)', [
    newId('act'),
    e.organizationId ?? null,
    e.communityId ?? null,
    e.personId ?? null,
    e.action,
    e.subject ?? null,
    e.now,
  ]);
}

export interface ActivityRow {
  id: string;
  action: ActivityAction;
  subject: string | null;
  who: string | null;
  createdAt: Date;
}

/** An organization's log, newest first, by keyset on (created_at, id). */
export async function listActivity(q: Queryable, organizationId: string, limit: number, before?: { at: string; id: string }): Promise<ActivityRow[]> {
  return q.query<ActivityRow>(
    `select a.id, a.action, a.subject, coalesce(p.name, p.email) as who, a.created_at as "createdAt"
       from activity_log a left join people p on p.id = a.person_id
      where a.organization_id = $1 and ($2::timestamptz is null or (a.created_at, a.id) < ($2::timestamptz, $3))
      order by a.created_at desc, a.id desc limit $4`,
    [organizationId, before?.at ?? null, before?.id ?? '', limit],
  );
}
