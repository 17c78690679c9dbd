import type { Database } from '../db/database.ts';
import { claimJobs, enqueue, failJob, finishJob, forgetDoneJobs } from './jobs.ts';
import { loggedError, maskEmails } from '../http/log.ts';

export interface JobContext {
  db: Database;
  /** The worker's clock for this run (tests move it forward to reach a retry). */
  at: Date;
  /** 1 on the first try. */
  attempt: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a job's payload is JSON whose shape its handler knows
export type JobHandler = (payload: any, ctx: JobContext) => Promise<void>;

export interface JobOptions {
  /** Tries before the job is marked failed (default 10: about 2 h of back-off). */
  maxAttempts?: number;
}

export interface WorkerOptions {
  db: Database;
  /** Poll for due jobs this often; 0: only when asked (`runOnce`, `drain`). Default 1000. */
  pollMs?: number;
  /** How long a claimed job is held before another process may take it again (default 2 min). */
  leaseMs?: number;
  /** Retry delay: `backoffMs · 2^(attempt-1)`, at most `maxBackoffMs` (defaults 10 s and 1 h). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Jobs claimed and run together per round. */
  batch?: number;
  clock?: () => Date;
}

export interface Worker {
  /** Runs jobs of this kind (enqueued with `enqueue(q, kind, payload)` in a write's transaction). */
  handle(kind: string, handler: JobHandler, options?: JobOptions): void;
  /** Runs `task` once per `intervalMs`, in one process of all those on the database. */
  every(kind: string, intervalMs: number, task: (ctx: JobContext) => Promise<void>): void;
  /** Claims and runs every job due at `at` (default: now) until none is left; how many ran. */
  runOnce(at?: Date): Promise<number>;
  /** Waits for the run under way, if any, then runs what is due: for tests. */
  drain(): Promise<number>;
  /** Looks for work soon (after a write committed). */
  wake(): void;
  start(): void;
  /** Stops polling and waits for the jobs under way. */
  stop(): Promise<void>;
}

/**
 * The node's background worker. Jobs live in the `jobs` table; a claim is one UPDATE over
 * `SELECT … FOR UPDATE SKIP LOCKED`, the same on PGlite and PostgreSQL, so several node
 * processes share the work and never run one job twice at once. A job runs outside any
 * transaction: a slow SMTP server or webhook receiver holds a lease, not the database.
 */
export function createWorker(options: WorkerOptions): Worker {
  const { db } = options;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 120_000;
  const backoffMs = options.backoffMs ?? 10_000;
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000;
  const batch = options.batch ?? 10;
  const clock = options.clock ?? (() => new Date());
  const handlers = new Map<string, { run: JobHandler; maxAttempts: number }>();
  const periodic: { kind: string; intervalMs: number }[] = [];
  // The slot each periodic task was last enqueued for by this process: once per slot, not on every
  // poll (the dedupe key keeps other processes from doubling it; seven inserts a second cost an idle node 5 % of a core).
  const enqueuedSlot = new Map<string, number>();

  let running: Promise<number> = Promise.resolve(0);
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let stopped = false;
  let ticking = false;
  let again = false;

  const retryAt = (attempt: number, at: Date) => new Date(at.getTime() + Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1)));

  async function runDue(at: Date): Promise<number> {
    // Each periodic task's current slot, enqueued once whichever process gets here first.
    for (const p of periodic) {
      const slot = Math.floor(at.getTime() / p.intervalMs);
      if (enqueuedSlot.get(p.kind) === slot) continue;
      await enqueue(db, p.kind, {}, { dedupeKey: `${p.kind}@${slot}`, runAt: new Date(slot * p.intervalMs) });
      enqueuedSlot.set(p.kind, slot);
    }
    let ran = 0;
    for (;;) {
      if (stopped && started) break;
      const jobs = await claimJobs(db, [...handlers.keys()], at, leaseMs, batch);
      if (!jobs.length) break;
      await Promise.all(
        jobs.map(async (job) => {
          const handler = handlers.get(job.kind)!;
          try {
            await handler.run(job.payload, { db, at, attempt: job.attempts });
            await finishJob(db, job.id, clock());
          } catch (error) {
            const last = job.attempts >= handler.maxAttempts;
            // The error's message only, addresses masked (an SMTP refusal quotes its recipient): never the payload.
            await failJob(db, job.id, maskEmails(String((error as Error)?.message ?? error)), last ? null : retryAt(job.attempts, clock()), clock());
          }
          ran++;
        }),
      );
    }
    return ran;
  }

  const worker: Worker = {
    handle(kind, run, o = {}) {
      handlers.set(kind, { run, maxAttempts: o.maxAttempts ?? 10 });
    },
    every(kind, intervalMs, task) {
      periodic.push({ kind, intervalMs });
      worker.handle(kind, (_payload, ctx) => task(ctx), { maxAttempts: 3 });
    },
    runOnce(at) {
      if (stopped) return Promise.resolve(0);
      // One round at a time in a process: the next one starts when this one ends.
      const next = running.catch(() => 0).then(() => runDue(at ?? clock()));
      running = next;
      return next;
    },
    drain: () => worker.runOnce(),
    wake() {
      if (!started || stopped) return;
      if (ticking) again = true; // a write committed during this round: look again right after it
      else schedule(0);
    },
    start() {
      if (started || pollMs <= 0) return;
      started = true;
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => 0);
    },
  };

  // One timer at most: a stopped worker leaves nothing behind to touch a closed database.
  function schedule(ms: number) {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(tick, ms);
  }

  function tick() {
    if (stopped) return;
    ticking = true;
    again = false;
    worker
      .runOnce()
      .catch((error) => console.error(`worker: ${loggedError(error)}`))
      .finally(() => {
        ticking = false;
        schedule(again ? 0 : pollMs);
      });
  }

  worker.every('worker.forget-done', 3_600_000, ({ db: q, at }) => forgetDoneJobs(q, new Date(at.getTime() - 7 * 86_400_000)));
  return worker;
}
