// What the example scripts share: their command line and the text of a localized field.
import { parseArgs } from 'node:util';

export type Lang = 'fr' | 'en';

/** `--node URL` (repeatable where `many`), `--lang fr|en`, plus the script's own string options. */
export function readArgs<K extends string>(usage: string, own: readonly K[] = []) {
  const { values } = parseArgs({
    options: {
      node: { type: 'string', multiple: true },
      lang: { type: 'string', default: 'fr' },
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(own.map((k) => [k, { type: 'string' as const }])),
    },
  });
  const nodes = (values.node as string[] | undefined) ?? [];
  const lang = values.lang as string;
  if (values.help || nodes.length === 0 || (lang !== 'fr' && lang !== 'en')) {
    console.error(`usage: ${usage}`);
    process.exit(values.help ? 0 : 2);
  }
  return { nodes, lang: lang as Lang, values: values as Partial<Record<K, string>> };
}

/** A text in the wanted language, French when there is no translation. */
export const localized = (text: { fr: string; en?: string | undefined }, lang: Lang) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);
