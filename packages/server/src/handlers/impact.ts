import { IMPACT_MAX_MONTHS, type ImpactMonth } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { impactByMonth, impactTotals, type ImpactScope } from '../db/queries/impact.ts';
import { ProblemError } from '../http/problem.ts';
import { addDays, fromLocal, localDate } from '../services/time-zone.ts';
import type { Handlers } from './types.ts';

/** A 400 naming one query parameter. */
const badQuery = (name: string, message: string, code = 'invalid_value') =>
  new ProblemError('validation_failed', 'Invalid query', { errors: [{ path: `query.${name}`, message, code }] });

/** `YYYY-MM` of a date, and the months from one to another, both included. */
const monthOf = (date: string) => date.slice(0, 7);
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= monthOf(to); m === 12 ? (y++, (m = 1)) : m++) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return months;
}

async function checkExists(q: Queryable, scope: ImpactScope): Promise<void> {
  const [table, slug] = 'community' in scope ? ['communities', scope.community] : ['organizations', scope.partner];
  const [row] = await q.query(`select 1 from ${table} where slug = $1`, [slug]);
  if (!row) throw new ProblemError('not_found', `No ${'community' in scope ? 'community' : 'organization'} ${slug}`);
}

export const impactHandlers = {
  async getImpact({ q, query, node }) {
    if ((query.community === undefined) === (query.partner === undefined)) {
      throw badQuery('community', 'Give exactly one of community or partner', 'one_of');
    }
    const scope: ImpactScope = query.community !== undefined ? { community: query.community } : { partner: query.partner! };
    const to = query.to ?? localDate(node.now());
    const from = query.from ?? `${monthsBetween(addDays(to, -366), to).at(-12)}-01`;
    if (from > to) throw badQuery('from', 'The period starts after it ends: from must be on or before to');
    const months = monthsBetween(from, to);
    if (months.length > IMPACT_MAX_MONTHS) throw badQuery('to', `The period spans ${months.length} months; at most ${IMPACT_MAX_MONTHS}`, 'period_too_long');
    await checkExists(q, scope);

    const period = { start: fromLocal(from), end: fromLocal(addDays(to, 1)) };
    // Each month's first instant; the first month starts with the period itself.
    const starts = months.map((m, i) => (i === 0 ? period.start : fromLocal(`${m}-01`)));
    const totals = await impactTotals(q, scope, period);
    const byMonth = await impactByMonth(q, scope, period, starts);
    const series: ImpactMonth[] = months.map((month, i) => ({ month, ...(byMonth.get(i) ?? { pledges: 0, hours: 0, moneyCents: 0 }) }));
    return { community: query.community ?? null, partner: query.partner ?? null, from, to, ...totals, months: series };
  },
} satisfies Partial<Handlers>;
