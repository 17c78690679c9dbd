// Starting a node from its environment: what `npm start` (main.ts) and `perron-server` (bin.ts) share.
import { mkdirSync } from 'node:fs';
import { markInUse, storageFromEnv } from './config.ts';
import { startNode } from './index.ts';

/**
 * A node from PORT, HOST, DATABASE_URL or PERRON_DATA_DIR, PUBLIC_URL, SMTP_URL, NODE_ENV, and the
 * WEBHOOK_PRIVATE_TARGETS, and the demo data only when asked (`--demo` or PERRON_DEMO=true). Exits when the demo is asked for in
 * production without the second opt-in.
 */
export async function startFromEnv(argv = process.argv, env = process.env) {
  const production = env.NODE_ENV === 'production';
  const demo = (argv.includes('--demo') || env.PERRON_DEMO === 'true') && env.PERRON_SEED !== 'false';
  // The demo's keys are public: on a production node they would let anyone publish or read contacts.
  const demoInProduction = env.PERRON_DEMO_IN_PRODUCTION === 'i-know-the-demo-keys-are-public';
  if (demo && production && !demoInProduction) {
    console.error(
      [
        '',
        '!!! Refus : données de démonstration demandées avec NODE_ENV=production.',
        "!!! Leurs clés d'API (pk_demo_…) sont publiques : n'importe qui pourrait publier ou lire les contacts.",
        '!!! Refused: demo data asked for with NODE_ENV=production.',
        '!!! Its API keys (pk_demo_…) are public: anyone could publish projects or read contacts.',
        '!!! To do it anyway (a public demo, never real data): PERRON_DEMO_IN_PRODUCTION=i-know-the-demo-keys-are-public',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }

  const storage = storageFromEnv(env);
  if (storage.dataDir) mkdirSync(storage.dataDir, { recursive: true });
  const releaseDataDir = storage.dataDir ? markInUse(storage.dataDir) : () => {};

  const hostname = env.HOST ?? '127.0.0.1';
  const node = await startNode({
    port: Number(env.PORT ?? 8080),
    hostname,
    ...storage,
    baseUrl: env.PUBLIC_URL,
    seed: demo,
    demoInProduction,
    // The demo's mailbox; a public node sets NODE_ENV=production (or SMTP_URL) and has none.
    devMailbox: !production,
    // Webhooks to this machine or a private network: for trying them out locally, never on a public node.
    webhookPrivateTargets: privateWebhookTargets(env, production),
    // Nodes followed and directories imported on this machine (a second local node): likewise, never on a public node.
    readPrivateOrigins: !production,
  });
  return { node, demo, storage, hostname, releaseDataDir };
}

/** `WEBHOOK_PRIVATE_TARGETS=allow|refuse`; by default allowed outside production (a developer's receiver on localhost), refused in it. */
function privateWebhookTargets(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const value = env.WEBHOOK_PRIVATE_TARGETS;
  if (value === 'allow') return true;
  if (value === 'refuse') return false;
  if (value) throw new Error(`WEBHOOK_PRIVATE_TARGETS must be allow or refuse, not ${value}`);
  return !production;
}
