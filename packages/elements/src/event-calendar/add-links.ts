import type { Event } from '@perron/contract';

/** `20261205T150000Z`: the UTC form both calendar services read. */
const utc = (at: string) => new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export interface EventText {
  title: string;
  details: string;
}

/** Where the event happens, for a calendar's location field. */
const where = (e: Event) => (e.place ? `${e.place.name}, ${e.place.address}` : (e.link ?? ''));

/** Google Calendar's "new event" page, filled in (its documented TEMPLATE action). */
export function googleCalendarUrl(e: Event, { title, details }: EventText): string {
  const q = new URLSearchParams({ action: 'TEMPLATE', text: title, dates: `${utc(e.startsAt)}/${utc(e.endsAt)}`, details, location: where(e), ctz: e.timeZone });
  return `https://calendar.google.com/calendar/render?${q}`;
}

/** Outlook on the web's "new event" page, filled in (its compose deep link). */
export function outlookCalendarUrl(e: Event, { title, details }: EventText): string {
  const q = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: title,
    startdt: new Date(e.startsAt).toISOString(),
    enddt: new Date(e.endsAt).toISOString(),
    body: details,
    location: where(e),
  });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${q}`;
}
