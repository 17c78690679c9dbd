import { createHash, randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate, migrationsKey } from '../../src/db/migrate.ts';
import { startNode, type NodeOptions, type RunningNode } from '../../src/index.ts';
import { seedDemo } from '../../src/seed/index.ts';
import { localDate } from '../../src/services/time-zone.ts';

/**
 * A node for a test file: on the embedded database in memory, or, when DATABASE_URL is set,
 * on a fresh PostgreSQL database of its own, dropped on close.
 */
export async function startTestNode(given: NodeOptions = {}): Promise<RunningNode> {
  // Tests send many emails to one made-up address; the cap has its own test (test/trust).
  const options: NodeOptions = { mailPerRecipientPerHour: 1_000_000, ...given };
  const admin = process.env.DATABASE_URL;
  if (!admin) return startNode({ port: 0, checkResponses: true, devMailbox: true, ...options });
  // A node given its own clock seeds its own demo, dated from it.
  const database = await newTestDatabase(admin, { seeded: options.seed === true && !options.now });
  const node = await startNode({ port: 0, checkResponses: true, databaseUrl: database.url, devMailbox: true, ...options });
  return {
    ...node,
    async close() {
      // The node's pool ends first: dropping its database under open connections would cut them.
      try {
        await node.close();
      } finally {
        await database.drop();
      }
    },
  };
}

/** A fresh database of its own on the cluster at `admin`, copied from the migrated template (and seeded with the demo). */
export async function newTestDatabase(admin: string, { seeded = false } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `perron_test_${randomBytes(6).toString('hex')}`;
  const template = seeded ? await seededTemplate(admin) : await migratedTemplate(admin);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name} template ${template}`);
  await client.end();
  return {
    url: databaseUrl(admin, name),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      c.on('error', () => {}); // the cluster may stop first at the end of a run
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const databaseUrl = (admin: string, name: string) => Object.assign(new URL(admin), { pathname: `/${name}` }).toString();

/**
 * Every test file's database is a copy of one migrated database, made once per cluster and set of
 * migrations (copying is a tenth of running every migration). Built under an advisory lock, as a
 * `_part` renamed when whole, so that parallel files and a run killed midway never use half of one.
 */
async function migratedTemplate(admin: string): Promise<string> {
  return template(admin, `perron_template_${(await migrationsKey()).slice(0, 16)}`, null, migrate);
}

/**
 * The demo data too, for the nodes started with `seed` (most files, every end-to-end stack): a copy
 * costs the cluster less than seeding again. The demo's dates are relative to the day it is loaded,
 * and its rows come from the node's code: the key is the day and every source file of the node.
 */
async function seededTemplate(admin: string): Promise<string> {
  const migrated = await migratedTemplate(admin);
  const day = localDate(new Date()).replaceAll('-', ''); // the seed's own "today", in Montréal
  return template(admin, `perron_seeded_${(await sourcesKey()).slice(0, 16)}_${day}`, migrated, (db) => seedDemo(db, { now: new Date() }));
}

async function template(admin: string, name: string, from: string | null, build: (db: Database) => Promise<unknown>): Promise<string> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(7471)');
    if (!(await client.query('select 1 from pg_database where datname = $1', [name])).rowCount) {
      await client.query(`drop database if exists ${name}_part`);
      await client.query(`create database ${name}_part${from ? ` template ${from}` : ''}`);
      const db = await openDatabase({ url: databaseUrl(admin, `${name}_part`) });
      try {
        await build(db);
      } finally {
        await db.close();
      }
      await client.query(`alter database ${name}_part rename to ${name}`);
    }
    return name;
  } finally {
    await client.end(); // ends the session, and with it the advisory lock
  }
}

let sources: Promise<string> | undefined;
/** A digest of the node's source files: any change to what the seed writes makes a new template. */
function sourcesKey(): Promise<string> {
  return (sources ??= (async () => {
    const hash = createHash('sha256');
    for (const dir of ['../../src', '../../../contract/src']) {
      const root = fileURLToPath(new URL(dir, import.meta.url));
      const files = (await readdir(root, { recursive: true })).filter((f) => /\.tsx?$/.test(f)).sort();
      for (const f of files) hash.update(f).update(await readFile(join(root, f)));
    }
    return hash.digest('hex');
  })());
}

/** fetch against a node, JSON in and out; returns status, headers and parsed body. */
export async function api(node: RunningNode, method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${node.url}${path}`, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (iCalendar, HTML): keep the text
  }
  return { status: res.status, headers: res.headers, body };
}
