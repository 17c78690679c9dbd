// What the elements say, from their own locale files: the tests read the page as a person does,
// in the words the elements are meant to show.
import { formatters } from '../../packages/elements/src/internal/format.ts';
import { locales } from '../../packages/elements/src/i18n/index.ts';
import type { Lang } from './browser.ts';

export function wording(lang: Lang) {
  const locale = lang === 'fr' ? 'fr-CA' : 'en-CA';
  return { t: locales[locale]!, f: formatters(locale) };
}

/** A regular expression that matches `text` literally, spaces of any kind included. */
export const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
