#!/usr/bin/env node
// `perron-server` (`npx @perron/server`), the server package's command:
//   perron-server [start] [--demo]    a node, set up by the same environment variables as `npm start`
//   perron-server admin <command>     people, organizations and keys on the node's storage (cli.ts)
// The embedded database lives in ./.data/node unless DATABASE_URL or PERRON_DATA_DIR says otherwise.
export {}; // a module (top-level await), though it exports nothing
const command = process.argv[2];

if (command === 'admin' || command === 'help' || command === '--help') {
  await import('./cli.ts');
} else if (command === undefined || command === 'start' || command === '--demo') {
  const { startFromEnv } = await import('./start.ts');
  const { node, demo, storage, releaseDataDir } = await startFromEnv();
  console.log(
    [
      `Perron — nœud démarré / node started: ${node.url}`,
      `Base de données / database: ${storage.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : storage.dataDir}`,
      demo ? 'Données de démonstration / demo data: oui / yes' : 'Premiers organismes, personnes et clés / first organizations, people and keys: perron-server admin help',
    ].join('\n'),
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () =>
      void node.close().then(() => {
        releaseDataDir();
        process.exit(0);
      }),
    );
  }
} else {
  console.error(`perron-server: « ${command} » ? Usage: perron-server [start] [--demo] | perron-server admin <command> | perron-server help`);
  process.exit(2);
}
