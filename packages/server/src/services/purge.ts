import { RETENTION } from '@perron/contract';
import type { Database, Queryable } from '../db/database.ts';
import { expireHolds } from './pledge-holds.ts';
import { SIGN_IN_LIMITS } from './sign-in.ts';

/** Holds that ran out are marked expired (and their contact erased) every hour. */
export const HOLDS_EVERY_MS = 60 * 60_000;
/** The whole retention policy runs once a day. */
export const PURGE_EVERY_MS = 24 * 3_600_000;

const DAY = 86_400_000;
const before = (now: Date, ms: number) => new Date(now.getTime() - ms);

/** When a project ended: completed or cancelled (its last change), or the day after its end date, whichever came first. */
const PROJECT_END = `least(case when p.status in ('completed', 'cancelled', 'rejected') then p.updated_at end, (p.ends_on + 1)::timestamptz)`;
/** When a contest's votes ended: the end of its last phase. */
const CONTEST_END = `(select (max(ph.ends_on) + 1)::timestamptz from contest_phases ph where ph.contest_id = i.contest_id)`;

/**
 * The retention policy (docs/node.md, "Personal data"; the notices say the same), one step per
 * kind of data, each a statement of its own: `now` is the only clock, so a test runs it at any date.
 */
const STEPS = {
  expiredHolds: expireHolds,
  // The salted hash of a pledge's network address serves the 24-hour caps only.
  clientHashes: (q, now) => count(q, 'update pledges set client_hash = null where client_hash is not null and created_at < $1', [before(now, DAY)]),
  pledgeContacts: (q, now) =>
    count(
      q,
      `update pledges pl set contact_name = null, contact_email = null, message = null, client_hash = null, decline_reason = null,
              confirm_token_hash = null, updated_at = $1
         from projects p
        where p.id = pl.project_id and (pl.contact_email is not null or pl.contact_name is not null or pl.message is not null)
          and ${PROJECT_END} < $2`,
      [now, before(now, RETENTION.pledgeContactDaysAfterProject * DAY)],
    ),
  // The event keeps its count of seats taken.
  registrations: (q, now) =>
    count(q, 'delete from registrations r using events e where e.id = r.event_id and e.ends_at < $1', [before(now, RETENTION.registrationDaysAfterEvent * DAY)]),
  // Links expire: their rows go, then what was waiting on them and never confirmed.
  confirmations: (q, now) => count(q, 'delete from confirmations where expires_at <= $1', [now]),
  unconfirmedVotes: (q) => count(q, `delete from votes v where v.status = 'pending' and not exists (select 1 from confirmations c where c.vote_id = v.id)`),
  unconfirmedIdeas: (q) => count(q, `delete from ideas i where i.status = 'pending' and not exists (select 1 from confirmations c where c.idea_id = i.id)`),
  // A contest's counted votes keep their number (support_count) without the voters' emails.
  contestVotes: (q, now) =>
    count(
      q,
      `delete from votes v using ideas i where i.id = v.idea_id and i.contest_id is not null and ${CONTEST_END} < $1
          and not exists (select 1 from confirmations c where c.vote_id = v.id)`,
      [before(now, RETENTION.voteDaysAfterContest * DAY)],
    ),
  contestIdeaAuthors: (q, now) =>
    count(
      q,
      `update ideas i set author_name = null, author_email = null
        where (i.author_email is not null or i.author_name is not null) and i.contest_id is not null and ${CONTEST_END} < $1`,
      [before(now, RETENTION.voteDaysAfterContest * DAY)],
    ),
  // A project's support: unconfirmed, it goes with its link; confirmed, its email goes 180 days after the
  // project ends and the row stays, keyed by its own id, so the project keeps its count.
  supportLinks: (q, now) => count(q, 'delete from project_support_tokens where expires_at <= $1', [now]),
  unconfirmedSupports: (q) =>
    count(q, `delete from project_supports s where s.status = 'pending' and not exists (select 1 from project_support_tokens t where t.support_id = s.id)`),
  supportEmails: (q, now) =>
    count(
      q,
      `update project_supports s set email = s.id from projects p
        where p.id = s.project_id and s.email <> s.id and ${PROJECT_END} < $1`,
      [before(now, RETENTION.supportDaysAfterProject * DAY)],
    ),
  unsentMailBodies: (q, now) =>
    count(q, 'update mail_outbox set body_text = null, body_html = null where body_text is not null and created_at < $1', [before(now, RETENTION.unsentMailBodyDays * DAY)]),
  mail: (q, now) => count(q, 'delete from mail_outbox where created_at < $1', [before(now, RETENTION.mailDays * DAY)]),
  signInTokens: (q, now) => count(q, 'delete from sign_in_tokens where expires_at <= $1', [now]),
  sessions: (q, now) => count(q, 'delete from sessions where expires_at <= $1 or revoked_at is not null', [now]),
  dataRequests: (q, now) => count(q, 'delete from data_requests where expires_at <= $1', [now]),
  linkRequests: (q, now) => count(q, 'delete from sign_in_requests where created_at < $1', [before(now, SIGN_IN_LIMITS.windowMs)]),
  // A retry comes within minutes; a day is plenty to replay a lost answer.
  idempotencyKeys: (q, now) => count(q, 'delete from idempotency_keys where created_at < $1', [before(now, DAY)]),
} satisfies Record<string, (q: Queryable, now: Date) => Promise<number>>;

async function count(q: Queryable, sql: string, params: unknown[] = []): Promise<number> {
  return (await q.query(`${sql} returning 1`, params)).length;
}

export type PurgeReport = Record<keyof typeof STEPS, number>;

/**
 * Everything the node erases on a schedule. Idempotent; each step its own transaction, so one
 * failing leaves the others done (and the next day's run tries it again).
 */
export async function purge(db: Database, now: Date): Promise<PurgeReport> {
  const report = {} as PurgeReport;
  for (const step of Object.keys(STEPS) as (keyof PurgeReport)[]) report[step] = await db.tx((q) => STEPS[step](q, now));
  return report;
}
