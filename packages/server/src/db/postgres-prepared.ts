import type pg from 'pg';

/** How many statement texts a node process names: every connection of the pool may keep each of them. */
const NAMED = 128;

/**
 * Named statements on PostgreSQL, for the hot reads and the pledge's writes. An unnamed statement
 * is parsed and planned again at every use: that was half of PostgreSQL's time for a page of
 * projects, and about half for a pledge (docs/performance.md). node-postgres parses a named
 * statement once per connection, at its first use there, and sends only bind and execute after.
 * The first NAMED texts get a name; past that, a statement runs unnamed (a list takes a shape per
 * combination of filters, so the bound is what keeps each connection's memory in check).
 */
export function statementNames() {
  const names = new Map<string, string>();
  // A migration that changes what a statement returns makes PostgreSQL refuse its old plan (0A000):
  // every text then gets a new name, prepared again on each connection.
  let generation = 0;
  return {
    config(sql: string, values: unknown[] | undefined, types: pg.CustomTypesConfig, prepared: boolean): pg.QueryConfig {
      let name = prepared ? names.get(sql) : undefined;
      if (prepared && !name && names.size < NAMED) names.set(sql, (name = `perron_${generation}_${names.size}`));
      return { text: sql, values, types, name };
    },
    isStale: (error: unknown) => (error as { code?: string }).code === '0A000',
    renew() {
      generation++;
      names.clear();
    },
  };
}
