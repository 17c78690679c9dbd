// `npm start`: a node with demo data, kept on disk so pledges survive a restart.
import { mkdirSync } from 'node:fs';
import { startNode } from './index.ts';

const root = new URL('../../../', import.meta.url).pathname;
const dataDir = process.env.PERRON_DATA_DIR ?? `${root}.data/node`;
if (!process.env.DATABASE_URL) mkdirSync(dataDir, { recursive: true });

const node = await startNode({
  port: Number(process.env.PORT ?? 8080),
  hostname: process.env.HOST ?? '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATABASE_URL ? undefined : dataDir,
  baseUrl: process.env.PUBLIC_URL,
  seed: process.env.PERRON_SEED !== 'false',
});

console.log(`
Perron — nœud démarré / node started: ${node.url}
  ${node.url}/                      accueil / home
  ${node.url}/v1/openapi.json       API (OpenAPI 3.1)
  ${node.url}/elements/perron.js    éléments / elements
  ${node.url}/embed                 générateur d'intégration / embed builder
  ${node.url}/dev/mail              boîte de courriels de développement / dev mailbox
Base de données / database: ${process.env.DATABASE_URL ? 'PostgreSQL' : dataDir}
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void node.close().then(() => process.exit(0)));
}
