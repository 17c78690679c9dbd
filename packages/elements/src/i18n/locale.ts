import type frCA from './fr-CA.ts';
import common from './fr-CA/common.ts';

/** Every string an element shows; French is the reference shape. */
export type Messages = typeof frCA;

export const DEFAULT_LOCALE = 'fr-CA';

/**
 * French is in every bundle; every other locale is a module of its own, fetched (from the node that
 * served the script, like the script itself) the first time an element on the page speaks it.
 * Add a locale by adding its file here.
 */
const others: Record<string, () => Promise<{ default: Messages }>> = {
  'en-CA': () => import('./en-CA.ts'),
};

export const LOCALES = [DEFAULT_LOCALE, ...Object.keys(others)];

/**
 * French as this bundle has it: the words every element says, and the parts (./fr-CA/) that the
 * modules of this bundle read, each added by the module that reads it. A page with only the card
 * does not download the words of the calendar or the pledge form.
 */
const french = { ...common } as Messages;
export const addFrench = (part: Partial<Messages>) => void Object.assign(french, part);

const loaded = new Map<string, Messages>([[DEFAULT_LOCALE, french]]);
const loading = new Map<string, Promise<void>>();

/** A locale's messages once loaded; French until then. */
export const messagesOf = (locale: string): Messages => loaded.get(locale) ?? french;

/** Resolves once `locale` is loaded; undefined when it already is. A locale that cannot be fetched stays French. */
export function loadLocale(locale: string): Promise<void> | undefined {
  if (loaded.has(locale) || !others[locale]) return undefined;
  let done = loading.get(locale);
  if (!done) {
    done = others[locale]().then(
      (m) => void loaded.set(locale, m.default),
      () => void loaded.set(locale, french),
    );
    loading.set(locale, done);
  }
  return done;
}

/** The best locale for a BCP 47 tag: exact, then same language, then French. */
export function matchLocale(tag: string | null | undefined): string {
  const wanted = (tag ?? '').trim().toLowerCase();
  if (!wanted) return DEFAULT_LOCALE;
  const language = wanted.split('-')[0];
  return (
    LOCALES.find((n) => n.toLowerCase() === wanted) ??
    LOCALES.find((n) => n.split('-')[0]!.toLowerCase() === language) ??
    DEFAULT_LOCALE
  );
}

/** The language in force for an element: its own `lang`, else the closest ancestor's, crossing shadow roots. */
export function langOf(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang) return lang;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}
