import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { migrate } from './migrate.ts';
import { preparedReads } from './pglite-prepared.ts';
import { statementNames } from './postgres-prepared.ts';
import { readTemplate, saveTemplate } from './pglite-template.ts';

/** What queries run against: the database itself or a transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface QueryOptions {
  /**
   * A hot statement (a page of projects, one project, a pledge's steps): kept named and planned
   * (pglite-prepared.ts, postgres-prepared.ts). The embedded database does so for reads outside a
   * transaction only.
   */
  prepared?: boolean;
}

/**
 * One interface over the embedded database (PGlite) and PostgreSQL: the same SQL runs on both.
 * Writes run in `tx`; on PostgreSQL they lock what they check (SELECT … FOR UPDATE), on PGlite
 * transactions are serialized anyway.
 */
export interface Database extends Queryable {
  kind: 'pglite' | 'postgres';
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; when absent, the embedded database. */
  url?: string;
  /** Where the embedded database keeps its files; in memory when absent. */
  dataDir?: string;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPGlite(options.dataDir);
}

async function openPGlite(dataDir?: string): Promise<Database> {
  // pg_trgm: the search index (migration 050), as on PostgreSQL.
  const extensions = { pg_trgm };
  if (dataDir && !isEmptyDir(dataDir)) return wrapPGlite(await PGlite.create({ dataDir, extensions }));
  // A new database: from the migrated template when there is one; otherwise migrate, and keep it as the template.
  const where = dataDir ? { dataDir } : {};
  const template = await readTemplate();
  if (template) return wrapPGlite(await PGlite.create({ ...where, loadDataDir: template, extensions }));
  const pglite = await PGlite.create({ ...where, extensions });
  const db = wrapPGlite(pglite);
  await migrate(db);
  await saveTemplate(pglite);
  return db;
}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

function wrapPGlite(db: PGlite): Database {
  const prepared = preparedReads(db);
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[], options?: QueryOptions) {
      if (options?.prepared) return prepared<T>(sql, params);
      return (await db.query<T>(sql, params as unknown[])).rows;
    },
    exec: async (sql) => void (await db.exec(sql)),
    tx<T>(fn: (q: Queryable) => Promise<T>) {
      return db.transaction((t) =>
        fn({
          query: async <R>(sql: string, params?: unknown[]) => (await t.query<R>(sql, params as unknown[])).rows,
          exec: async (sql) => void (await t.exec(sql)),
        }),
      );
    },
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection hears of the server going away (a restart, a failover, a dropped test
  // database) as an 'error' event; unheard, it would end the process. The pool opens a new one.
  pool.on('error', (error) => console.warn(`PostgreSQL: an idle connection was closed (${error.message}); the next query opens another`));
  const names = statementNames();
  async function query<T>(client: pg.Pool | pg.PoolClient, sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]> {
    const prepared = options?.prepared ?? false;
    try {
      return (await client.query(names.config(sql, params, types, prepared))).rows as T[];
    } catch (error) {
      // A migration made the statement's plan stale: every text gets a new name. Outside a
      // transaction it runs again, once; inside one, the transaction is already aborted and fails.
      if (!prepared || !names.isStale(error)) throw error;
      names.renew();
      if (client !== pool) throw error;
      return (await client.query(names.config(sql, params, types, prepared))).rows as T[];
    }
  }
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: <T>(sql: string, params?: unknown[], options?: QueryOptions) => query<T>(pool, sql, params, options),
    exec: async (sql) => void (await pool.query(sql)),
    async tx<T>(fn: (q: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({
          query: <R>(sql: string, params?: unknown[], options?: QueryOptions) => query<R>(client, sql, params, options),
          exec: async (sql) => void (await client.query(sql)),
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Parse as PGlite does: int8 (count(*)) as a number, a date as UTC midnight (pg: local midnight). */
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (v: string) => Number(v);
    if (oid === 1082) return (v: string) => new Date(`${v}T00:00:00Z`);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};
