import { frenchOrdinals } from '@perron/contract';
import { dateFormat } from '../internal/format.ts';

/** Calendar arithmetic on plain days (YYYY-MM-DD), in UTC so that no time zone shifts them. */
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export const addDays = (day: string, n: number) => {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + n);
  return toDay(d);
};

/** The same day n months later, kept inside the month (31 January + 1 month → 28 or 29 February). */
export function addMonths(day: string, n: number) {
  const d = toDate(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return toDay(target);
}

export const monthOf = (day: string) => day.slice(0, 7);
export const firstOfMonth = (day: string) => `${monthOf(day)}-01`;
export const lastOfMonth = (day: string) => addDays(addMonths(firstOfMonth(day), 1), -1);

/** 1 = Monday … 7 = Sunday, as Intl's week info counts. */
export const isoWeekday = (day: string) => toDate(day).getUTCDay() || 7;

/** The first day of the locale's week: Sunday in Canada, Monday in France. */
export function firstDayOfWeek(locale: string): number {
  const l = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
  return l.getWeekInfo?.().firstDay ?? l.weekInfo?.firstDay ?? 7;
}

export const startOfWeek = (day: string, firstDay: number) => addDays(day, -((isoWeekday(day) - firstDay + 7) % 7));

/** The weeks shown for a month: always six rows, so that changing month never moves the page. */
export function monthWeeks(day: string, firstDay: number): string[][] {
  const start = startOfWeek(firstOfMonth(day), firstDay);
  return Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(start, w * 7 + d)));
}

/** Every day an event covers, from its first to its last (at most 31). */
export function daysBetween(first: string, last: string): string[] {
  const days = [first];
  while (days.length < 31 && days.at(-1)! < last) days.push(addDays(days.at(-1)!, 1));
  return days;
}

export { toDate };

/** A day's weekday in a locale: « lundi », « lun. » / "Monday", "Mon". */
export const weekdayName = (locale: string, day: string, weekday: 'long' | 'short') => dateFormat(locale, { weekday, timeZone: 'UTC' }).format(toDate(day));

/**
 * A day in full: « lundi 1er décembre 2026 » / "Monday, December 1, 2026"; without « 1er » for a grid
 * cell whose visible number is « 1 » (its name must contain it).
 */
export function fullDay(locale: string, day: string, ordinal = true): string {
  const text = dateFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(toDate(day));
  return ordinal && locale.startsWith('fr') ? frenchOrdinals(text) : text;
}
