import type { Queryable } from '../db/database.ts';

/**
 * Many rows in one INSERT: the demo's hundreds of pledges, votes and registrations went in one
 * statement each, and every node a test or `npm start` seeds paid for each round trip.
 * Chunked well under PostgreSQL's 65,535 parameters per statement.
 */
export async function insertRows(q: Queryable, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void> {
  const perStatement = Math.floor(30_000 / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = chunk.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    await q.query(`insert into ${table} (${columns.join(', ')}) values ${values.join(', ')}`, chunk.flat());
  }
}
