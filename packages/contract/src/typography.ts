/**
 * French typography, written once for the node and the elements (Québec usage, OQLF): a narrow
 * no-break space before `: ; ! ?` and inside « », typographic apostrophes, "1er" for the first of
 * a month. Numbers, money and dates come from `Intl` in `fr-CA` and `en-CA`; this only fixes
 * what `Intl` and plain typing leave.
 */

/** U+202F NARROW NO-BREAK SPACE: keeps « : » and « ! » on the line of the word before them. */
export const NNBSP = '\u202F';

const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const FIRST_OF_MONTH = new RegExp(`(^|[^\\d])1[ \\u00A0](${MONTHS})`, 'g');

/** "1 décembre" → "1er décembre", as Intl's fr-CA leaves it. */
export const frenchOrdinals = (text: string): string => text.replace(FIRST_OF_MONTH, `$11er\u00A0$2`);

/**
 * One French text set right. Only a space that is there becomes narrow and no-break (a time like
 * 10:00 or a URL has none); an address or a link keeps its straight apostrophe.
 */
export function frenchText(text: string): string {
  const spaced = text.replace(/[ \u00A0\u202F]+([:;!?»])/g, `${NNBSP}$1`).replace(/«[ \u00A0\u202F]+/g, `«${NNBSP}`);
  const curly = spaced.replace(/\S+/g, (word) => (/@|:\/\//.test(word) ? word : word.replace(/(\p{L})'(?=\p{L})/gu, '$1’')));
  return frenchOrdinals(curly);
}

/** Whether a text breaks the rules above: a plain space before `: ; ! ? »` or after `«`. */
export const badFrenchSpacing = (text: string): RegExpMatchArray | null => text.match(/[ \u00A0][:;!?»]|«[ \u00A0]/);

/**
 * A locale's messages with every French text set: strings now, the results of functions when
 * they are called (so the names and titles they put in are set too).
 */
export function typeset<T>(messages: T): T {
  if (typeof messages === 'string') return frenchText(messages) as T;
  if (typeof messages === 'function') {
    const f = messages as (...args: unknown[]) => unknown;
    return ((...args: unknown[]) => {
      const out = f(...args);
      return typeof out === 'string' ? frenchText(out) : out;
    }) as T;
  }
  if (messages && typeof messages === 'object' && !Array.isArray(messages)) {
    return Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, typeset(v)])) as T;
  }
  return messages;
}

const RAW = /^(script|style|textarea|pre|code)$/i;

/** The text of an HTML document set in French, tags, attributes and raw elements untouched. */
export function frenchHtml(html: string): string {
  let raw: string | null = null;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        const tag = /^<(\/?)([a-z0-9-]+)/i.exec(part);
        if (tag && RAW.test(tag[2]!)) raw = tag[1] ? null : tag[2]!;
        return part;
      }
      // An escaped apostrophe is one too; whatever stays straight (in an address) is escaped again.
      return raw ? part : frenchText(part.replaceAll('&#39;', "'")).replaceAll("'", '&#39;');
    })
    .join('');
}
