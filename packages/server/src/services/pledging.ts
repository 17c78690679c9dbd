import {
  COUNTED_PLEDGE_STATUSES,
  isBounded,
  MAX_PLEDGE,
  PUBLIC_PROJECT_STATUSES,
  type Lang,
  type LocalizedText,
  type OrganizationPledge,
  type Pledge,
  type PledgeCreate,
  type PledgeStatus,
  type ProjectStatus,
} from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { NEED_COLUMNS, needStatus, type NeedRow } from '../db/queries/needs.ts';
import { PLEDGE_OWN_COLUMNS, PLEDGE_SELECT, toOrganizationPledge, toPledge, type PledgeRow } from '../db/queries/pledges.ts';
import type { NodeServices } from '../handlers/types.ts';
import type { ApiKey } from '../http/auth.ts';
import { ProblemError } from '../http/problem.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import { iso } from '../db/queries/sql.ts';
import { badField, checkConsentVersion } from './bad-input.ts';
import { notifyOrganization, signalOrganization } from './notifications.ts';
import { checkPublicPledger, confirmPledgeUrl, heldOn, holdUntil } from './pledge-holds.ts';
import type { Collection } from './payments.ts';
import { confirmPledgeMail, declineMail, describeQuantity, receiptMail } from './pledge-receipt.ts';
import { checkMoneyOpen, recountSupporters } from './supports.ts';

/** The largest single pledge, in the need's unit. */
function maxPledge(need: Pick<NeedRow, 'category' | 'unit'>): number {
  if (need.category === 'financial') return MAX_PLEDGE.cents;
  if (need.category === 'material') return MAX_PLEDGE.material;
  return need.unit === 'people' ? MAX_PLEDGE.people : MAX_PLEDGE.hours;
}

/** Where the receipt's link leads: a page that asks before it withdraws (a GET changes nothing). */
export const withdrawUrl = (baseUrl: string, token: string) => `${baseUrl}/withdraw/${token}`;

async function readPledge(q: Queryable, id: string): Promise<PledgeRow> {
  const [row] = await q.query<PledgeRow>(`${PLEDGE_SELECT} where pl.id = $1`, [id], { prepared: true });
  return row!;
}

/** Adds a quantity to what a need counts (its row is locked by the caller). */
async function count(q: Queryable, node: NodeServices, need: Pick<NeedRow, 'id' | 'category' | 'status' | 'wanted' | 'project_id'>, quantity: number): Promise<void> {
  const [row] = await q.query<{ pledged: number }>('update needs set pledged = pledged + $2, pledge_count = pledge_count + 1 where id = $1 returning pledged', [need.id, quantity]);
  await q.query('update needs set status = $2 where id = $1', [need.id, needStatus(need.category, need.status, row!.pledged, need.wanted)]);
  await recountSupporters(q, node, need.project_id);
}

type NeedForPledge = NeedRow & {
  project_status: ProjectStatus;
  project_hidden: boolean;
  project_title: LocalizedText;
  organization_id: string;
  organization_name: string;
  crowdfunding_threshold: number | null;
  crowdfunding_unlocked_at: Date | null;
  supporter_count: number;
};

async function lockNeed(q: Queryable, needId: string): Promise<NeedForPledge | undefined> {
  const [need] = await q.query<NeedForPledge>(
    `select ${NEED_COLUMNS}, p.status as project_status, p.hidden_at is not null as project_hidden, p.title as project_title, o.id as organization_id, o.name as organization_name,
            p.crowdfunding_threshold, p.crowdfunding_unlocked_at, p.supporter_count
       from needs n join projects p on p.id = n.project_id join organizations o on o.id = p.organization_id
      where n.id = $1 for update of n`,
    [needId],
    { prepared: true },
  );
  return need;
}

/** Who makes a pledge: the API key, when one came, and the network address (for the public caps). */
export interface Pledger {
  key: ApiKey | null;
  client: string;
}

/**
 * A pledge against a need, in one transaction: the need's row is locked first, so concurrent
 * pledges on a bounded need are counted one after the other and never exceed what is wanted.
 * A public pledge is `held`: it reserves its places for PLEDGE_HOLD_MINUTES and counts once its
 * email is confirmed (confirmPledge). The project's organization, with its key, records it directly.
 */
export async function createPledge(q: Queryable, node: NodeServices, needId: string, body: PledgeCreate, who: Pledger): Promise<Pledge> {
  checkConsentVersion(body.consent.version);
  const need = await lockNeed(q, needId);
  if (!need || need.in_review || need.project_hidden || !(PUBLIC_PROJECT_STATUSES as readonly ProjectStatus[]).includes(need.project_status)) throw new ProblemError('not_found', `No need ${needId}`);
  if (need.project_status !== 'published') throw new ProblemError('invalid_state', `This project is ${need.project_status}: it takes no more pledges`);
  if (need.status === 'closed') throw new ProblemError('invalid_state', 'This need is closed: it takes no more pledges');
  checkMoneyOpen(need);
  if (body.quantity > maxPledge(need)) throw badField('body.quantity', `At most ${maxPledge(need)} in one pledge to this need`, 'too_big');
  const now = node.now();
  const byOrganization = who.key?.organizationId === need.organization_id;
  const { client, held } = byOrganization
    ? { client: null, held: await heldOn(q, need.id, now) }
    : await checkPublicPledger(q, node.pledgeCaps, { needId: need.id, organizationId: need.organization_id, email: body.contact.email, address: who.client, category: need.category, unit: need.unit, quantity: body.quantity, now });
  if (isBounded(need.category) && need.pledged + held.quantity + body.quantity > need.wanted) {
    const left = Math.max(0, need.wanted - need.pledged - held.quantity);
    const unit = describeQuantity({ category: need.category, unit: need.unit, unitLabel: need.unit_label, quantity: left, lang: 'en' });
    const waiting = held.quantity ? ` ${held.quantity} more await their email confirmation and free up unless confirmed by ${iso(held.freedAt!)}` : '';
    throw new ProblemError('over_pledged', left ? `Only ${unit} left to pledge on this need (remaining: ${left}).${waiting}` : `This need is filled (remaining: 0).${waiting}`);
  }

  const id = newId('plg');
  const withdrawToken = newToken();
  const confirmToken = byOrganization ? null : newToken();
  const collection =
    need.category === 'financial'
      ? await node.payments.collect({ pledgeId: id, amountCents: body.quantity, organizationName: need.organization_name, projectTitle: need.project_title })
      : null;
  const [row] = await q.query<Omit<PledgeRow, 'category' | 'project_title' | 'need_title' | 'unit' | 'unit_label'>>(
    `insert into pledges as pl (id, need_id, project_id, quantity, status, contact_name, contact_email, message, consent_version,
                          consent_share, consent_updates, consent_at, lang, withdraw_token_hash, collection, created_at, updated_at,
                          held_until, confirm_token_hash, email_confirmed_at, client_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $12, $12, $16, $17, null, $18)
     returning ${PLEDGE_OWN_COLUMNS}`,
    [
      id,
      need.id,
      need.project_id,
      body.quantity,
      byOrganization ? 'pending' : 'held',
      body.contact.name,
      body.contact.email,
      body.message ?? null,
      body.consent.version,
      body.consent.shareWithOrganizers,
      body.consent.updates ?? false,
      now,
      body.lang,
      sha256(withdrawToken),
      collection && JSON.stringify(collection),
      byOrganization ? null : holdUntil(now),
      confirmToken && sha256(confirmToken),
      client,
    ],
    { prepared: true },
  );
  if (byOrganization) {
    await count(q, node, need, body.quantity);
    await node.mailer.send(receiptOf(node, need, { email: body.contact.email, lang: body.lang, quantity: body.quantity, collection }, withdrawToken), q);
  } else {
    // To an address no one has confirmed yet: what the organization wrote, never what the pledger typed.
    await node.mailer.send(
      confirmPledgeMail({
        to: body.contact.email,
        lang: body.lang,
        organizationName: need.organization_name,
        projectTitle: need.project_title,
        needTitle: need.title,
        category: need.category,
        unit: need.unit,
        unitLabel: need.unit_label,
        quantity: body.quantity,
        heldUntil: holdUntil(now),
        confirmUrl: confirmPledgeUrl(node.baseUrl, confirmToken!),
      }),
      q,
    );
  }
  const pledge: PledgeRow = { ...row!, category: need.category, project_title: need.project_title, need_title: need.title, unit: need.unit, unit_label: need.unit_label };
  await signalOrganization(q, now, { organizationId: need.organization_id, event: 'pledge.created', data: pledgeData(pledge) });
  return toPledge(pledge);
}

/** A pledge as its organization's webhooks hear of it: ids, category, quantity (cents for money), status. */
const pledgeData = (p: Pick<PledgeRow, 'id' | 'need_id' | 'project_id' | 'category' | 'quantity' | 'status'>) => ({
  pledgeId: p.id,
  needId: p.need_id,
  projectId: p.project_id,
  category: p.category,
  quantity: p.quantity,
  status: p.status,
});

function receiptOf(
  node: NodeServices,
  need: NeedForPledge,
  p: { email: string; lang: Lang; quantity: number; collection: Collection | null },
  withdrawToken: string,
) {
  return receiptMail({
    to: p.email,
    lang: p.lang,
    organizationName: need.organization_name,
    projectTitle: need.project_title,
    needTitle: need.title,
    category: need.category,
    unit: need.unit,
    unitLabel: need.unit_label,
    quantity: p.quantity,
    collection: p.collection,
    withdrawUrl: withdrawUrl(node.baseUrl, withdrawToken),
    myDataUrl: `${node.baseUrl}/my-data/${withdrawToken}`,
  });
}

/**
 * The pledger follows the emailed link: a held pledge becomes `pending` and counts. The pledge's
 * row is locked, so of concurrent confirmations one counts it; the others, and later repeats,
 * answer the same pledge and count nothing. A hold that ran out can't be confirmed.
 */
export async function confirmPledge(q: Queryable, node: NodeServices, token: string): Promise<Pledge> {
  const [pledge] = await q.query<PledgeRow>(`${PLEDGE_SELECT} where pl.confirm_token_hash = $1 for update of pl`, [sha256(token)]);
  if (!pledge) throw new ProblemError('not_found', 'No pledge has this confirmation token (an unconfirmed pledge is erased once its hold ends)');
  if (pledge.status === 'held') {
    const now = node.now();
    if (pledge.held_until! <= now) {
      throw new ProblemError('invalid_state', `This pledge was held until ${iso(pledge.held_until!)} and was not confirmed in time: its places are free again; pledge again`);
    }
    const need = (await lockNeed(q, pledge.need_id))!;
    const withdrawToken = newToken();
    await q.query(
      `update pledges set status = 'pending', held_until = null, email_confirmed_at = $2, withdraw_token_hash = $3, updated_at = $2 where id = $1`,
      [pledge.id, now, sha256(withdrawToken)],
    );
    await count(q, node, need, pledge.quantity);
    // A verified pledge: the organization hears of it now that it counts.
    await notifyOrganization(q, node, {
      kind: 'pledge',
      organizationId: need.organization_id,
      projectTitle: need.project_title,
      needTitle: need.title,
      category: need.category,
      unit: need.unit,
      unitLabel: need.unit_label,
      quantity: pledge.quantity,
      name: pledge.contact_name ?? '',
    }, pledgeData({ ...pledge, status: 'pending' }));
    await node.mailer.send(
      receiptOf(node, need, { email: pledge.contact_email!, lang: pledge.lang, quantity: pledge.quantity, collection: pledge.collection }, withdrawToken),
      q,
    );
    return toPledge(await readPledge(q, pledge.id));
  }
  if (!counts(pledge.status)) throw new ProblemError('invalid_state', `This pledge is ${pledge.status}: it can no longer be confirmed`);
  return toPledge(pledge);
}

/** A pledge that stops counting gives its quantity back to its need (which reopens if it was filled). */
async function uncount(q: Queryable, node: NodeServices, pledge: PledgeRow): Promise<void> {
  const [need] = await q.query<NeedRow>(`select ${NEED_COLUMNS} from needs n where n.id = $1 for update`, [pledge.need_id]);
  const pledged = need!.pledged - pledge.quantity;
  await q.query('update needs set pledged = $2, pledge_count = pledge_count - 1, status = $3 where id = $1', [
    need!.id,
    pledged,
    needStatus(need!.category, need!.status, pledged, need!.wanted),
  ]);
  await recountSupporters(q, node, pledge.project_id);
}

const counts = (status: PledgeStatus) => (COUNTED_PLEDGE_STATUSES as readonly PledgeStatus[]).includes(status);

/** The pledger takes back a pledge with the token of their receipt; a fulfilled or declined one stays. */
export async function withdrawPledge(q: Queryable, node: NodeServices, token: string): Promise<Pledge> {
  const [pledge] = await q.query<PledgeRow>(`${PLEDGE_SELECT} where pl.withdraw_token_hash = $1 for update of pl`, [sha256(token)]);
  if (!pledge) throw new ProblemError('not_found', 'No pledge has this token');
  if (pledge.status !== 'held' && pledge.status !== 'pending' && pledge.status !== 'confirmed') {
    throw new ProblemError('invalid_state', `This pledge is ${pledge.status}: it can no longer be withdrawn`);
  }
  // The organization heard of this pledge when it counted: it hears of its withdrawal, with the name it already had.
  // Its webhooks hear of every withdrawal, a held pledge's too.
  const [project] = await q.query<{ organization_id: string }>('select organization_id from projects where id = $1', [pledge.project_id]);
  const data = pledgeData({ ...pledge, status: 'withdrawn' });
  if (!counts(pledge.status)) await signalOrganization(q, node.now(), { organizationId: project!.organization_id, event: 'pledge.withdrawn', data });
  else {
    await notifyOrganization(q, node, {
      kind: 'withdrawal',
      organizationId: project!.organization_id,
      projectTitle: pledge.project_title,
      needTitle: pledge.need_title,
      category: pledge.category,
      unit: pledge.unit,
      unitLabel: pledge.unit_label,
      quantity: pledge.quantity,
      name: pledge.contact_name ?? '',
    }, data);
  }
  // Withdrawn, the contact has no more purpose (Law 25): it goes with the pledge's tokens.
  await q.query(
    `update pledges set status = 'withdrawn', contact_name = null, contact_email = null, message = null, client_hash = null,
                        confirm_token_hash = null, updated_at = $2 where id = $1`,
    [pledge.id, node.now()],
  );
  if (counts(pledge.status)) await uncount(q, node, pledge);
  return toPledge(await readPledge(q, pledge.id));
}

/** held → declined; pending → confirmed | declined; confirmed → fulfilled | declined. */
const NEXT: Partial<Record<PledgeStatus, readonly PledgeStatus[]>> = { held: ['declined'], pending: ['confirmed', 'declined'], confirmed: ['fulfilled', 'declined'] };

/** Who acts for an organization: its API key, or a signed-in member in the workspace. */
export type OrganizationActor = Pick<ApiKey, 'organizationId'>;

/** A pledge to one of the actor's organization's projects, locked; any other is a 404. */
async function lockOwnPledge(q: Queryable, actor: OrganizationActor, id: string): Promise<PledgeRow & { organization_name: string }> {
  const [pledge] = await q.query<PledgeRow & { organization_name: string }>(
    `${PLEDGE_SELECT} where pl.id = $1 and pr.organization_id = $2 for update of pl`,
    [id, actor.organizationId],
  );
  if (!pledge) throw new ProblemError('not_found', `No pledge ${id}`);
  // PLEDGE_SELECT names no organization: the decline email needs its name.
  const [org] = await q.query<{ name: string }>('select name from organizations where id = $1', [actor.organizationId]);
  return { ...pledge, organization_name: org!.name };
}

/**
 * Confirm, decline or mark fulfilled; a declined person is told by email, in their language, with
 * the reason given (unless the pledge was only held: that address was never confirmed). Declining
 * can also block the email from further pledges to the organization's projects.
 */
export async function changePledgeStatus(q: Queryable, node: NodeServices, actor: OrganizationActor, id: string, status: PledgeStatus, reason?: string, block = false): Promise<OrganizationPledge> {
  if (reason !== undefined && status !== 'declined') throw badField('body.reason', 'A reason goes with a decline only', 'unexpected_reason');
  if (block && status !== 'declined') throw badField('body.block', 'Only a declined pledge can block its email', 'invalid_value');
  const pledge = await lockOwnPledge(q, actor, id);
  const blockOnly = block && pledge.status === 'declined' && status === 'declined';
  if (!blockOnly && !NEXT[pledge.status]?.includes(status)) throw new ProblemError('invalid_state', `A ${pledge.status} pledge can't become ${status}`);
  if (block && pledge.contact_email) {
    await q.query('insert into pledge_blocks (organization_id, email, created_at) values ($1, lower($2), $3) on conflict do nothing', [actor.organizationId, pledge.contact_email, node.now()]);
  }
  if (blockOnly) return toOrganizationPledge(await readPledge(q, id));
  await q.query(
    `update pledges set status = $2, decline_reason = $3, updated_at = $4,
                        confirm_token_hash = case when $2 = 'declined' then null else confirm_token_hash end where id = $1`,
    [id, status, status === 'declined' ? (reason ?? null) : null, node.now()],
  );
  if (counts(pledge.status) && !counts(status)) await uncount(q, node, pledge);
  if (status === 'declined' && pledge.contact_email && pledge.status !== 'held') {
    await node.mailer.send(
      declineMail({
        to: pledge.contact_email,
        lang: pledge.lang,
        organizationName: pledge.organization_name,
        projectTitle: pledge.project_title,
        needTitle: pledge.need_title,
        category: pledge.category,
        unit: pledge.unit,
        unitLabel: pledge.unit_label,
        quantity: pledge.quantity,
        reason: reason ?? null,
      }),
      q,
    );
  }
  return toOrganizationPledge(await readPledge(q, id));
}

/** Law 25: the person's name, email and message go; the pledge itself stays, and still counts. */
export async function eraseContact(q: Queryable, node: NodeServices, key: OrganizationActor, id: string): Promise<OrganizationPledge> {
  await lockOwnPledge(q, key, id);
  await q.query('update pledges set contact_name = null, contact_email = null, message = null, updated_at = $2 where id = $1', [id, node.now()]);
  return toOrganizationPledge(await readPledge(q, id));
}

/**
 * Law 25, at the person's request: their pledges stop being theirs. One still in play is withdrawn
 * (its places go back to the need) and deleted with any that count nothing; a fulfilled one stays
 * counted (what was given was given) without name, email, message or tokens. Returns the names
 * the pledges carried, for the caller to scrub from the outbox.
 */
export async function forgetPledges(q: Queryable, node: NodeServices, email: string): Promise<{ erased: number; names: string[] }> {
  const pledges = await q.query<PledgeRow>(`${PLEDGE_SELECT} where lower(pl.contact_email) = lower($1) order by pl.id for update of pl`, [email]);
  for (const pledge of pledges) {
    if (counts(pledge.status) && pledge.status !== 'fulfilled') {
      await uncount(q, node, pledge);
      // The organization hears that the pledge is withdrawn, without the name it no longer keeps.
      const [project] = await q.query<{ organization_id: string }>('select organization_id from projects where id = $1', [pledge.project_id]);
      const { project_title: projectTitle, need_title: needTitle, category, unit, unit_label: unitLabel, quantity } = pledge;
      await notifyOrganization(q, node, { kind: 'withdrawal', organizationId: project!.organization_id, projectTitle, needTitle, category, unit, unitLabel, quantity, name: '' }, pledgeData({ ...pledge, status: 'withdrawn' }));
    }
    if (pledge.status === 'fulfilled') {
      await q.query(
        `update pledges set contact_name = null, contact_email = null, message = null, client_hash = null, confirm_token_hash = null,
                            decline_reason = null, updated_at = $2 where id = $1`,
        [pledge.id, node.now()],
      );
    } else {
      await q.query('delete from pledges where id = $1', [pledge.id]);
    }
  }
  return { erased: pledges.length, names: pledges.flatMap((p) => (p.contact_name ? [p.contact_name] : [])) };
}
