import { PLEDGE_HOLD_MINUTES, type NeedCategory } from '@perron/contract';
import type { PledgeCaps } from '../handlers/types.ts';
import type { Queryable } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';

/** Where the email of a held pledge leads: a page that asks before it confirms (a GET changes nothing). */
export const confirmPledgeUrl = (baseUrl: string, token: string) => `${baseUrl}/pledges/confirm/${token}`;

export const holdUntil = (now: Date) => new Date(now.getTime() + PLEDGE_HOLD_MINUTES * 60_000);

/** What a need still has to give: wanted − counted − held by unexpired holds (the need's row is locked by the caller). */
export async function heldOn(q: Queryable, needId: string, now: Date): Promise<{ quantity: number; freedAt: Date | null }> {
  const [row] = await q.query<{ quantity: number | string | null; freed_at: Date | null }>(
    `select coalesce(sum(quantity), 0) as quantity, min(held_until) as freed_at from pledges where need_id = $1 and status = 'held' and held_until > $2`,
    [needId, now],
  );
  return { quantity: Number(row?.quantity ?? 0), freedAt: row?.freed_at ?? null };
}

/** A salted hash of the network address: enough to count what one address pledged, not to tell the address. */
export async function clientHash(q: Queryable, address: string): Promise<string> {
  const [row] = await q.query<{ h: string }>(
    "select encode(sha256(convert_to(value || ':' || $1, 'UTF8')), 'hex') as h from node_secrets where name = 'client_salt'",
    [address],
  );
  return row!.h;
}

/** Which cap a need's unit falls under. */
function capOf(caps: PledgeCaps, category: NeedCategory, unit: 'hours' | 'people' | null): { cap: number; units: string } {
  if (category === 'financial') return { cap: caps.cents, units: `$${caps.cents / 100} of money` };
  if (category === 'material') return { cap: caps.material, units: `${caps.material} items` };
  return unit === 'people' ? { cap: caps.people, units: `${caps.people} people` } : { cap: caps.hours, units: `${caps.hours} hours` };
}

/**
 * The caps on public pledges, per email and per network address over 24 hours (held and counted
 * pledges, of the same kind of unit): a fake fill from one source is refused before it holds anything.
 */
export async function checkCaps(
  q: Queryable,
  caps: PledgeCaps,
  a: { email: string; client: string; category: NeedCategory; unit: 'hours' | 'people' | null; quantity: number; now: Date },
): Promise<void> {
  const since = new Date(a.now.getTime() - 86_400_000);
  const { cap, units } = capOf(caps, a.category, a.unit);
  for (const [who, where, value] of [
    ['this email address', 'lower(pl.contact_email) = lower($1)', a.email],
    ['this network address', 'pl.client_hash = $1', a.client],
  ] as const) {
    const [row] = await q.query<{ pledges: number | string; same: number | string }>(
      `select count(*) as pledges,
              coalesce(sum(pl.quantity) filter (where n.category = $3 and ($3 <> 'human' or n.unit = $4)), 0) as same
         from pledges pl join needs n on n.id = pl.need_id
        where ${where} and pl.created_at > $2 and pl.status in ('held', 'pending', 'confirmed', 'fulfilled')`,
      [value, since, a.category, a.unit ?? ''],
    );
    if (Number(row!.pledges) >= caps.pledges) {
      throw new ProblemError('pledge_cap', `At most ${caps.pledges} pledges in 24 hours from ${who}: for more, write to the organization`);
    }
    if (Number(row!.same) + a.quantity > cap) {
      throw new ProblemError('pledge_cap', `At most ${units} in 24 hours from ${who} on public forms: for more, write to the organization, which can record it`);
    }
  }
}

/**
 * SQL: the salted hash a block keeps of an address once its person erased their data (`sha256:…`).
 * The block still refuses that address; the address itself is gone, and the salt (never sent
 * anywhere) keeps the hash from being matched against a list of addresses elsewhere.
 */
export const blockedEmailHash = (param: string) =>
  `(select 'sha256:' || encode(sha256(convert_to(value || ':email:' || lower(${param}), 'UTF8')), 'hex') from node_secrets where name = 'client_salt')`;

/** Refuses an address the organization blocked (kept as it is, or as its hash after an erasure). */
export async function checkNotBlocked(q: Queryable, organizationId: string, email: string): Promise<void> {
  const blocked = await q.query(`select 1 from pledge_blocks where organization_id = $1 and email in (lower($2), ${blockedEmailHash('$2')})`, [organizationId, email]);
  if (blocked.length) throw new ProblemError('blocked', 'This organization takes no more pledges from this email address');
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
