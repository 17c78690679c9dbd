import { COUNTED_PLEDGE_STATUSES, type Impact, type ImpactMonth } from '@perron/contract';
import type { Queryable } from '../database.ts';
import { communityTree } from './communities.ts';
import { Params } from './sql.ts';

/** Whose projects: a community (its sub-communities included) or a partner that accepted the partnership. */
export type ImpactScope = { community: string } | { partner: string };

/** A period as instants: from the first day's midnight to the midnight after the last day (Montréal). */
export interface ImpactPeriod {
  start: Date;
  end: Date;
}

/** SQL selecting the ids of the scope's public projects (published or completed, not hidden). */
function scopedProjects(scope: ImpactScope, p: Params): string {
  const filter =
    'community' in scope
      ? `exists (select 1 from project_communities pc where pc.project_id = p.id and pc.community_id in ${communityTree(p.add(scope.community), 'slug')})`
      : `exists (select 1 from project_partners pp join organizations po on po.id = pp.organization_id where pp.project_id = p.id and pp.status = 'accepted' and po.slug = ${p.add(scope.partner)})`;
  // Cancelled projects are left out: what was promised to them was not given.
  return `select p.id, p.status, p.updated_at from projects p where p.status in ('published', 'completed') and p.hidden_at is null and ${filter}`;
}

// A person pledged to a shift gives its length; an hours pledge its hours.
const HOURS = `case when n.unit = 'hours' then pl.quantity::float8
                    when n.unit = 'people' and n.shift_starts_at is not null then pl.quantity * extract(epoch from n.shift_ends_at - n.shift_starts_at) / 3600
                    else 0 end`;

/** The pledges that count, of the scope's projects, made in the period. */
function countedPledges(scope: ImpactScope, period: ImpactPeriod, p: Params): string {
  return `from pledges pl join needs n on n.id = pl.need_id join (${scopedProjects(scope, p)}) s on s.id = pl.project_id
          where pl.status = any(${p.add(COUNTED_PLEDGE_STATUSES)}) and pl.created_at >= ${p.add(period.start)} and pl.created_at < ${p.add(period.end)}`;
}

export async function impactTotals(q: Queryable, scope: ImpactScope, period: ImpactPeriod): Promise<Omit<Impact, 'community' | 'partner' | 'from' | 'to' | 'months'>> {
  const p = new Params();
  const [row] = await q.query<{ people: string; hour_pledgers: string; hours: number; material_pledges: string; items: string; cents: string }>(
    `select coalesce(sum(pl.quantity) filter (where n.unit = 'people'), 0) as people,
            -- A person who pledged hours twice is one volunteer; an erased contact counts as its own person.
            count(distinct coalesce(lower(pl.contact_email), pl.id)) filter (where n.unit = 'hours') as hour_pledgers,
            coalesce(sum(${HOURS}) filter (where n.category = 'human'), 0) as hours,
            count(*) filter (where n.category = 'material') as material_pledges,
            coalesce(sum(pl.quantity) filter (where n.category = 'material'), 0) as items,
            coalesce(sum(pl.quantity) filter (where n.category = 'financial'), 0) as cents
       ${countedPledges(scope, period, p)}`,
    p.values,
  );
  const c = new Params();
  // A finished project is a record: its last change is its completion (as the purge reads it too).
  const [done] = await q.query<{ n: string }>(
    `select count(*) as n from (${scopedProjects(scope, c)}) s where s.status = 'completed' and s.updated_at >= ${c.add(period.start)} and s.updated_at < ${c.add(period.end)}`,
    c.values,
  );
  return {
    volunteers: Number(row!.people) + Number(row!.hour_pledgers),
    hours: Math.round(Number(row!.hours)),
    materials: { pledges: Number(row!.material_pledges), items: Number(row!.items) },
    money: { cents: Number(row!.cents), currency: 'CAD' },
    projectsCompleted: Number(done!.n),
  };
}

/**
 * Each month's pledges, hours and money, by the month's index in `monthStarts` (the instants
 * each month of the period begins, in Montréal, oldest first); months without any are absent.
 */
export async function impactByMonth(q: Queryable, scope: ImpactScope, period: ImpactPeriod, monthStarts: Date[]): Promise<Map<number, Omit<ImpactMonth, 'month'>>> {
  const p = new Params();
  const starts = p.add(monthStarts.map((d) => d.toISOString()));
  const rows = await q.query<{ idx: string; pledges: string; hours: number; cents: string }>(
    `select (select count(*) from unnest(${starts}::timestamptz[]) b where b <= pl.created_at) - 1 as idx, count(*) as pledges,
            coalesce(sum(${HOURS}) filter (where n.category = 'human'), 0) as hours,
            coalesce(sum(pl.quantity) filter (where n.category = 'financial'), 0) as cents
       ${countedPledges(scope, period, p)}
      group by 1`,
    p.values,
  );
  return new Map(rows.map((r) => [Number(r.idx), { pledges: Number(r.pledges), hours: Math.round(Number(r.hours)), moneyCents: Number(r.cents) }]));
}
