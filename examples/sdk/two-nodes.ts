// Reads from two nodes at once: one merged list of projects, each with the node it comes from.
//   node --conditions=source --import ./scripts/ts.mjs examples/sdk/two-nodes.ts --node http://localhost:8080 --node http://localhost:8081 [--lang en]
import { createClient } from '@perron/sdk';
import { localized, readArgs } from './cli.ts';

const { nodes, lang, values } = readArgs('two-nodes.ts --node URL --node URL [--community SLUG] [--lang fr|en]', ['community']);

const perron = createClient({ nodes, lang, retries: 1, timeout: 5_000 });
let count = 0;
for await (const page of perron.projects.list({ ...(values.community ? { community: values.community } : {}), limit: 20 }).pages()) {
  // A node that is down is reported once, and the others still answer.
  for (const { node, error } of page.errors) console.error(`! ${node}: ${error.name} (${error.code})`);
  for (const project of page.items) {
    count++;
    console.log(`${project.createdAt.slice(0, 10)}  ${localized(project.title, lang)}  ← ${project.origin}`);
  }
}
const byNode = (await Promise.all(perron.nodes.map(async (node) => [node, (await perron.info({ origin: node }).catch(() => null))?.name ?? '?']))).map(([n, name]) => `${name} (${n})`);
console.log(`\n${count} project${count === 1 ? '' : 's'} from ${byNode.join(' + ')}`);
