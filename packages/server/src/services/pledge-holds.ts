import { PLEDGE_HOLD_MINUTES, type NeedCategory } from '@perron/contract';
import type { PledgeCaps } from '../handlers/types.ts';
import type { Queryable } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';

/** Where the email of a held pledge leads: a page that asks before it confirms (a GET changes nothing). */
export const confirmPledgeUrl = (baseUrl: string, token: string) => `${baseUrl}/pledges/confirm/${token}`;

export const holdUntil = (now: Date) => new Date(now.getTime() + PLEDGE_HOLD_MINUTES * 60_000);

/**
 * SQL: what unexpired holds keep of a need (`quantity`, and `freed_at`, when the first ends). Read at
 * every public pledge, through `pledges_held` (migration 220 keeps the planner from walking every hold).
 */
export const held = (need: string, now: string) =>
  `(select coalesce(sum(quantity), 0) as quantity, min(held_until) as freed_at from pledges where need_id = ${need} and status = 'held' and held_until > ${now})`;

export interface Held {
  quantity: number;
  freedAt: Date | null;
}

/** What a need still has to give: wanted − counted − held by unexpired holds (the need's row is locked by the caller). */
export async function heldOn(q: Queryable, needId: string, now: Date): Promise<Held> {
  const [row] = await q.query<{ quantity: number | string | null; freed_at: Date | null }>(`select * from ${held('$1', '$2')} h`, [needId, now], { prepared: true });
  return { quantity: Number(row?.quantity ?? 0), freedAt: row?.freed_at ?? null };
}

/** Which cap a need's unit falls under. */
function capOf(caps: PledgeCaps, category: NeedCategory, unit: 'hours' | 'people' | null): { cap: number; units: string } {
  if (category === 'financial') return { cap: caps.cents, units: `$${caps.cents / 100} of money` };
  if (category === 'material') return { cap: caps.material, units: `${caps.material} items` };
  return unit === 'people' ? { cap: caps.people, units: `${caps.people} people` } : { cap: caps.hours, units: `${caps.hours} hours` };
}

/**
 * SQL: the salted hash a block keeps of an address once its person erased their data (`sha256:…`).
 * The block still refuses that address; the address itself is gone, and the salt (never sent
 * anywhere) keeps the hash from being matched against a list of addresses elsewhere.
 */
export const blockedEmailHash = (param: string) =>
  `(select 'sha256:' || encode(sha256(convert_to(value || ':email:' || lower(${param}), 'UTF8')), 'hex') from node_secrets where name = 'client_salt')`;

/** What one source of public pledges made in the last 24 hours: a SQL subquery over `where`. */
const madeBy = (where: string) => `(select count(*) as pledges,
          coalesce(sum(pl.quantity) filter (where n.category = $4 and ($4 <> 'human' or n.unit = $5)), 0) as same
     from pledges pl join needs n on n.id = pl.need_id
    where ${where} and pl.created_at > $3 and pl.status in ('held', 'pending', 'confirmed', 'fulfilled'))`;

/**
 * Checks a public pledger in one statement (after the need's lock, so that it sees every hold made
 * before), and returns what heldOn does and the salted hash of their network address (enough to
 * count what one address pledged, not to tell the address):
 * - an email address the organization blocked (kept as it is, or as its hash after an erasure) is refused;
 * - the caps per email and per network address over 24 hours (held and counted pledges, of the same
 *   kind of unit): a fake fill from one source is refused before it holds anything.
 */
export async function checkPublicPledger(
  q: Queryable,
  caps: PledgeCaps,
  a: { needId: string; organizationId: string; email: string; address: string; category: NeedCategory; unit: 'hours' | 'people' | null; quantity: number; now: Date },
): Promise<{ client: string; held: Held }> {
  const [row] = await q.query<{
    client: string;
    blocked: boolean;
    email_pledges: number | string;
    email_same: number | string;
    client_pledges: number | string;
    client_same: number | string;
    held_quantity: number | string;
    freed_at: Date | null;
  }>(
    `select me.client, h.quantity as held_quantity, h.freed_at,
            exists (select 1 from pledge_blocks where organization_id = $6 and email in (lower($2), ${blockedEmailHash('$2')})) as blocked,
            e.pledges as email_pledges, e.same as email_same, c.pledges as client_pledges, c.same as client_same
       from (select encode(sha256(convert_to(value || ':' || $1, 'UTF8')), 'hex') as client from node_secrets where name = 'client_salt') me
       cross join lateral ${madeBy('lower(pl.contact_email) = lower($2)')} e
       cross join lateral ${madeBy('pl.client_hash = me.client')} c
       cross join ${held('$7', '$8')} h`,
    [a.address, a.email, new Date(a.now.getTime() - 86_400_000), a.category, a.unit ?? '', a.organizationId, a.needId, a.now],
    { prepared: true },
  );
  if (row!.blocked) throw new ProblemError('blocked', 'This organization takes no more pledges from this email address');
  const { cap, units } = capOf(caps, a.category, a.unit);
  for (const [who, pledges, same] of [
    ['this email address', row!.email_pledges, row!.email_same],
    ['this network address', row!.client_pledges, row!.client_same],
  ] as const) {
    if (Number(pledges) >= caps.pledges) {
      throw new ProblemError('pledge_cap', `At most ${caps.pledges} pledges in 24 hours from ${who}: for more, write to the organization`);
    }
    if (Number(same) + a.quantity > cap) {
      throw new ProblemError('pledge_cap', `At most ${units} in 24 hours from ${who} on public forms: for more, write to the organization, which can record it`);
    }
  }
  return { client: row!.client, held: { quantity: Number(row!.held_quantity), freedAt: row!.freed_at } };
}

/**
 * Holds that ran out become `expired`: their places were already free (a hold counts only until
 * held_until), and now their contact, address hash and token go too. Run by the background timer.
 */
export async function expireHolds(q: Queryable, now: Date): Promise<number> {
  const rows = await q.query(
    `update pledges set status = 'expired', contact_name = null, contact_email = null, message = null, client_hash = null,
                        confirm_token_hash = null, updated_at = $1
      where status = 'held' and held_until <= $1 returning id`,
    [now],
  );
  return rows.length;
}
