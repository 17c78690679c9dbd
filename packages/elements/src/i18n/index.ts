import enCA from './en-CA.ts';
import frCA from './fr-CA.ts';

/** Every string an element shows; French is the reference shape. */
export type Messages = typeof frCA;

/** One file per locale; add a locale by adding its file here. The first is the default. */
export const locales: Record<string, Messages> = { 'fr-CA': frCA, 'en-CA': enCA };
export const DEFAULT_LOCALE = 'fr-CA';

/** The best locale for a BCP 47 tag: exact, then same language, then French. */
export function matchLocale(tag: string | null | undefined): string {
  const wanted = (tag ?? '').trim().toLowerCase();
  if (!wanted) return DEFAULT_LOCALE;
  const names = Object.keys(locales);
  const language = wanted.split('-')[0];
  return (
    names.find((n) => n.toLowerCase() === wanted) ??
    names.find((n) => n.split('-')[0]!.toLowerCase() === language) ??
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
