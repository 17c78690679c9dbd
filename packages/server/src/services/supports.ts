// "J'appuie ce projet" (seed 001: a project that gathered enough local supporters moves on to
// crowdfunding). A support counts once its emailed link is followed, one per email per project;
// a project's supporters are its confirmed supporters and its counted pledgers, each email once.
// When they first reach the threshold its organization set, its money needs open (for good) and
// the organization is told, once.
import { COUNTED_PLEDGE_STATUSES, type Lang, type LocalizedText, type PendingSupport, type SupportConfirmation, type SupportCreate } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { findProjectDetail } from '../db/queries/projects.ts';
import { iso } from '../db/queries/sql.ts';
import type { NodeServices } from '../handlers/types.ts';
import { ProblemError } from '../http/problem.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import { checkConsentVersion } from './bad-input.ts';
import { CONFIRMATION_TTL_DAYS } from './confirmations.ts';
import { supportMail } from './engagement-mail.ts';
import { notifyUnlocked } from './notifications.ts';

/** The page the emailed link opens: it asks on GET (mail scanners prefetch links) and confirms on POST. */
export const confirmSupportUrl = (baseUrl: string, token: string) => `${baseUrl}/supports/confirm/${token}`;

/**
 * Recounts the project's supporters and opens its money needs when they first reach its threshold.
 * The project's row is locked first, so that the count, a statement of its own, sees every
 * support and pledge committed before it: concurrent confirmations each count, and one of them
 * (never two) flips the project and tells its organization.
 */
export async function recountSupporters(q: Queryable, node: Pick<NodeServices, 'now' | 'mailer' | 'baseUrl'>, projectId: string): Promise<void> {
  await q.query('select id from projects where id = $1 for update', [projectId]);
  await q.query(
    `update projects set supporter_count = (
       select count(*) from (
         select coalesce(lower(contact_email), id) from pledges where project_id = $1 and status = any($2)
         union
         select email from project_supports where project_id = $1 and status = 'confirmed'
       ) people
     ) where id = $1`,
    [projectId, COUNTED_PLEDGE_STATUSES],
  );
  await unlockIfReached(q, node, projectId);
}

/** Opens the money needs if the supporters reached the threshold (after a support, a pledge, or a new threshold). */
export async function unlockIfReached(q: Queryable, node: Pick<NodeServices, 'now' | 'mailer' | 'baseUrl'>, projectId: string): Promise<void> {
  const [flipped] = await q.query<{ organization_id: string; title: LocalizedText; supporter_count: number; crowdfunding_threshold: number }>(
    `update projects set crowdfunding_unlocked_at = $2
      where id = $1 and crowdfunding_unlocked_at is null and crowdfunding_threshold is not null and supporter_count >= crowdfunding_threshold
      returning organization_id, title, supporter_count, crowdfunding_threshold`,
    [projectId, node.now()],
  );
  if (!flipped) return;
  await notifyUnlocked(q, node as NodeServices, {
    organizationId: flipped.organization_id,
    projectId,
    projectTitle: flipped.title,
    supporterCount: flipped.supporter_count,
    threshold: flipped.crowdfunding_threshold,
  });
}

/** A money need of a project whose supporters have not reached its threshold takes no pledge. */
export function checkMoneyOpen(p: { category: string; crowdfunding_threshold: number | null; crowdfunding_unlocked_at: Date | null; supporter_count: number }): void {
  if (p.category !== 'financial' || p.crowdfunding_threshold === null || p.crowdfunding_unlocked_at !== null) return;
  throw new ProblemError(
    'crowdfunding_locked',
    `This project's money needs open once ${p.crowdfunding_threshold} people support it (${p.supporter_count} so far): support the project, or pledge time or material`,
  );
}

/**
 * A support with an email: one row per (project, email); a concurrent support with the same
 * email waits on the unique key, then finds this row. Still pending, it gets another link (each
 * works, and counts it once); confirmed, it is refused (409 `already_supported`).
 */
export async function supportProject(q: Queryable, node: NodeServices, projectId: string, body: SupportCreate): Promise<PendingSupport> {
  const project = await findProjectDetail(q, projectId, node.baseUrl, null);
  if (!project) throw new ProblemError('not_found', `No project has the id ${projectId}`);
  if (project.origin) throw new ProblemError('not_found', `Project ${projectId} is held on ${project.origin}: support it there`);
  if (project.status !== 'published') throw new ProblemError('invalid_state', `This project is ${project.status}: it takes no more support`);
  checkConsentVersion(body.consent.version);
  const now = node.now();
  const email = body.email.toLowerCase();
  let [row] = await q.query<{ id: string; status: string }>(
    `insert into project_supports (id, project_id, email, status, lang, consent_version, consent_at, created_at)
     values ($1, $2, $3, 'pending', $4, $5, $6, $6) on conflict (project_id, email) do nothing returning id, status`,
    [newId('sup'), projectId, email, body.lang, body.consent.version, now],
  );
  row ??= (await q.query<{ id: string; status: string }>('select id, status from project_supports where project_id = $1 and email = $2 for update', [projectId, email]))[0]!;
  if (row.status === 'confirmed') throw new ProblemError('already_supported', 'This email already supports this project; a support counts once');
  // Still pending: another link, and the earlier ones still work (any of them counts it once).
  const token = newToken();
  const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_DAYS * 86_400_000);
  await q.query('insert into project_support_tokens (token_hash, support_id, expires_at) values ($1, $2, $3)', [sha256(token), row.id, expiresAt]);
  await q.query('update project_supports set lang = $2, consent_version = $3, consent_at = $4 where id = $1', [row.id, body.lang, body.consent.version, now]);
  // To an address no one has confirmed yet: the organization's published title and the link, nothing typed.
  await node.mailer.send(supportMail({ to: email, projectTitle: project.title, organizationName: project.organization.name, link: confirmSupportUrl(node.baseUrl, token), lang: body.lang }), q);
  return { status: 'pending_confirmation', projectId, expiresAt: iso(expiresAt) };
}

export interface SupportLink {
  id: string;
  projectId: string;
  status: 'pending' | 'confirmed';
  lang: Lang;
  expired: boolean;
}

/** What a link would confirm, without confirming it (the page people open from the email). */
export async function lookUpSupport(q: Queryable, token: string, now: Date): Promise<SupportLink | null> {
  const [row] = await q.query<{ id: string; project_id: string; status: 'pending' | 'confirmed'; lang: Lang; expires_at: Date }>(
    `select s.id, s.project_id, s.status, s.lang, t.expires_at
       from project_support_tokens t join project_supports s on s.id = t.support_id where t.token_hash = $1`,
    [sha256(token)],
  );
  return row ? { id: row.id, projectId: row.project_id, status: row.status, lang: row.lang, expired: row.expires_at <= now } : null;
}

/**
 * The supporter follows the emailed link: a pending support becomes confirmed and counts. Its row
 * is locked, so of any number of concurrent confirmations one counts it; the others, and later
 * repeats while the link is valid, answer the same and count nothing.
 */
export async function confirmSupport(q: Queryable, node: NodeServices, token: string): Promise<SupportConfirmation> {
  const now = node.now();
  const [row] = await q.query<{ id: string; project_id: string; status: string; expires_at: Date }>(
    `select s.id, s.project_id, s.status, t.expires_at
       from project_support_tokens t join project_supports s on s.id = t.support_id where t.token_hash = $1 for update of s`,
    [sha256(token)],
  );
  if (!row || row.expires_at <= now) {
    throw new ProblemError('not_found', `This support link is unknown or expired (links work ${CONFIRMATION_TTL_DAYS} days): support the project again to receive a new one`);
  }
  if (row.status === 'pending') {
    await q.query("update project_supports set status = 'confirmed', confirmed_at = $2 where id = $1", [row.id, now]);
    await recountSupporters(q, node, row.project_id);
  }
  const project = (await findProjectDetail(q, row.project_id, node.baseUrl, 'authorized'))!;
  const { needs: _needs, pendingChanges: _pending, ...summary } = project;
  return { status: 'confirmed', project: summary };
}

/** Law 25, at the person's request: their supports are deleted; a confirmed one stops counting (an opened crowdfunding stays open). */
export async function forgetSupports(q: Queryable, node: NodeServices, email: string): Promise<number> {
  const gone = await q.query<{ project_id: string; status: string }>('delete from project_supports where email = lower($1) returning project_id, status', [email]);
  for (const projectId of new Set(gone.filter((s) => s.status === 'confirmed').map((s) => s.project_id))) await recountSupporters(q, node, projectId);
  return gone.length;
}
