// A community's open needs, to CSV: one row per need of every published project.
//   node --conditions=source --import tsx examples/sdk/export-needs-csv.ts --node http://localhost:8080 --community villeray [--lang en] [--out needs.csv]
import { writeFileSync } from 'node:fs';
import type { Need } from '@perron/contract';
import { createClient, isPerronError, type WithOrigin } from '@perron/sdk';
import { localized, readArgs, type Lang } from './cli.ts';
import { toCsv, type Cell } from './csv.ts';

const { nodes, lang, values } = readArgs('export-needs-csv.ts --node URL --community SLUG [--lang fr|en] [--out FILE]', ['community', 'out']);
if (!values.community) throw new Error('--community is required');

const headers = {
  fr: ['Projet', 'Organisme', 'Besoin', 'Catégorie', 'Voulu', 'Promis', 'Manque', 'Unité', 'Lien'],
  en: ['Project', 'Organization', 'Need', 'Category', 'Wanted', 'Pledged', 'Missing', 'Unit', 'Link'],
};

/** A need's unit in words; money is shown in dollars rather than cents. */
function amounts(need: Need, lang: Lang): [number, number, string] {
  if (need.category === 'financial') return [need.wanted / 100, need.pledged / 100, '$ CAD'];
  const unit = need.category === 'material' ? localized(need.unit, lang) : need.unit === 'hours' ? (lang === 'fr' ? 'heures' : 'hours') : lang === 'fr' ? 'personnes' : 'people';
  return [need.wanted, need.pledged, unit];
}

const perron = createClient({ nodes, lang });
const rows: Cell[][] = [headers[lang]];
try {
  // The list only says a project has open needs; its detail lists them.
  for await (const summary of perron.projects.list({ community: values.community, status: 'published', limit: 50 })) {
    const project = await perron.projects.get(summary.id, { origin: summary.origin });
    for (const need of project.needs.filter((n: WithOrigin<Need>) => n.status === 'open')) {
      const [wanted, pledged, unit] = amounts(need, lang);
      rows.push([localized(project.title, lang), project.organization.name, localized(need.title, lang), need.category, wanted, pledged, Math.max(0, wanted - pledged), unit, project.url]);
    }
  }
} catch (e) {
  if (!isPerronError(e)) throw e;
  console.error(`${e.name} (${e.code}): ${e.message}`);
  process.exit(1);
}

// The BOM lets Excel read the accents as UTF-8.
const csv = '\uFEFF' + toCsv(rows);
if (values.out) {
  writeFileSync(values.out, csv);
  console.error(`${rows.length - 1} open needs written to ${values.out}`);
} else {
  process.stdout.write(csv);
}
