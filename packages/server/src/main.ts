// The node's process. `npm start` runs it with `--demo`: demo data, its public API keys and staff,
// kept on disk so pledges survive a restart, and the example sites on the next port (another
// origin, as a community organization's own website is). Without `--demo` (or PERRON_DEMO=true)
// the node starts empty: its first people and keys come from the admin command.
import { startExamples, type ExampleServer } from '../../../examples/serve.ts';
import { DEMO_KEYS, DEMO_STAFF } from './seed/demo-ids.ts';
import { startFromEnv } from './start.ts';

const { node, demo, storage, hostname, releaseDataDir } = await startFromEnv();

let examples: ExampleServer | undefined;
if (demo) {
  const examplesPort = Number(process.env.EXAMPLES_PORT ?? node.port + 1);
  try {
    examples = await startExamples({ node: node.url, port: examplesPort, hostname });
    process.env.PERRON_EXAMPLES_URL = examples.url; // the home page links to them
  } catch (error) {
    console.warn(`Sites d'exemple non servis / example sites not served (port ${examplesPort}): ${(error as Error).message}`);
  }
}

const line = (url: string, fr: string, en: string) => `  ${url.padEnd(48)} ${fr} / ${en}`;
console.log(
  [
    '',
    `Perron — nœud démarré / node started: ${node.url}`,
    line(`${node.url}/`, 'accueil: tout commence ici', 'home: start here'),
    line(`${node.url}/workspace`, 'espace des organismes', 'organization workspace'),
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
    ...(demo
      ? [
          '',
          "Démo : clés d'API / demo API keys (Authorization: Bearer …):",
          line(DEMO_KEYS.carrefourVilleray, 'Carrefour communautaire Villeray', 'an organization (pk_demo_<slug>)'),
          line(DEMO_KEYS.curator, 'curateur de Montréal', 'Montréal curator'),
          '',
          `Démo : personnes qui se connectent à ${node.url}/workspace (lien dans ${node.url}/dev/mail) / demo people who sign in:`,
          line(DEMO_STAFF.carrefourVilleray, 'admin de Carrefour communautaire Villeray', 'an admin (admin.<slug>@example.org)'),
          line(DEMO_STAFF.carrefourEditor, 'éditrice de Carrefour communautaire Villeray', 'an editor'),
          line(DEMO_STAFF.curator, 'curateur de Montréal', 'Montréal curator'),
        ]
      : [
          '',
          "Nœud sans données de démonstration / a node without demo data: créez ses premiers organismes, personnes et clés / create its first organizations, people and keys:",
          '  npm run perron -- help',
        ]),
    '',
    `Base de données / database: ${storage.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : storage.dataDir}`,
    ...(demo ? ['Storybook: npm run storybook → http://localhost:6006'] : []),
    'Arrêt / stop: Ctrl+C',
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () =>
    void Promise.all([examples?.close(), node.close()]).then(() => {
      releaseDataDir();
      process.exit(0);
    }),
  );
}
