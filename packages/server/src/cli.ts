#!/usr/bin/env node
// The server package's command: `perron-server admin <command>` (from the repository:
// `npm run perron -- <command>`). Works on the node's own storage: DATABASE_URL, else the
// embedded database in PERRON_DATA_DIR (default .data/node), which the node must not hold open.
import { mkdirSync } from 'node:fs';
import { AdminError, runAdmin, USAGE } from './cli/admin.ts';
import { storageFromEnv, usedBy } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';

const args = process.argv.slice(2);
if (args[0] === 'admin') args.shift();
if (!args.length || args[0] === 'help' || args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}

const storage = storageFromEnv();
if (storage.dataDir) {
  const pid = usedBy(storage.dataDir);
  if (pid) {
    console.error(
      `Le nœud (pid ${pid}) utilise la base intégrée ${storage.dataDir} : arrêtez-le d'abord, ou utilisez PostgreSQL (DATABASE_URL).\n` +
        `The node (pid ${pid}) holds the embedded database ${storage.dataDir}: stop it first, or use PostgreSQL (DATABASE_URL).`,
    );
    process.exit(1);
  }
  mkdirSync(storage.dataDir, { recursive: true });
}

const db = await openDatabase({ url: storage.databaseUrl, dataDir: storage.dataDir });
let code = 0;
try {
  await migrate(db);
  const lines = await db.tx((q) => runAdmin(args, q, new Date()));
  console.log(lines.join('\n'));
} catch (error) {
  code = 1;
  if (error instanceof AdminError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error((error as Error).message);
  else if ((error as { code?: string }).code === '23505') console.error('Existe déjà / already exists');
  else throw error;
} finally {
  await db.close();
}
process.exit(code);
