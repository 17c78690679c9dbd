#!/usr/bin/env node
// `perron-server` (`npx @perron/server`): a node set up by the same environment variables as
// `npm start`, with its embedded database in ./.data/node unless DATABASE_URL or PERRON_DATA_DIR
// says otherwise. No demo data unless PERRON_SEED=true: its API keys are public.
import { resolve } from 'node:path';
import { nodeOptionsFromEnv } from './env.ts';
import { startNode } from './index.ts';

const options = nodeOptionsFromEnv(process.env, { dataDir: resolve('.data/node'), seed: false });
const node = await startNode(options);
console.log(`Perron — nœud démarré / node started: ${node.url}`);
console.log(`Base de données / database: ${options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : options.dataDir}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void node.close().then(() => process.exit(0)));
}
