import { parse, protocol, type PGlite } from '@electric-sql/pglite';

/** How many named statements the embedded database keeps: a list's SQL takes a shape per combination of filters. */
const KEPT = 64;

/**
 * Named statements on the embedded database, for hot reads. PGlite's `query` parses, analyses and
 * plans every statement again: at 10,000 projects that was about half of a project list's database
 * time. A named statement is parsed once, and PostgreSQL keeps its generic plan once that costs no
 * more than a fresh one (so constants belong in the SQL text, parameters only for what varies).
 * Bind, execute and sync go to the database as one message. Reads only: a write goes through
 * `query` or `tx`, which keep PGlite's own bookkeeping (files synced, transaction state).
 */
export function preparedReads(db: PGlite) {
  const statements = new Map<string, { name: string; types: number[] }>(); // oldest first
  let named = 0;

  async function prepare(sql: string) {
    const name = `perron_${named++}`;
    const messages = await db.execProtocolStream(Buffer.concat([protocol.serialize.parse({ name, text: sql }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()]), { syncToFs: false });
    const statement = { name, types: parse.parseDescribeStatementResults(messages) };
    statements.set(sql, statement);
    if (statements.size > KEPT) await forget(statements.keys().next().value!);
    return statement;
  }

  async function forget(sql: string) {
    const statement = statements.get(sql);
    if (!statement) return;
    statements.delete(sql);
    await db.execProtocolStream(Buffer.concat([protocol.serialize.close({ type: 'S', name: statement.name }), protocol.serialize.sync()]), { syncToFs: false });
  }

  async function run<T>(sql: string, params: unknown[]): Promise<T[]> {
    const statement = statements.get(sql) ?? (await prepare(sql));
    // Most recently used last, so the least used is closed first.
    statements.delete(sql);
    statements.set(sql, statement);
    const values = params.map((value, i) => (value == null ? null : (db.serializers[statement.types[i]!] ?? String)(value)));
    const messages = await db.execProtocolStream(
      Buffer.concat([protocol.serialize.bind({ statement: statement.name, values: values as string[] }), protocol.serialize.describe({ type: 'P' }), protocol.serialize.execute({}), protocol.serialize.sync()]),
      { syncToFs: false },
    );
    return parse.parseResults(messages, db.parsers)[0]!.rows as T[];
  }

  /** Waits for any transaction, as PGlite's own `query` does, then runs the statement alone. */
  return <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    db._runExclusiveTransaction(() =>
      db._runExclusiveQuery(async () => {
        try {
          return await run<T>(sql, params);
        } catch (error) {
          // A migration changed what the statement reads: plan it again, once.
          if ((error as { code?: string }).code !== '0A000') throw error;
          await forget(sql);
          return run<T>(sql, params);
        }
      }),
    );
}
