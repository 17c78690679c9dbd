import type { LocalizedText, OrganizationSummary, RevisionFields, RevisionStatus } from '@perron/contract';
import type { ApiKey } from '../../http/auth.ts';
import type { Queryable } from '../database.ts';
import { communityTree } from './communities.ts';
import { summaryJson } from './organizations.ts';
import { fromMicros, microsOf, Params } from './sql.ts';

export type Subject = 'project' | 'event';

export interface RevisionRow {
  id: string;
  subject_type: Subject;
  subject_id: string;
  organization_id: string;
  organization: OrganizationSummary;
  subject_title: LocalizedText;
  changes: RevisionFields;
  new_needs: string[];
  new_item: boolean;
  status: RevisionStatus;
  reason: string | null;
  created_at: Date;
  updated_at: Date;
  decided_at: Date | null;
  cursor_at: string;
}

const SELECT = `
  select r.id, r.subject_type, r.subject_id, r.organization_id, ${summaryJson('o')} as organization,
         coalesce((select p.title from projects p where r.subject_type = 'project' and p.id = r.subject_id),
                  (select e.title from events e where r.subject_type = 'event' and e.id = r.subject_id)) as subject_title,
         r.changes, r.new_needs, r.new_item, r.status, r.reason, r.created_at, r.updated_at, r.decided_at, ${microsOf('r.created_at')} as cursor_at
    from revisions r join organizations o on o.id = r.organization_id`;

/** SQL: the revision's item is in one of the curator's communities (or one nested in them). */
function reviewedBy(key: ApiKey, p: Params): string {
  const tree = communityTree(p.add(key.communityIds), 'ids');
  return `((r.subject_type = 'project' and exists (select 1 from project_communities pc where pc.project_id = r.subject_id and pc.community_id in ${tree}))
        or (r.subject_type = 'event' and exists (select 1 from events e where e.id = r.subject_id and e.community_id in ${tree})))`;
}

/** The revisions a curator reviews, oldest first; `community` narrows them to one community's tree. */
export function curatorRevisions(q: Queryable, key: ApiKey, f: { status?: RevisionStatus; community?: string; limit: number; after?: [string, string] }): Promise<RevisionRow[]> {
  const p = new Params();
  const where = [reviewedBy(key, p), `r.status = ${p.add(f.status ?? 'pending')}`];
  if (f.community) {
    const tree = communityTree(p.add(f.community), 'slug');
    where.push(`((r.subject_type = 'project' and exists (select 1 from project_communities pc where pc.project_id = r.subject_id and pc.community_id in ${tree}))
              or (r.subject_type = 'event' and exists (select 1 from events e where e.id = r.subject_id and e.community_id in ${tree})))`);
  }
  if (f.after) where.push(`(r.created_at, r.id) > (${fromMicros(p.add(f.after[0]))}, ${p.add(f.after[1])})`);
  return q.query<RevisionRow>(`${SELECT} where ${where.join(' and ')} order by r.created_at, r.id limit ${p.add(f.limit + 1)}`, p.values);
}

/** One revision a curator reviews, locked when `lock`; null when it is not theirs to see. */
export async function curatorRevision(q: Queryable, key: ApiKey, id: string, lock = false): Promise<RevisionRow | null> {
  const p = new Params();
  const [row] = await q.query<RevisionRow>(`${SELECT} where r.id = ${p.add(id)} and ${reviewedBy(key, p)}${lock ? ' for update of r' : ''}`, p.values);
  return row ?? null;
}

/** The item's pending revision, locked (the item's row is already locked by the caller). */
export async function pendingRevision(q: Queryable, subject: Subject, subjectId: string): Promise<RevisionRow | null> {
  const [row] = await q.query<RevisionRow>(`${SELECT} where r.subject_type = $1 and r.subject_id = $2 and r.status = 'pending' for update of r`, [subject, subjectId]);
  return row ?? null;
}
