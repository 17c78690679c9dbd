import enCA from './en-CA.ts';
import frCA from './fr-CA.ts';
import type { Messages } from './locale.ts';

export { DEFAULT_LOCALE, langOf, LOCALES, matchLocale, type Messages } from './locale.ts';

/** Every locale's messages at once, for code that reads them directly (tests, docs); the elements load theirs in ./locale.ts. */
export const locales: Record<string, Messages> = { 'fr-CA': frCA, 'en-CA': enCA };
