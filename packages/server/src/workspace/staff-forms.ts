// What HTML forms send (strings) turned into the contract's shapes before it parses them:
// numbers, money in dollars to cents, a day and a time in Montréal to a timestamp, a checkbox.
import { withOffset, fromLocal } from '../services/time-zone.ts';

type Input = Record<string, unknown>;

/** "12" → 12; anything else is left for the schema to refuse (and name the field). */
export function toNumber(v: unknown): unknown {
  return typeof v === 'string' && /^\s*\d+([.,]\d+)?\s*$/.test(v) ? Number(v.replace(',', '.')) : v;
}

/** "25,50" or "25.50" dollars → 2550 cents. */
export function toCents(v: unknown): unknown {
  const n = toNumber(v);
  return typeof n === 'number' ? Math.round(n * 100) : n;
}

/** A day (2026-12-05) and a time (10:00) in Montréal → 2026-12-05T10:00:00-05:00. */
export function toTimestamp(day: unknown, time: unknown): string | undefined {
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day) || typeof time !== 'string' || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  return withOffset(fromLocal(day, time));
}

/** "soudure, menuiserie" → ['soudure', 'menuiserie']. */
export const toList = (v: unknown) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v);

/** A value at a dotted path of a parsed form, removed from it. */
export function take(input: Input, path: string): unknown {
  const parts = path.split('.');
  let at: Input | undefined = input;
  for (const part of parts.slice(0, -1)) at = at?.[part] as Input | undefined;
  const last = parts.at(-1)!;
  const value = at?.[last];
  if (at) delete at[last];
  return value;
}

/** Where a value is, in the contract's path: `body.title.fr` → `title.fr` (the form's field name). */
export const fieldOf = (path: string) => path.replace(/^body\./, '');
