// A community's week: new projects, upcoming events, most supported ideas, in French or English.
//   node --conditions=source --import ./scripts/ts.mjs examples/sdk/weekly-digest.ts --node http://localhost:8080 --community villeray --lang en
import { createClient, isPerronError } from '@perron/sdk';
import { localized, readArgs } from './cli.ts';
import { formatDigest } from './digest.ts';

const { nodes, lang, values } = readArgs('weekly-digest.ts --node URL --community SLUG [--lang fr|en]', ['community']);
const slug = values.community;
if (!slug) throw new Error('--community is required');

const DAY = 86_400_000;
const now = Date.now();
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

const perron = createClient({ nodes, lang });
try {
  const [community, projects, events, ideas] = await Promise.all([
    perron.communities.get(slug),
    // Newest first: stop at the first project older than a week.
    (async () => {
      const out = [];
      for await (const p of perron.projects.list({ community: slug })) {
        if (Date.parse(p.createdAt) < now - 7 * DAY) break;
        out.push(p);
      }
      return out;
    })(),
    perron.events.list({ community: slug, from: isoDay(now), to: isoDay(now + 7 * DAY) }).toArray({ max: 20 }),
    perron.ideas.list({ community: slug, sort: 'support', limit: 5 }).then((page) => page.items),
  ]);
  console.log(formatDigest({ community: localized(community.name, lang), projects, events, ideas }, lang));
} catch (e) {
  if (!isPerronError(e)) throw e;
  console.error(`${e.name} (${e.code}): ${e.message}`);
  process.exit(1);
}
