import { EVENT_TIME_ZONE, organizationName, type Event, type Lang } from '@perron/contract';
import { CATEGORY_LABELS, localized } from './event-text.ts';
import { localTime } from './time-zone.ts';

/** An event with what a calendar needs to know whether its copy is out of date. */
export interface CalendarEntry {
  event: Event;
  revisedAt: Date;
  /** Grows with every edit (RFC 5545 SEQUENCE). */
  sequence: number;
}

export interface CalendarOptions {
  lang: Lang;
  /** The node's base URL: UIDs are `<event id>@<its host>`, stable per event and node. */
  baseUrl: string;
  /** X-WR-CALNAME, for a feed a calendar subscribes to. */
  name?: string;
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export const escapeText = (value: string): string =>
  value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');

/** Lines of at most 75 octets, continued after CRLF and a space, never inside a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `20261205T100000`: local time, for a property with TZID. */
function localStamp(instant: Date): string {
  const t = localTime(instant);
  return `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}T${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`;
}

/** `20261205T150000Z`: UTC, for DTSTAMP and LAST-MODIFIED. */
const utcStamp = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** America/Toronto with the rules in force since 2007: second Sunday of March, first Sunday of November. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${EVENT_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:20070311T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:20071104T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function vevent({ event, revisedAt, sequence }: CalendarEntry, { lang, baseUrl }: CalendarOptions): string[] {
  const organizer = `${lang === 'fr' ? 'Organisé par' : 'Organized by'} ${organizationName(event.organization, lang)}`;
  const description = [event.description && localized(event.description, lang), organizer, event.link, event.url].filter(Boolean).join('\n\n');
  const location = event.place ? `${event.place.name}, ${event.place.address}` : event.link;
  const lines = [
    'BEGIN:VEVENT',
    // A followed node's event keeps its origin's UID: a calendar subscribed to both nodes holds it once.
    `UID:${event.id}@${new URL(event.origin ?? baseUrl).host}`,
    `DTSTAMP:${utcStamp(revisedAt)}`,
    `LAST-MODIFIED:${utcStamp(revisedAt)}`,
    `SEQUENCE:${sequence}`,
    `DTSTART;TZID=${EVENT_TIME_ZONE}:${localStamp(new Date(event.startsAt))}`,
    `DTEND;TZID=${EVENT_TIME_ZONE}:${localStamp(new Date(event.endsAt))}`,
    `SUMMARY:${escapeText(localized(event.title, lang))}`,
    `DESCRIPTION:${escapeText(description)}`,
  ];
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  lines.push(
    `URL:${event.url}`,
    `CATEGORIES:${escapeText(CATEGORY_LABELS[lang][event.category])}`,
    event.status === 'cancelled' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  );
  return lines;
}

/** A VCALENDAR of these events (RFC 5545), CRLF-terminated and folded. */
export function calendar(entries: CalendarEntry[], options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Perron//Perron node//${options.lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`, `X-WR-TIMEZONE:${EVENT_TIME_ZONE}`] : []),
    ...VTIMEZONE,
    ...entries.flatMap((e) => vevent(e, options)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
