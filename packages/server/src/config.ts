import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where the node keeps its data: PostgreSQL (DATABASE_URL) or the embedded database's directory. */
export function storageFromEnv(env = process.env): { databaseUrl?: string; dataDir?: string } {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  // Relative to where the command runs: the repository's root for npm scripts, any folder for `npx @perron/server`.
  return { dataDir: resolve(env.PERRON_DATA_DIR ?? '.data/node') };
}

/**
 * The embedded database is one process's files: a second process opening them at once would
 * corrupt them. The node marks its directory while it runs; the admin command checks the mark.
 */
const lockFile = (dataDir: string) => join(dirname(dataDir), `${dataDir.split('/').filter(Boolean).at(-1)}.pid`);

export function markInUse(dataDir: string): () => void {
  const file = lockFile(dataDir);
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

/** The pid of a live process using the directory, or null. */
export function usedBy(dataDir: string): number | null {
  const file = lockFile(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // a node that died without cleaning up
  }
}
