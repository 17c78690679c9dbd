import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const dir = MIGRATIONS_DIR;

/** Applies, in order and once each, the SQL files of migrations/ that the database lacks. */
export async function migrate(db: Database): Promise<string[]> {
  await db.query('create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())');
  const applied = new Set((await db.query<{ version: string }>('select version from schema_migrations')).map((r) => r.version));
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const done: string[] = [];
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    if (applied.has(version)) continue;
    const sql = await readFile(new URL(file, dir), 'utf8');
    await db.tx(async (q) => {
      await q.exec(sql);
      await q.query('insert into schema_migrations (version) values ($1)', [version]);
    });
    done.push(version);
  }
  return done;
}

/** A digest of every migration's name and text: a migrated copy kept under it is current while it is. */
export async function migrationsKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()) hash.update(file).update(await readFile(new URL(file, dir)));
  return hash.digest('hex');
}
