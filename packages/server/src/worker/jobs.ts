import type { Queryable } from '../db/database.ts';
import { newId } from '../ids.ts';

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** At most one job with this key, whoever enqueues it. */
  dedupeKey?: string;
}

/**
 * Adds a job in the caller's transaction: it exists only if the write commits, and the worker of
 * any node process on the database runs it after the commit.
 */
export async function enqueue(q: Queryable, kind: string, payload: unknown = {}, options: EnqueueOptions = {}): Promise<string> {
  const id = newId('job');
  await q.query(
    `insert into jobs (id, kind, payload, dedupe_key, run_at) values ($1, $2, $3, $4, coalesce($5::timestamptz, now()))
     on conflict (dedupe_key) do nothing`,
    [id, kind, JSON.stringify(payload), options.dedupeKey ?? null, options.runAt?.toISOString() ?? null],
  );
  return id;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
}

/** Takes up to `limit` due jobs of these kinds for `leaseMs`; rows another process holds are skipped, not waited on. */
export function claimJobs(q: Queryable, kinds: string[], at: Date, leaseMs: number, limit: number): Promise<ClaimedJob[]> {
  return q.query<ClaimedJob>(
    `update jobs set locked_until = $2::timestamptz + make_interval(secs => $3), attempts = attempts + 1
      where id in (select id from jobs
                    where kind = any($1::text[]) and done_at is null and failed_at is null
                      and run_at <= $2 and (locked_until is null or locked_until <= $2)
                    order by run_at, id limit $4
                    for update skip locked)
      returning id, kind, payload, attempts`,
    [kinds, at.toISOString(), leaseMs / 1000, limit],
  );
}

export async function finishJob(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query('update jobs set done_at = $2, locked_until = null, last_error = null where id = $1', [id, at.toISOString()]);
}

/** A failed attempt: run again at `retryAt`, or give up (`retryAt` null) and keep the row for the record. */
export async function failJob(q: Queryable, id: string, error: string, retryAt: Date | null, at: Date): Promise<void> {
  await q.query(
    `update jobs set locked_until = null, last_error = $2,
            run_at = coalesce($3::timestamptz, run_at), failed_at = case when $3::timestamptz is null then $4::timestamptz end
      where id = $1`,
    [id, error.slice(0, 500), retryAt?.toISOString() ?? null, at.toISOString()],
  );
}

/** Finished jobs are forgotten after a week; failed ones stay for an operator to read. */
export async function forgetDoneJobs(q: Queryable, before: Date): Promise<void> {
  await q.query('delete from jobs where done_at < $1', [before.toISOString()]);
}
