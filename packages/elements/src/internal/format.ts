import { EVENT_TIME_ZONE, frenchOrdinals, type LocalizedText } from '@perron/contract';

/**
 * Intl formatters for one locale; dates of events are shown in the event's time zone. Each Intl
 * object is made at its first use and kept (`dateFormat`, `numberFormat`): making one costs far more
 * than using it, a month's grid formats 42 days, and an element makes only the ones it shows.
 */
export function formatters(locale: string) {
  const date = (options: Intl.DateTimeFormatOptions) => dateFormat(locale, options);
  const number = (options: Intl.NumberFormatOptions) => numberFormat(locale, options);
  const when = { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', timeZone: EVENT_TIME_ZONE } as const;
  // « 1er décembre »: Intl writes « 1 décembre ».
  const dated = locale.startsWith('fr') ? frenchOrdinals : (text: string) => text;
  return {
    number: (n: number) => number({}).format(n),
    /** 0.37 → « 37 % » / "37%". */
    percent: (ratio: number) => number({ style: 'percent', maximumFractionDigits: 0 }).format(ratio),
    /** Cents (CAD) as money: 125000 → « 1 250 $ », 2550 → « 25,50 $ » / "$25.50". */
    money: (n: number) => number({ style: 'currency', currency: 'CAD', [n % 100 ? 'minimumFractionDigits' : 'maximumFractionDigits']: n % 100 ? 2 : 0 }).format(n / 100),
    /** A calendar day (YYYY-MM-DD), without any time zone shift. */
    day: (day: string) => dated(date({ dateStyle: 'long', timeZone: 'UTC' }).format(dayToDate(day))),
    dayRange: (from: string, to: string) => dated(date({ dateStyle: 'long', timeZone: 'UTC' }).formatRange(dayToDate(from), dayToDate(to))),
    /** An event's start to end, in America/Toronto. */
    when: (start: string, end: string) => dated(date(when).formatRange(new Date(start), new Date(end))),
    time: (at: string) => date({ hour: 'numeric', minute: '2-digit', timeZone: EVENT_TIME_ZONE }).format(new Date(at)),
    monthYear: (year: number, month: number) => date({ month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month, 1)),
  };
}
export type Formatters = ReturnType<typeof formatters>;

export const dayToDate = (date: string) => new Date(`${date}T00:00:00Z`);

const intl = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** An Intl.DateTimeFormat made once per locale and options (making one costs far more than using it). */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d${locale}${JSON.stringify(options)}`;
  if (!intl.has(key)) intl.set(key, new Intl.DateTimeFormat(locale, options));
  return intl.get(key) as Intl.DateTimeFormat;
}

/** An Intl.NumberFormat made once per locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n${locale}${JSON.stringify(options)}`;
  if (!intl.has(key)) intl.set(key, new Intl.NumberFormat(locale, options));
  return intl.get(key) as Intl.NumberFormat;
}

/** The calendar day (YYYY-MM-DD) of an instant in the events' time zone. */
export function dayIn(instant: Date | string, timeZone: string = EVENT_TIME_ZONE): string {
  const parts = dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
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
