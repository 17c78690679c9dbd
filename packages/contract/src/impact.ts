import * as z from 'zod/mini';
import { DateOnly, Slug } from './common.ts';

/** The longest period an impact read covers: two years of monthly bars. */
export const IMPACT_MAX_MONTHS = 24;

/**
 * Whose impact, over which days (Montréal's). Exactly one of `community` (its sub-communities
 * included) or `partner` (an organization's slug: the projects whose partnership it accepted).
 * Without dates: the last 12 months, this month included.
 */
export const ImpactQuery = z.strictObject({
  community: z.optional(Slug),
  partner: z.optional(Slug),
  /** First day counted (default: the first day of the month 11 months before `to`). */
  from: z.optional(DateOnly),
  /** Last day counted (default: today). */
  to: z.optional(DateOnly),
});
export type ImpactQuery = z.input<typeof ImpactQuery>;

/** One month of the period (`YYYY-MM`): what was pledged in it. */
export const ImpactMonth = z.object({
  month: z.string(),
  /** Counted pledges of every kind. */
  pledges: z.number(),
  hours: z.number(),
  moneyCents: z.number(),
});
export type ImpactMonth = z.infer<typeof ImpactMonth>;

/**
 * What residents gave to the public projects (published or completed) of a community or a
 * partner over a period: pledges that count (pending, confirmed, fulfilled; neither held,
 * declined nor withdrawn), by the day they were made. Totals only: no person is named.
 */
export const Impact = z.object({
  community: z.nullable(Slug),
  partner: z.nullable(Slug),
  from: DateOnly,
  to: DateOnly,
  /** People who give time: each person pledging hours once, plus the people pledged for shifts. */
  volunteers: z.number(),
  /** Hours pledged, and a shift's length for each person pledged to it, rounded to the hour. */
  hours: z.number(),
  /** Material pledges, and the items they promise (in each need's own unit). */
  materials: z.object({ pledges: z.number(), items: z.number() }),
  money: z.object({ cents: z.number(), currency: z.literal('CAD') }),
  /** Projects completed in the period. */
  projectsCompleted: z.number(),
  /** Every month of the period, oldest first, empty months included. */
  months: z.array(ImpactMonth),
});
export type Impact = z.infer<typeof Impact>;
