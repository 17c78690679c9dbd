import type { Lang } from '@perron/contract';
import { enCA } from './en-CA.ts';
import { frCA, type Strings } from './fr-CA.ts';

export type { Strings } from './fr-CA.ts';

/** One module per language; a new language is a new file here. */
export const STRINGS: Record<Lang, Strings> = { fr: frCA, en: enCA };
