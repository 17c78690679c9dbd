import { mkdirSync } from 'node:fs';
import type { NodeOptions } from './index.ts';

type Env = Record<string, string | undefined>;

/**
 * A node's options from its environment: the variables `npm start` and `perron-server` both read
 * (PORT, HOST, DATABASE_URL, PERRON_DATA_DIR, PUBLIC_URL, SMTP_URL, PERRON_SEED, NODE_ENV).
 * `dataDir` is where the embedded database lives when neither DATABASE_URL nor PERRON_DATA_DIR says.
 */
export function nodeOptionsFromEnv(env: Env, defaults: { dataDir: string; seed: boolean }): NodeOptions {
  const dataDir = env.DATABASE_URL ? undefined : (env.PERRON_DATA_DIR ?? defaults.dataDir);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return {
    port: Number(env.PORT ?? 8080),
    hostname: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL,
    dataDir,
    baseUrl: env.PUBLIC_URL,
    seed: env.PERRON_SEED ? !['false', '0'].includes(env.PERRON_SEED) : defaults.seed,
    // The demo's mailbox; a public node sets NODE_ENV=production (or SMTP_URL) and has none.
    devMailbox: env.NODE_ENV !== 'production',
  };
}
