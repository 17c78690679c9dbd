// Law 25: what the node keeps about one email address, shown, exported and erased at the
// person's request. A person proves the address by a link the node mailed to it: a pledge's
// confirmation or withdrawal link, a registration's cancel link, a vote's or idea's confirmation
// link, a project support's confirmation link, or a "my data" link.
import { RETENTION, type Lang, type LocalizedText, type NeedCategory, type PledgeStatus } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { iso } from '../db/queries/sql.ts';
import type { NodeServices } from '../handlers/types.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import type { Mailer } from './mailer.ts';
import { eventRow, toEvent } from '../db/queries/events.ts';
import { notifyOrganization } from './notifications.ts';
import { blockedEmailHash } from './pledge-holds.ts';
import { forgetPledges } from './pledging.ts';
import { forgetSupports } from './supports.ts';
import { countRequest, SIGN_IN_LIMITS } from './sign-in.ts';
import { localDate } from './time-zone.ts';

export interface MyData {
  email: string;
  pledges: {
    id: string;
    organization: string;
    project: LocalizedText;
    need: LocalizedText;
    category: NeedCategory;
    unit: 'hours' | 'people' | null;
    unitLabel: LocalizedText | null;
    quantity: number;
    status: PledgeStatus;
    name: string | null;
    email: string | null;
    message: string | null;
    consent: { version: string; shareWithOrganizers: boolean; updates: boolean; at: string };
    lang: Lang;
    createdAt: string;
  }[];
  registrations: {
    id: string;
    organization: string;
    event: LocalizedText;
    startsAt: string;
    seats: number;
    name: string;
    email: string;
    consent: { version: string; updates: boolean; at: string };
    lang: Lang;
    createdAt: string;
  }[];
  /** "J'appuie ce projet": one per project. */
  supports: { id: string; projectId: string; project: LocalizedText; organization: string; status: 'pending' | 'confirmed'; email: string; consent: { version: string; at: string }; lang: Lang; createdAt: string; confirmedAt: string | null }[];
  votes: { id: string; ideaId: string; idea: string; status: 'pending' | 'confirmed'; email: string; consent: { version: string; at: string }; createdAt: string; confirmedAt: string | null }[];
  ideas: { id: string; title: string; description: string; status: string; name: string | null; email: string | null; consent: { version: string; at: string }; createdAt: string }[];
  /** Organizations that declined this address's pledges and refuse further ones: their decision, kept as a hash after erasure (see docs/node.md). */
  blocks: { organization: string; since: string }[];
  /** The person's staff account (the workspace), if they have one: their organizations and roles, the communities they review, open sessions. */
  staff: {
    name: string | null;
    email: string;
    lang: Lang;
    since: string;
    organizations: { organization: string; role: 'admin' | 'editor'; since: string }[];
    curates: string[];
    openSessions: number;
  } | null;
  /** Emails the node sent to the address and still remembers (their bodies go once sent). */
  mail: { subject: string; createdAt: string; sentAt: string | null }[];
}

const at = (d: Date | null) => (d ? iso(d) : null);

/** Everything tied to the address on this node (case-insensitive), oldest first. */
export async function findMyData(q: Queryable, email: string): Promise<MyData> {
  const pledges = await q.query<{
    id: string;
    organization: string;
    project: LocalizedText;
    need: LocalizedText;
    category: NeedCategory;
    unit: 'hours' | 'people' | null;
    unit_label: LocalizedText | null;
    quantity: number;
    status: PledgeStatus;
    contact_name: string | null;
    contact_email: string | null;
    message: string | null;
    consent_version: string;
    consent_share: boolean;
    consent_updates: boolean;
    consent_at: Date;
    lang: Lang;
    created_at: Date;
  }>(
    `select pl.id, o.name as organization, pr.title as project, n.title as need, n.category, n.unit, n.unit_label, pl.quantity, pl.status, pl.contact_name,
            pl.contact_email, pl.message, pl.consent_version, pl.consent_share, pl.consent_updates, pl.consent_at, pl.lang, pl.created_at
       from pledges pl join needs n on n.id = pl.need_id join projects pr on pr.id = pl.project_id join organizations o on o.id = pr.organization_id
      where lower(pl.contact_email) = lower($1) order by pl.created_at, pl.id`,
    [email],
  );
  const registrations = await q.query<{
    id: string;
    organization: string;
    event: LocalizedText;
    starts_at: Date;
    seats: number;
    name: string;
    email: string;
    consent_version: string;
    consent_updates: boolean;
    consent_at: Date;
    lang: Lang;
    created_at: Date;
  }>(
    `select r.id, o.name as organization, e.title as event, e.starts_at, r.seats, r.name, r.email, r.consent_version, r.consent_updates,
            r.consent_at, r.lang, r.created_at
       from registrations r join events e on e.id = r.event_id join organizations o on o.id = e.organization_id
      where lower(r.email) = lower($1) order by r.created_at, r.id`,
    [email],
  );
  const votes = await q.query<{ id: string; idea_id: string; idea: string; status: 'pending' | 'confirmed'; email: string; consent_version: string; consent_at: Date; created_at: Date; confirmed_at: Date | null }>(
    `select v.id, v.idea_id, i.title as idea, v.status, v.email, v.consent_version, v.consent_at, v.created_at, v.confirmed_at
       from votes v join ideas i on i.id = v.idea_id where v.email = lower($1) order by v.created_at, v.id`,
    [email],
  );
  const supports = await q.query<{ id: string; project_id: string; project: LocalizedText; organization: string; status: 'pending' | 'confirmed'; email: string; consent_version: string; consent_at: Date; lang: Lang; created_at: Date; confirmed_at: Date | null }>(
    `select s.id, s.project_id, p.title as project, o.name as organization, s.status, s.email, s.consent_version, s.consent_at, s.lang, s.created_at, s.confirmed_at
       from project_supports s join projects p on p.id = s.project_id join organizations o on o.id = p.organization_id
      where s.email = lower($1) order by s.created_at, s.id`,
    [email],
  );
  const ideas = await q.query<{ id: string; title: string; description: string; status: string; author_name: string | null; author_email: string | null; consent_version: string; consent_at: Date; created_at: Date }>(
    `select id, title, description, status, author_name, author_email, consent_version, consent_at, created_at
       from ideas where lower(author_email) = lower($1) order by created_at, id`,
    [email],
  );
  const blocks = await q.query<{ organization: string; created_at: Date }>(
    `select o.name as organization, b.created_at from pledge_blocks b join organizations o on o.id = b.organization_id
      where b.email in (lower($1), ${blockedEmailHash('$1')}) order by b.created_at`,
    [email],
  );
  const staff = await staffAccount(q, email);
  const mail = await q.query<{ subject: string; created_at: Date; sent_at: Date | null }>(
    'select subject, created_at, sent_at from mail_outbox where lower(recipient) = lower($1) order by created_at, id',
    [email],
  );
  return {
    email: email.toLowerCase(),
    pledges: pledges.map((p) => ({
      id: p.id,
      organization: p.organization,
      project: p.project,
      need: p.need,
      category: p.category,
      unit: p.unit,
      unitLabel: p.unit_label,
      quantity: p.quantity,
      status: p.status,
      name: p.contact_name,
      email: p.contact_email,
      message: p.message,
      consent: { version: p.consent_version, shareWithOrganizers: p.consent_share, updates: p.consent_updates, at: iso(p.consent_at) },
      lang: p.lang,
      createdAt: iso(p.created_at),
    })),
    registrations: registrations.map((r) => ({
      id: r.id,
      organization: r.organization,
      event: r.event,
      startsAt: iso(r.starts_at),
      seats: r.seats,
      name: r.name,
      email: r.email,
      consent: { version: r.consent_version, updates: r.consent_updates, at: iso(r.consent_at) },
      lang: r.lang,
      createdAt: iso(r.created_at),
    })),
    supports: supports.map((s) => ({
      id: s.id,
      projectId: s.project_id,
      project: s.project,
      organization: s.organization,
      status: s.status,
      email: s.email,
      consent: { version: s.consent_version, at: iso(s.consent_at) },
      lang: s.lang,
      createdAt: iso(s.created_at),
      confirmedAt: at(s.confirmed_at),
    })),
    votes: votes.map((v) => ({
      id: v.id,
      ideaId: v.idea_id,
      idea: v.idea,
      status: v.status,
      email: v.email,
      consent: { version: v.consent_version, at: iso(v.consent_at) },
      createdAt: iso(v.created_at),
      confirmedAt: at(v.confirmed_at),
    })),
    ideas: ideas.map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      status: i.status,
      name: i.author_name,
      email: i.author_email,
      consent: { version: i.consent_version, at: iso(i.consent_at) },
      createdAt: iso(i.created_at),
    })),
    blocks: blocks.map((b) => ({ organization: b.organization, since: iso(b.created_at) })),
    staff,
    mail: mail.map((m) => ({ subject: m.subject, createdAt: iso(m.created_at), sentAt: at(m.sent_at) })),
  };
}

/** The staff account of the address (the workspace's `people`), with its memberships, curators' communities and open sessions. */
async function staffAccount(q: Queryable, email: string, now = new Date()): Promise<MyData['staff']> {
  const [person] = await q.query<{ id: string; name: string | null; email: string; lang: Lang; created_at: Date }>('select id, name, email, lang, created_at from people where email_key = lower($1)', [email]);
  if (!person) return null;
  const organizations = await q.query<{ organization: string; role: 'admin' | 'editor'; created_at: Date }>(
    'select o.name as organization, m.role, m.created_at from memberships m join organizations o on o.id = m.organization_id where m.person_id = $1 order by o.name',
    [person.id],
  );
  const curates = await q.query<{ name: LocalizedText }>('select c.name from community_curators cc join communities c on c.id = cc.community_id where cc.person_id = $1 order by c.slug', [person.id]);
  const [sessions] = await q.query<{ n: number }>('select count(*) as n from sessions where person_id = $1 and revoked_at is null and expires_at > $2', [person.id, now]);
  return {
    name: person.name,
    email: person.email,
    lang: person.lang,
    since: iso(person.created_at),
    organizations: organizations.map((o) => ({ organization: o.organization, role: o.role, since: iso(o.created_at) })),
    curates: curates.map((c) => c.name.fr),
    openSessions: Number(sessions?.n ?? 0),
  };
}

export const isEmpty = (d: MyData) => !d.pledges.length && !d.registrations.length && !d.supports.length && !d.votes.length && !d.ideas.length && !d.blocks.length && !d.mail.length && !d.staff;

/**
 * The address a link opens, or null: an unknown or expired token, or one whose data is already
 * erased. Only tokens the node mailed to that address: whoever holds one reads that mailbox.
 */
export async function emailOfToken(q: Queryable, token: string, now: Date): Promise<string | null> {
  const hash = sha256(token);
  const [row] = await q.query<{ email: string | null }>(
    `select email from (
       select contact_email as email from pledges where withdraw_token_hash = $1 or confirm_token_hash = $1
       union all
       select email from registrations where cancel_token_hash = $1
       union all
       select s.email from project_support_tokens t join project_supports s on s.id = t.support_id where t.token_hash = $1 and t.expires_at > $2
       union all
       select coalesce(v.email, i.author_email) from confirmations c join ideas i on i.id = c.idea_id left join votes v on v.id = c.vote_id
        where c.token_hash = $1 and c.expires_at > $2
       union all
       select email from data_requests where token_hash = $1 and expires_at > $2
     ) t where email is not null limit 1`,
    [hash, now],
  );
  return row?.email ?? null;
}

const REQUEST_TEXT = {
  fr: {
    subject: 'Vos données sur Perron',
    body: (url: string, host: string) =>
      `Bonjour,\n\nVous avez demandé à voir les données que ${host} garde à propos de cette adresse courriel. Ce lien, valable 24 heures, les montre, permet de les télécharger ou de les effacer :\n\n${url}\n\nSi vous n’avez rien demandé, ignorez ce courriel : personne ne voit vos données sans ce lien.`,
  },
  en: {
    subject: 'Your data on Perron',
    body: (url: string, host: string) =>
      `Hello,\n\nYou asked to see the data ${host} keeps about this email address. This link, valid for 24 hours, shows it and lets you download or erase it:\n\n${url}\n\nIf you did not ask for it, ignore this email: nobody sees your data without this link.`,
  },
} as const;

/** Whether the address has anything on this node a link could show. */
async function isKnown(q: Queryable, email: string): Promise<boolean> {
  const [row] = await q.query<{ known: boolean }>(
    `select exists (select 1 from pledges where lower(contact_email) = lower($1))
         or exists (select 1 from registrations where lower(email) = lower($1))
         or exists (select 1 from votes where email = lower($1))
         or exists (select 1 from ideas where lower(author_email) = lower($1))
         or exists (select 1 from project_supports where email = lower($1))
         or exists (select 1 from people where email_key = lower($1)) as known`,
    [email],
  );
  return row!.known;
}

/**
 * A "my data" request: a link mailed to the address when the node keeps anything about it. The
 * answer is the same for an unknown address and for one past its limit (nobody learns whether an
 * address pledged or voted here); only too many requests from one network address is said.
 * Limited as sign-in links are: 5 links per address and 30 requests per network address an hour.
 */
export async function requestMyData(q: Queryable, mailer: Mailer, r: { email: string; ip: string; lang: Lang; baseUrl: string; now: Date }): Promise<'sent' | 'ip_limited'> {
  if ((await countRequest(q, `data-ip:${sha256(r.ip)}`, r.now)) > SIGN_IN_LIMITS.perIp) return 'ip_limited';
  if (!(await isKnown(q, r.email))) return 'sent';
  if ((await countRequest(q, `data-email:${sha256(r.email.toLowerCase())}`, r.now)) > SIGN_IN_LIMITS.perAddress) return 'sent';
  const token = newToken();
  await q.query('insert into data_requests (token_hash, email, lang, created_at, expires_at) values ($1, lower($2), $3, $4, $5)', [
    sha256(token),
    r.email,
    r.lang,
    r.now,
    new Date(r.now.getTime() + RETENTION.dataRequestHours * 3_600_000),
  ]);
  const url = `${r.baseUrl}/my-data/${token}?lang=${r.lang}`;
  const host = new URL(r.baseUrl).host;
  const [first, second] = r.lang === 'fr' ? [REQUEST_TEXT.fr, REQUEST_TEXT.en] : [REQUEST_TEXT.en, REQUEST_TEXT.fr];
  // Only the node's own words and the link: the address is not confirmed until the link is followed.
  await mailer.send({ to: r.email, subject: `${first.subject} / ${second.subject}`, text: `${first.body(url, host)}\n\n---\n\n${second.body(url, host)}\n` }, q);
  return 'sent';
}

export interface Erasure {
  pledges: number;
  registrations: number;
  supports: number;
  votes: number;
  ideas: number;
  mail: number;
  /** Whether a staff account (with its memberships and sessions) was removed. */
  staff: boolean;
}

/** Erasing would leave an organization with no admin, or a community with no curator: nothing is erased, and the page says what to do. */
export class LastStaffError extends Error {
  constructor(
    readonly organizations: string[],
    readonly communities: LocalizedText[] = [],
  ) {
    super(`The only admin of ${organizations.join(', ') || 'no organization'}, the only curator of ${communities.map((k) => k.fr).join(', ') || 'no community'}`);
  }
}

/**
 * Erases everything tied to the address, in one transaction. What others rely on stays, without
 * the person: a fulfilled pledge's quantity, the seats of an event already held, the support of
 * an idea whose vote is over, a published idea (its text, without its author). A registration
 * for an event to come frees its seats; a vote on an idea still open to votes stops counting.
 */
export async function eraseMyData(q: Queryable, node: NodeServices, email: string): Promise<Erasure> {
  const now = node.now();
  // Checked first, so that a refusal erases nothing: an organization must keep someone to run it.
  const alone = await q.query<{ name: string }>(
    `select o.name from people p join memberships m on m.person_id = p.id join organizations o on o.id = m.organization_id
      where p.email_key = lower($1) and m.role = 'admin'
        and not exists (select 1 from memberships m2 where m2.organization_id = m.organization_id and m2.role = 'admin' and m2.person_id <> p.id)
      order by o.name for update of m`,
    [email],
  );
  // A community keeps someone to review what its organizations submit.
  const lastCurator = await q.query<{ name: LocalizedText }>(
    `select c.name from people p join community_curators cc on cc.person_id = p.id join communities c on c.id = cc.community_id
      where p.email_key = lower($1)
        and not exists (select 1 from community_curators cc2 where cc2.community_id = cc.community_id and cc2.person_id <> p.id)
      order by c.slug for update of cc`,
    [email],
  );
  if (alone.length || lastCurator.length) throw new LastStaffError(alone.map((o) => o.name), lastCurator.map((k) => k.name));
  const pledges = await forgetPledges(q, node, email);

  const registrations = await q.query<{ id: string; event_id: string; seats: number; name: string; upcoming: boolean }>(
    `select r.id, r.event_id, r.seats, r.name, e.starts_at > $2 and e.status = 'scheduled' as upcoming
       from registrations r join events e on e.id = r.event_id where lower(r.email) = lower($1) order by r.event_id for update of e`,
    [email, now],
  );
  for (const r of registrations) {
    await q.query('delete from registrations where id = $1', [r.id]);
    if (!r.upcoming) continue;
    await q.query('update events set registered_count = registered_count - $2 where id = $1', [r.event_id, r.seats]);
    await q.query('insert into registration_cancellations (id, event_id, seats, cancelled_at) values ($1, $2, $3, $4)', [newId('rgc'), r.event_id, r.seats, now]);
    // The organization hears that the seats are free (now, or in its digest), without the name it no longer keeps.
    const event = toEvent((await eventRow(q, r.event_id))!, node.baseUrl);
    await notifyOrganization(q, node, { kind: 'cancellation', organizationId: event.organization.id, event, seats: r.seats, name: '' }, { registrationId: r.id, eventId: r.event_id, seats: r.seats });
  }

  const supports = await forgetSupports(q, node, email);

  const today = localDate(now);
  const votes = await q.query<{ id: string; idea_id: string; counted: boolean }>(
    `select v.id, v.idea_id,
            v.status = 'confirmed' and i.status = 'published'
              and (i.contest_id is null or exists (select 1 from contest_phases ph where ph.contest_id = i.contest_id and ph.phase = 'vote' and ph.ends_on >= $2::date)) as counted
       from votes v join ideas i on i.id = v.idea_id where v.email = lower($1) order by v.idea_id for update of i`,
    [email, today],
  );
  for (const v of votes) {
    await q.query('delete from confirmations where vote_id = $1', [v.id]);
    await q.query('delete from votes where id = $1', [v.id]);
    if (v.counted) await q.query('update ideas set support_count = support_count - 1 where id = $1', [v.idea_id]);
  }

  const ideas = await q.query<{ id: string; status: string; author_name: string | null }>('select id, status, author_name from ideas where lower(author_email) = lower($1) for update', [email]);
  for (const i of ideas) {
    // Never public (unconfirmed, awaiting its curator, or declined): nothing of it is kept.
    if (i.status === 'pending' || i.status === 'in_review' || i.status === 'declined') {
      await q.query('delete from confirmations where idea_id = $1', [i.id]);
      await q.query('delete from ideas where id = $1', [i.id]);
    } else {
      await q.query('update ideas set author_name = null, author_email = null where id = $1', [i.id]);
    }
  }

  // The staff account: its memberships, curators' roles, sign-in links and sessions go with it
  // (cascade); the activity log keeps what was done, no longer by whom.
  const [person] = await q.query<{ id: string; name: string | null }>('delete from people where email_key = lower($1) returning id, name', [email]);
  if (person) await q.query('delete from sign_in_requests where scope = $1', [`email:${sha256(person.id)}`]);
  // An organization's block is its decision (legitimate interest): it stays, but as a salted hash, without the address.
  await q.query(
    `insert into pledge_blocks (organization_id, email, created_at)
       select organization_id, ${blockedEmailHash('$1')}, created_at from pledge_blocks where email = lower($1) on conflict do nothing`,
    [email],
  );
  await q.query('delete from pledge_blocks where email = lower($1)', [email]);
  await q.query('delete from data_requests where email = lower($1)', [email]);
  await q.query('delete from mail_recipient_minutes where recipient_hash = $1', [sha256(email.trim().toLowerCase())]);
  await q.query('delete from sign_in_requests where scope = $1', [`data-email:${sha256(email.toLowerCase())}`]);
  const names = [...pledges.names, ...registrations.map((r) => r.name), ...ideas.flatMap((i) => (i.author_name ? [i.author_name] : [])), ...(person?.name ? [person.name] : [])];
  const mail = await forgetMail(q, email, names);
  return { pledges: pledges.erased, registrations: registrations.length, supports, votes: votes.length, ideas: ideas.length, mail, staff: Boolean(person) };
}

/**
 * The emails to the address go, with their delivery jobs; any other email that names the person
 * (an organization's notice of their pledge, kept unsent without a mail server) loses its body,
 * a failed job's error that quotes the address loses its text, and a recorded answer that shows
 * their contact is forgotten.
 */
async function forgetMail(q: Queryable, email: string, names: string[]): Promise<number> {
  const gone = await q.query<{ id: string }>('delete from mail_outbox where lower(recipient) = lower($1) returning id', [email]);
  if (gone.length) await q.query(`delete from jobs where kind = 'mail.deliver' and payload->>'id' = any($1::text[])`, [gone.map((m) => m.id)]);
  // Names shorter than 3 letters would match too much; those emails are the organization's and lose only their text.
  for (const needle of [email, ...new Set(names.filter((n) => n.trim().length >= 3))]) {
    await q.query(
      `update mail_outbox set body_text = null, body_html = null
        where strpos(lower(body_text), lower($1)) > 0 or strpos(lower(body_html), lower($1)) > 0`,
      [needle.trim()],
    );
    await q.query(`update jobs set last_error = '(erased)' where strpos(lower(last_error), lower($1)) > 0`, [needle.trim()]);
    // A write's recorded answer (an organization's view of the pledge, with its contact) is not replayed after erasure.
    await q.query('delete from idempotency_keys where strpos(lower(response::text), lower($1)) > 0', [needle.trim()]);
  }
  return gone.length;
}
