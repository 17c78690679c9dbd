import { EVENT_TIME_ZONE, type Event, type EventCategory, type Lang } from '@perron/contract';
import { localTime } from './time-zone.ts';

/** How an event's category reads to people. */
export const CATEGORY_LABELS: Record<Lang, Record<EventCategory, string>> = {
  fr: {
    information_session: 'Séance d’information',
    training: 'Formation',
    networking: 'Réseautage',
    workshop: 'Atelier',
    co_creation: 'Co-création',
  },
  en: {
    information_session: 'Information session',
    training: 'Training',
    networking: 'Networking',
    workshop: 'Workshop',
    co_creation: 'Co-creation',
  },
};

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-CA' : 'en-CA');

/** « samedi 5 décembre 2026, 10 h à 13 h 30 », in Montréal's time whatever the server's. */
export function formatWhen(event: Pick<Event, 'startsAt' | 'endsAt'>, lang: Lang): string {
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const day = new Intl.DateTimeFormat(locale(lang), { timeZone: EVENT_TIME_ZONE, dateStyle: 'full' });
  const english = new Intl.DateTimeFormat('en-CA', { timeZone: EVENT_TIME_ZONE, timeStyle: 'short' });
  // Québec writes « 9 h », « 9 h 30 » (OQLF), where Intl gives « 09 h 00 ».
  const french = (d: Date) => {
    const t = localTime(d);
    return `${t.hour} h${t.minute ? ` ${String(t.minute).padStart(2, '0')}` : ''}`;
  };
  const time = { format: (d: Date) => (lang === 'fr' ? french(d) : english.format(d)) };
  const sameDay = day.format(start) === day.format(end);
  const to = lang === 'fr' ? 'à' : 'to';
  return sameDay
    ? `${day.format(start)}, ${time.format(start)} ${to} ${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} ${to} ${day.format(end)}, ${time.format(end)}`;
}

/** Where it happens: the place, or the link of an online event. */
export function formatWhere(event: Pick<Event, 'place' | 'link'>, lang: Lang): string {
  if (event.place) return `${event.place.name}, ${event.place.address}`;
  if (!event.link) return '';
  return lang === 'fr' ? `En ligne : ${event.link}` : `Online: ${event.link}`;
}

export const localized = (text: { fr: string; en?: string | undefined }, lang: Lang): string => (lang === 'en' ? (text.en ?? text.fr) : text.fr);
