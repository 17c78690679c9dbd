import type { Lang } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import { logActivity } from './activity.ts';
import type { Mailer } from './mailer.ts';
import { findPersonByEmail } from './people.ts';

/** How long an emailed link works, and a session lasts. */
export const SIGN_IN_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 30 * 86_400_000;
/** Links sent per address, and sign-in requests taken per IP, in an hour. */
export const SIGN_IN_LIMITS = { perAddress: 5, perIp: 30, windowMs: 3_600_000 } as const;

/** Counts a request in its scope (hashed: no address or IP is kept) and says how many the window holds. */
export async function countRequest(q: Queryable, scope: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  await q.query('delete from sign_in_requests where scope = $1 and created_at < $2', [scope, since]);
  await q.query('insert into sign_in_requests (scope, created_at) values ($1, $2)', [scope, now]);
  const [row] = await q.query<{ n: number }>('select count(*) as n from sign_in_requests where scope = $1', [scope]);
  return Number(row!.n);
}

const TEXT = {
  fr: {
    subject: 'Votre lien de connexion à Perron',
    body: (url: string, node: string) =>
      `Bonjour,\n\nPour vous connecter à l’espace des organismes de ${node}, ouvrez ce lien dans les 15 minutes, puis appuyez sur « Me connecter » :\n\n${url}\n\nLe lien ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce courriel : personne ne peut se connecter sans lui.`,
  },
  en: {
    subject: 'Your Perron sign-in link',
    body: (url: string, node: string) =>
      `Hello,\n\nTo sign in to the organization workspace of ${node}, open this link within 15 minutes, then press "Sign me in":\n\n${url}\n\nThe link works once. If you did not ask for it, ignore this email: nobody can sign in without it.`,
  },
} as const;

export interface SignInRequest {
  email: string;
  ip: string;
  lang: Lang;
  baseUrl: string;
  now: Date;
}

/**
 * Mails a sign-in link to a known address. The answer is the same for an unknown address, and
 * for one past its limit (no account discovery); only too many requests from one IP is said.
 */
export async function requestSignIn(q: Queryable, mailer: Mailer, r: SignInRequest): Promise<'sent' | 'ip_limited'> {
  if ((await countRequest(q, `ip:${sha256(r.ip)}`, r.now)) > SIGN_IN_LIMITS.perIp) return 'ip_limited';
  const person = await findPersonByEmail(q, r.email);
  if (!person) return 'sent';
  if ((await countRequest(q, `email:${sha256(person.id)}`, r.now)) > SIGN_IN_LIMITS.perAddress) return 'sent';
  const token = newToken();
  await q.query('insert into sign_in_tokens (hash, person_id, created_at, expires_at) values ($1, $2, $3, $4)', [
    sha256(token),
    person.id,
    r.now,
    new Date(r.now.getTime() + SIGN_IN_TTL_MS),
  ]);
  const url = `${r.baseUrl}/workspace/sign-in/link?token=${token}&lang=${r.lang}`;
  const first = TEXT[r.lang];
  const second = TEXT[r.lang === 'fr' ? 'en' : 'fr'];
  const host = new URL(r.baseUrl).host;
  await mailer.send({ to: person.email, subject: `${first.subject} / ${second.subject}`, text: `${first.body(url, host)}\n\n---\n\n${second.body(url, host)}\n` }, q);
  return 'sent';
}

/**
 * Spends a link (once, before it expires) and opens a session: its secret, for the cookie, or
 * null when the token is unknown, used or expired.
 */
export async function completeSignIn(q: Queryable, token: string, now: Date): Promise<{ secret: string; personId: string } | null> {
  const [spent] = await q.query<{ person_id: string }>(
    'update sign_in_tokens set used_at = $2 where hash = $1 and used_at is null and expires_at > $2 returning person_id',
    [sha256(token), now],
  );
  if (!spent) return null;
  const secret = newToken();
  await q.query('insert into sessions (id, hash, person_id, created_at, expires_at) values ($1, $2, $3, $4, $5)', [
    newId('ses'),
    sha256(secret),
    spent.person_id,
    now,
    new Date(now.getTime() + SESSION_TTL_MS),
  ]);
  const orgs = await q.query<{ organization_id: string }>('select organization_id from memberships where person_id = $1', [spent.person_id]);
  for (const o of orgs) await logActivity(q, { organizationId: o.organization_id, personId: spent.person_id, action: 'signed_in', now });
  return { secret, personId: spent.person_id };
}

export interface SessionRow {
  sessionId: string;
  personId: string;
  email: string;
  name: string | null;
  lang: Lang;
}

/** The live session a cookie names, or null. */
export async function findSession(q: Queryable, secret: string, now: Date): Promise<SessionRow | null> {
  const [row] = await q.query<SessionRow>(
    `select s.id as "sessionId", p.id as "personId", p.email, p.name, p.lang
       from sessions s join people p on p.id = s.person_id
      where s.hash = $1 and s.revoked_at is null and s.expires_at > $2`,
    [sha256(secret), now],
  );
  return row ?? null;
}

export async function endSession(q: Queryable, sessionId: string, now: Date): Promise<void> {
  await q.query('update sessions set revoked_at = $2 where id = $1 and revoked_at is null', [sessionId, now]);
}

/** "Sign out everywhere": every session of the person ends at once. */
export async function endAllSessions(q: Queryable, personId: string, now: Date): Promise<number> {
  const rows = await q.query('update sessions set revoked_at = $2 where person_id = $1 and revoked_at is null returning id', [personId, now]);
  return rows.length;
}
