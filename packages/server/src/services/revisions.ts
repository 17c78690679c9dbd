// Review of changes to public items: what a curator must see again waits in a pending revision,
// and the public keeps the live version until a curator approves it (docs/node.md, "Review").
import { frenchText, type PendingChanges, type Revision, type RevisionFields, type RevisionStatus } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { NEED_COLUMNS, toNeed, type NeedRow } from '../db/queries/needs.ts';
import { curatorRevision, curatorRevisions, pendingRevision, type RevisionRow, type Subject } from '../db/queries/revisions.ts';
import { iso, searchText } from '../db/queries/sql.ts';
import type { NodeServices } from '../handlers/types.ts';
import type { ApiKey } from '../http/auth.ts';
import { ProblemError } from '../http/problem.ts';
import { newId } from '../ids.ts';
import { logActivity } from './activity.ts';
import { staffEmails } from './curation.ts';
import { localized } from './event-text.ts';
import { signalOrganization } from './notifications.ts';

/** The same value, whatever the order of keys or an absent optional (a form sends every field). */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined && x !== null && x !== '')
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/** Of `fields`, those `proposed` sets to something else than `live`. */
export function changedFields(fields: readonly (keyof RevisionFields)[], proposed: RevisionFields, live: RevisionFields): RevisionFields {
  const changed: Record<string, unknown> = {};
  for (const f of fields) if (proposed[f] !== undefined && canonical(proposed[f]) !== canonical(live[f])) changed[f] = proposed[f];
  return changed as RevisionFields;
}

/** The reviewed fields of an item as the public sees them now. */
export async function liveFields(q: Queryable, subject: Subject, id: string): Promise<RevisionFields> {
  if (subject === 'project') {
    const [p] = await q.query<Pick<RevisionFields, 'title' | 'summary'> & { image_url: string | null; image_alt: RevisionFields['title'] | null }>(
      'select title, summary, image_url, image_alt from projects where id = $1',
      [id],
    );
    return { title: p!.title, summary: p!.summary, image: p!.image_url && p!.image_alt ? { url: p!.image_url, alt: p!.image_alt } : null };
  }
  const [e] = await q.query<{ title: RevisionFields['title']; description: RevisionFields['description']; place_name: string | null; place_address: string | null; link: string | null }>(
    'select title, description, place_name, place_address, link from events where id = $1',
    [id],
  );
  return { title: e!.title, description: e!.description, place: e!.place_name && e!.place_address ? { name: e!.place_name, address: e!.place_address } : null, link: e!.link };
}

/**
 * Adds changes (or a new money need) to the item's pending revision, opening one when there is
 * none: later edits merge into it, so the curator sees one diff per item. The caller holds the
 * item's row lock.
 */
export async function queueChanges(q: Queryable, now: Date, r: { subject: Subject; subjectId: string; organizationId: string; changes: RevisionFields; newNeed?: string; newItem?: boolean }): Promise<void> {
  const pending = await pendingRevision(q, r.subject, r.subjectId);
  const needs = r.newNeed ? [r.newNeed] : [];
  if (pending) {
    await q.query('update revisions set changes = $2, new_needs = $3, updated_at = $4 where id = $1', [pending.id, JSON.stringify({ ...pending.changes, ...r.changes }), [...pending.new_needs, ...needs], now]);
  } else {
    await q.query(
      `insert into revisions (id, subject_type, subject_id, organization_id, changes, new_needs, created_at, updated_at, new_item) values ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
      [newId('rev'), r.subject, r.subjectId, r.organizationId, JSON.stringify(r.changes), needs, now, r.newItem === true],
    );
  }
}

/** A new need deleted before review leaves its project's pending revision; a revision left with nothing to review goes. */
export async function dropFromRevision(q: Queryable, projectId: string, needId: string): Promise<void> {
  await q.query(`update revisions set new_needs = array_remove(new_needs, $3) where subject_type = 'project' and subject_id = $1 and status = $2`, [projectId, 'pending', needId]);
  await q.query(`delete from revisions where subject_type = 'project' and subject_id = $1 and status = 'pending' and not new_item and cardinality(new_needs) = 0 and changes = '{}'::jsonb`, [projectId]);
}

/** What the organization sees on its item: the changes that wait, beside the live fields. */
export async function pendingChangesOf(q: Queryable, subject: Subject, id: string): Promise<PendingChanges | undefined> {
  const [row] = await q.query<Pick<RevisionRow, 'id' | 'changes' | 'new_needs' | 'created_at'>>(
    `select id, changes, new_needs, created_at from revisions where subject_type = $1 and subject_id = $2 and status = 'pending'`,
    [subject, id],
  );
  return row ? { revisionId: row.id, changes: row.changes, newNeeds: row.new_needs, since: iso(row.created_at) } : undefined;
}

async function toRevision(q: Queryable, r: RevisionRow): Promise<Revision> {
  const needs = r.new_needs.length ? await q.query<NeedRow>(`select ${NEED_COLUMNS} from needs n where n.id = any($1) order by n.position, n.id`, [r.new_needs]) : [];
  // A new item is reviewed whole, as it is now: its fields are what approving publishes.
  const live = await liveFields(q, r.subject_type, r.subject_id);
  return {
    id: r.id,
    subject: r.subject_type,
    subjectId: r.subject_id,
    subjectTitle: r.subject_title,
    newItem: r.new_item,
    organization: r.organization,
    status: r.status,
    changes: r.new_item ? live : r.changes,
    live: r.new_item ? {} : live,
    newNeeds: needs.map(toNeed),
    reason: r.reason,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    decidedAt: r.decided_at && iso(r.decided_at),
  };
}

export async function listRevisions(q: Queryable, key: ApiKey, f: { status?: RevisionStatus; community?: string; limit: number; after?: [string, string] }) {
  const rows = await curatorRevisions(q, key, f);
  return { rows, items: await Promise.all(rows.slice(0, f.limit).map((r) => toRevision(q, r))) };
}

export async function getRevision(q: Queryable, key: ApiKey, id: string): Promise<Revision> {
  const row = await curatorRevision(q, key, id);
  if (!row) throw new ProblemError('not_found', `No revision ${id}`);
  return toRevision(q, row);
}

/** The changes go live, as one write: the item's texts, and its new money needs open to pledges. */
async function apply(q: Queryable, r: RevisionRow, now: Date): Promise<void> {
  const live = await liveFields(q, r.subject_type, r.subject_id);
  const next = { ...live, ...r.changes };
  if (r.subject_type === 'project') {
    await q.query('update projects set title = $2, summary = $3, image_url = $4, image_alt = $5, search = $6, updated_at = $7 where id = $1', [
      r.subject_id,
      next.title,
      next.summary,
      next.image?.url ?? null,
      next.image?.alt ?? null,
      searchText(next.title!.fr, next.title!.en, next.summary!.fr, next.summary!.en),
      now,
    ]);
    await q.query('update needs set in_review = false where id = any($1)', [r.new_needs]);
  } else {
    // Calendars take an edit only when SEQUENCE grows. A new event becomes public.
    await q.query('update events set title = $2, description = $3, place_name = $4, place_address = $5, link = $6, updated_at = $7, sequence = sequence + 1, in_review = false where id = $1', [
      r.subject_id,
      next.title,
      next.description ?? null,
      next.place?.name ?? null,
      next.place?.address ?? null,
      next.link ?? null,
      now,
    ]);
  }
}

export type RevisionDecision = { approve: true } | { approve: false; reason: string };

/**
 * A curator approves (the changes go live) or rejects (the live version stays; new money needs
 * are dropped) a pending revision; the organization's staff are emailed, with the reason.
 */
export async function decideRevision(q: Queryable, node: NodeServices, key: ApiKey, id: string, decision: RevisionDecision, personId: string | null = null): Promise<Revision> {
  const seen = await curatorRevision(q, key, id);
  if (!seen) throw new ProblemError('not_found', `No revision ${id}`);
  // The item first, then the revision: the order an edit takes, so the two never wait on each other.
  await q.query(`select 1 from ${seen.subject_type === 'project' ? 'projects' : 'events'} where id = $1 for update`, [seen.subject_id]);
  const r = (await curatorRevision(q, key, id, true))!;
  if (r.status !== 'pending') throw new ProblemError('invalid_state', `This revision was already ${r.status}`);
  const now = node.now();
  if (decision.approve) await apply(q, r, now);
  else await q.query('delete from needs where id = any($1) and in_review', [r.new_needs]);
  const status = decision.approve ? 'approved' : 'rejected';
  await q.query('update revisions set status = $2, reason = $3, decided_at = $4, decided_by = $5 where id = $1', [r.id, status, decision.approve ? null : decision.reason, now, personId ?? key.id]);
  await logActivity(q, { organizationId: r.organization_id, personId, action: decision.approve ? 'changes_approved' : 'changes_rejected', subject: r.subject_title.fr, now });
  await signalOrganization(q, now, {
    organizationId: r.organization_id,
    event: decision.approve ? 'changes.approved' : 'changes.rejected',
    data: { revisionId: r.id, subject: r.subject_type, subjectId: r.subject_id, reason: decision.approve ? null : decision.reason },
  });
  const decided = (await curatorRevision(q, key, id))!;
  for (const to of await staffEmails(q, r.organization_id)) await node.mailer.send(decisionMail(decided, to, node.baseUrl), q);
  return toRevision(q, decided);
}

/** To one of the organization's staff: their language first, then the other. */
function decisionMail(r: RevisionRow, to: { email: string; lang: 'fr' | 'en' }, baseUrl: string) {
  const url = `${baseUrl}/workspace/o/${r.organization.slug}/${r.subject_type === 'project' ? 'projects' : 'events'}/${encodeURIComponent(r.subject_id)}`;
  const part = (lang: 'fr' | 'en') => {
    const title = localized(r.subject_title, lang);
    if (r.new_item) return newItemDecision(lang, title, r, url);
    if (lang === 'fr') {
      return r.status === 'approved'
        ? { subject: frenchText(`Modifications approuvées : « ${title} »`), text: frenchText(`Bonjour,\n\nUn curateur a approuvé vos modifications de « ${title} » : elles sont publiques.\n\n${url}\n`) }
        : { subject: frenchText(`Modifications refusées : « ${title} »`), text: frenchText(`Bonjour,\n\nUn curateur a refusé vos modifications de « ${title} ». La version publiée reste en ligne.\n\nRaison : ${r.reason}\n\n${url}\n`) };
    }
    return r.status === 'approved'
      ? { subject: `Changes approved: “${title}”`, text: `Hello,\n\nA curator approved your changes to “${title}”: they are public.\n\n${url}\n` }
      : { subject: `Changes rejected: “${title}”`, text: `Hello,\n\nA curator rejected your changes to “${title}”. The published version stays online.\n\nReason: ${r.reason}\n\n${url}\n` };
  };
  const [a, b] = (to.lang === 'en' ? (['en', 'fr'] as const) : (['fr', 'en'] as const)).map(part) as [{ subject: string; text: string }, { subject: string; text: string }];
  return { to: to.email, subject: `${a.subject} / ${b.subject}`, text: `${a.text}\n---\n\n${b.text}` };
}

/** The decision on a new event: published, or kept private with the reason (an edit submits it again). */
function newItemDecision(lang: 'fr' | 'en', title: string, r: RevisionRow, url: string) {
  if (lang === 'fr') {
    return r.status === 'approved'
      ? { subject: frenchText(`Événement approuvé : « ${title} »`), text: frenchText(`Bonjour,\n\nUn curateur a approuvé votre événement « ${title} » : il est public.\n\n${url}\n`) }
      : { subject: frenchText(`Événement refusé : « ${title} »`), text: frenchText(`Bonjour,\n\nUn curateur a refusé votre événement « ${title} » : il reste non public. Modifiez-le pour le soumettre de nouveau.\n\nRaison : ${r.reason}\n\n${url}\n`) };
  }
  return r.status === 'approved'
    ? { subject: `Event approved: “${title}”`, text: `Hello,\n\nA curator approved your event “${title}”: it is public.\n\n${url}\n` }
    : { subject: `Event rejected: “${title}”`, text: `Hello,\n\nA curator rejected your event “${title}”: it stays private. Edit it to submit it again.\n\nReason: ${r.reason}\n\n${url}\n` };
}

/** Whether the events of this community (or of a community it is nested in) are reviewed. */
export async function eventsReviewed(q: Queryable, communityId: string): Promise<boolean> {
  const [row] = await q.query<{ reviewed: boolean }>(
    `with recursive up(id, parent_id, reviewed) as (
       select id, parent_id, events_require_review from communities where id = $1
       union select c.id, c.parent_id, c.events_require_review from communities c join up on c.id = up.parent_id
     ) select coalesce(bool_or(reviewed), false) as reviewed from up`,
    [communityId],
  );
  return row?.reviewed ?? false;
}
