import { EVENT_TIME_ZONE } from '@perron/contract';

// Events happen in Montréal: every local date and time is America/Toronto's, DST included.
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: EVENT_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localTime(instant: Date): LocalTime {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, Number(x.value)]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** Minutes east of UTC in Montréal at that instant: -300 in winter, -240 in summer. */
export function offsetMinutes(instant: Date): number {
  const t = localTime(instant);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `2026-12-05T10:00:00-05:00`: the local time with the offset of that date. */
export function withOffset(instant: Date): string {
  const t = localTime(instant);
  const off = offsetMinutes(instant);
  const sign = off < 0 ? '-' : '+';
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`;
}

/** The local calendar day, `YYYY-MM-DD`. */
export function localDate(instant: Date): string {
  const t = localTime(instant);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

/** `YYYY-MM-DD` plus n days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The instant of a local date and time (`HH:MM`) in Montréal. */
export function fromLocal(date: string, time = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  // The offset at the guessed instant is right except within hours of a DST change: check once more.
  let t = guess - offsetMinutes(new Date(guess)) * 60_000;
  t = guess - offsetMinutes(new Date(t)) * 60_000;
  return new Date(t);
}
