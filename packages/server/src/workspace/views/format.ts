import type { Lang } from '@perron/contract';

const zone = 'America/Toronto';
/** A moment as people read it here: "30 nov. 2026, 09 h 41" / "Nov 30, 2026, 9:41 a.m.". */
export const formatMoment = (lang: Lang, at: Date | string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-CA' : 'fr-CA', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(at));
export const formatDay = (lang: Lang, at: Date | string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-CA' : 'fr-CA', { dateStyle: 'medium', timeZone: zone }).format(new Date(at));
/** From start to end, the day said once when it is one: "jeudi 15 mai 2027, 10 h 00 à 12 h 00". */
export const formatRange = (lang: Lang, from: Date | string, to: Date | string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-CA' : 'fr-CA', { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).formatRange(new Date(from), new Date(to));
export const pick = (text: { fr: string; en?: string } | null | undefined, lang: Lang) => (text ? (lang === 'en' ? (text.en ?? text.fr) : text.fr) : '');
