import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { migrationsKey } from './migrate.ts';

// A fresh embedded database runs PostgreSQL's initdb, then every migration: seconds of CPU on each
// start, and the tests start hundreds of nodes. A new database (in memory or in an empty directory)
// therefore starts from a copy of a freshly migrated one, kept in the OS's temporary folder under a key made of
// PGlite's version and the migrations' text: any change to either makes a new copy.

async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  hash.update(JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8')).version);
  return hash.update(await migrationsKey()).digest('hex').slice(0, 16);
}

// The key reads every migration: once per process, not on each database opened.
let path: Promise<string> | undefined;
const templatePath = () => (path ??= templateKey().then((key) => join(tmpdir(), `perron-pglite-${key}.tar`)));

/** The migrated template, or null when there is none yet (or it can't be read). */
export async function readTemplate(): Promise<Blob | null> {
  try {
    return new Blob([await readFile(await templatePath())]);
  } catch {
    return null;
  }
}

/** Keeps a just-migrated database as the template; written whole then renamed, so that parallel processes never read half of one. */
export async function saveTemplate(db: PGlite): Promise<void> {
  try {
    const path = await templatePath();
    const part = `${path}.${process.pid}.part`;
    await writeFile(part, Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer()));
    await rename(part, path);
  } catch (error) {
    console.warn(`The embedded database's template could not be kept (${(error as Error).message}); the next start migrates again`);
  }
}
