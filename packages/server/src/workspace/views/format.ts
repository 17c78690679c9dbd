import type { Lang } from '@perron/contract';

const zone = 'America/Toronto';
/** A moment as people read it here: "30 nov. 2026, 09 h 41" / "Nov 30, 2026, 9:41 a.m.". */
export const formatMoment = (lang: Lang, at: Date | string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-CA' : 'fr-CA', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(at));
export const formatDay = (lang: Lang, at: Date | string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-CA' : 'fr-CA', { dateStyle: 'medium', timeZone: zone }).format(new Date(at));
export const pick = (text: { fr: string; en?: string } | null | undefined, lang: Lang) => (text ? (lang === 'en' ? (text.en ?? text.fr) : text.fr) : '');
