import { EVENT_TIME_ZONE, frenchOrdinals, type LocalizedText } from '@perron/contract';

/** Intl formatters for one locale; dates of events are shown in the event's time zone. */
export function formatters(locale: string) {
  const dollars = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD', maximumFractionDigits: 0 });
  const cents = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD', minimumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const when = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', timeZone: EVENT_TIME_ZONE });
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: EVENT_TIME_ZONE });
  // « 1er décembre »: Intl writes « 1 décembre ».
  const dated = locale.startsWith('fr') ? frenchOrdinals : (text: string) => text;
  return {
    number: (n: number) => n.toLocaleString(locale),
    /** 0.37 → « 37 % » / "37%". */
    percent: (ratio: number) => ratio.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 }),
    /** Cents (CAD) as money: 125000 → « 1 250 $ », 2550 → « 25,50 $ » / "$25.50". */
    money: (n: number) => (n % 100 ? cents : dollars).format(n / 100),
    /** A calendar day (YYYY-MM-DD), without any time zone shift. */
    day: (date: string) => dated(day.format(dayToDate(date))),
    dayRange: (from: string, to: string) => dated(day.formatRange(dayToDate(from), dayToDate(to))),
    /** An event's start to end, in America/Toronto. */
    when: (start: string, end: string) => dated(when.formatRange(new Date(start), new Date(end))),
    time: (at: string) => time.format(new Date(at)),
    monthYear: (year: number, month: number) =>
      new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month, 1)),
    weekday: (date: Date, style: 'long' | 'short' | 'narrow') => new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(date),
    fullDay: (date: Date) => dated(new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(date)),
    /** The same without « 1er », for a grid cell whose visible number is « 1 » (its name must contain it). */
    cellDay: (date: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(date),
  };
}
export type Formatters = ReturnType<typeof formatters>;

export const dayToDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** The calendar day (YYYY-MM-DD) of an instant in the events' time zone. */
export function dayIn(instant: Date | string, timeZone: string = EVENT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A text in the reader's language when written, else in French; `lang` says which one it is. */
export function localized(text: LocalizedText, lang: 'fr' | 'en'): { value: string; lang: 'fr' | 'en' } {
  return lang === 'en' && text.en ? { value: text.en, lang: 'en' } : { value: text.fr, lang: 'fr' };
}

/** Only http(s) URLs become links (the contract checks too; this keeps the promise local). */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
