// `npm start`: a node with demo data, kept on disk so pledges survive a restart, and the example
// sites on the next port: another origin, as a community organization's own website is.
import { mkdirSync } from 'node:fs';
import { startExamples, type ExampleServer } from '../../../examples/serve.ts';
import { startNode } from './index.ts';
import { DEMO_KEYS } from './seed/demo-ids.ts';

const root = new URL('../../../', import.meta.url).pathname;
const dataDir = process.env.PERRON_DATA_DIR ?? `${root}.data/node`;
if (!process.env.DATABASE_URL) mkdirSync(dataDir, { recursive: true });

const port = Number(process.env.PORT ?? 8080);
const hostname = process.env.HOST ?? '127.0.0.1';
const node = await startNode({
  port,
  hostname,
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATABASE_URL ? undefined : dataDir,
  baseUrl: process.env.PUBLIC_URL,
  seed: process.env.PERRON_SEED !== 'false',
  // The demo's mailbox; a public node sets NODE_ENV=production (or SMTP_URL) and has none.
  devMailbox: process.env.NODE_ENV !== 'production',
});

let examples: ExampleServer | undefined;
const examplesPort = Number(process.env.EXAMPLES_PORT ?? node.port + 1);
try {
  examples = await startExamples({ node: node.url, port: examplesPort, hostname });
  process.env.PERRON_EXAMPLES_URL = examples.url; // the home page links to them
} catch (error) {
  console.warn(`Sites d'exemple non servis / example sites not served (port ${examplesPort}): ${(error as Error).message}`);
}

const line = (url: string, fr: string, en: string) => `  ${url.padEnd(48)} ${fr} / ${en}`;
console.log(
  [
    '',
    `Perron — nœud démarré / node started: ${node.url}`,
    line(`${node.url}/`, 'accueil: tout commence ici', 'home: start here'),
    line(`${node.url}/embed`, "générateur d'intégration", 'embed builder'),
    line(`${node.url}/v1/openapi.json`, "l'API (OpenAPI 3.1)", 'the API (OpenAPI 3.1)'),
    line(`${node.url}/.well-known/perron.json`, 'fiche du nœud', 'node info'),
    line(`${node.url}/elements/perron.js`, 'les éléments web', 'the web components'),
    ...(node.services.devMailbox ? [line(`${node.url}/dev/mail`, 'boîte de courriels de développement', 'dev mailbox')] : []),
    ...(examples
      ? [
          '',
          `Sites d'exemple, sur une autre origine / example sites, on another origin: ${examples.url}`,
          line(`${examples.url}/community-site/`, "site d'un organisme de quartier (français)", "a neighbourhood organization's site (French)"),
          line(`${examples.url}/community-site/en.html`, 'le même, en anglais', 'the same, in English'),
          line(`${examples.url}/caisse-showcase/`, "vitrine d'une caisse", "a caisse's showcase"),
        ]
      : []),
    ...(process.env.PERRON_SEED !== 'false'
      ? [
          '',
          "Clés d'API de démonstration / demo API keys (Authorization: Bearer …):",
          line(DEMO_KEYS.carrefourVilleray, 'Carrefour communautaire Villeray', 'an organization (pk_demo_<slug>)'),
          line(DEMO_KEYS.curator, 'curateur de Montréal', 'Montréal curator'),
        ]
      : []),
    '',
    `Base de données / database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : dataDir}`,
    'Storybook: npm run storybook → http://localhost:6006',
    'Arrêt / stop: Ctrl+C',
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void Promise.all([examples?.close(), node.close()]).then(() => process.exit(0)));
}
