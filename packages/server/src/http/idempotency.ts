import type { Database, Queryable } from '../db/database.ts';
import { sha256 } from '../ids.ts';
import { ProblemError } from './problem.ts';

interface Answer {
  status: number;
  answer: unknown;
}

/**
 * Runs a write once per (scope, key). The key's row is inserted in the write's own transaction:
 * a concurrent request with the same key waits on it, then replays the committed answer; a write
 * that fails leaves no row, so its retry runs again.
 */
export async function withIdempotency(
  db: Database,
  { scope, key, request }: { scope: string; key: string; request: unknown },
  write: (q: Queryable) => Promise<Answer>,
): Promise<Answer & { replayed: boolean }> {
  const hash = sha256(JSON.stringify(request));
  return db.tx(async (q) => {
    const claimed = await q.query(
      `insert into idempotency_keys (scope, key, request_hash, status, response) values ($1, $2, $3, 0, 'null')
       on conflict (scope, key) do nothing returning key`,
      [scope, key, hash],
      { prepared: true },
    );
    if (!claimed.length) {
      const [first] = await q.query<{ request_hash: string; status: number; response: unknown }>(
        'select request_hash, status, response from idempotency_keys where scope = $1 and key = $2',
        [scope, key],
      );
      if (!first || first.request_hash !== hash) throw new ProblemError('idempotency_conflict');
      return { status: first.status, answer: first.response, replayed: true };
    }
    const { status, answer } = await write(q);
    await q.query('update idempotency_keys set status = $3, response = $4 where scope = $1 and key = $2', [scope, key, status, JSON.stringify(answer)], { prepared: true });
    return { status, answer, replayed: false };
  });
}
