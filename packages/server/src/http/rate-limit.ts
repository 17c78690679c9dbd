import type { Database } from '../db/database.ts';

/** Requests per client per minute (fixed windows), for the API and the pages alike. */
export interface RateLimits {
  /** Writes (POST, PATCH, DELETE) per client per minute. */
  writesPerMinute: number;
  /** Reads per client per minute. */
  readsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { writesPerMinute: 60, readsPerMinute: 1200 };

export interface RateLimiter {
  /** Counts one request; seconds to wait when over the limit, else 0. */
  take(client: string, write: boolean): Promise<number>;
}

const WINDOW_MS = 60_000;

/**
 * Counters in this process's memory, for at most `maxClients` clients: past that, the client
 * seen least recently is forgotten (a flood of new addresses can't reset a busy client's count).
 */
export function memoryRateLimiter(limits: RateLimits, options: { maxClients?: number; now?: () => number } = {}): RateLimiter & { size(): number } {
  const maxClients = options.maxClients ?? 100_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: deleting and re-adding on each use keeps it least-recent first.
  const windows = new Map<string, { start: number; count: number }>();
  const takeNow = (client: string, write: boolean): number => {
    const key = `${write ? 'w' : 'r'}:${client}`;
    const t = now();
    let w = windows.get(key);
    windows.delete(key);
    if (!w || t - w.start >= WINDOW_MS) w = { start: t, count: 0 };
    windows.set(key, w);
    if (windows.size > maxClients) windows.delete(windows.keys().next().value!);
    w.count++;
    return w.count > (write ? limits.writesPerMinute : limits.readsPerMinute) ? Math.ceil((w.start + WINDOW_MS - t) / 1000) : 0;
  };
  return { take: async (client, write) => takeNow(client, write), size: () => windows.size };
}

/**
 * On PostgreSQL, writes are counted in the database, so every node process behind a load balancer
 * shares one limit per client; reads stay in each process's memory (they are cheap, cached, and
 * an upsert per read would cost more than the read).
 */
export function databaseRateLimiter(db: Database, limits: RateLimits, reads: RateLimiter = memoryRateLimiter(limits)): RateLimiter {
  return {
    async take(client, write) {
      if (!write) return reads.take(client, false);
      const t = Date.now();
      const start = Math.floor(t / WINDOW_MS) * WINDOW_MS;
      const [row] = await db.query<{ count: number }>(
        `insert into rate_limit_counts (key, window_start, count) values ($1, $2, 1)
         on conflict (key, window_start) do update set count = rate_limit_counts.count + 1 returning count`,
        [client, new Date(start).toISOString()],
        { prepared: true },
      );
      return row!.count > limits.writesPerMinute ? Math.max(1, Math.ceil((start + WINDOW_MS - t) / 1000)) : 0;
    },
  };
}

/** Deletes the windows of past minutes. */
export async function forgetRateWindows(db: Database, at: Date): Promise<void> {
  await db.query('delete from rate_limit_counts where window_start < $1', [new Date(at.getTime() - 2 * WINDOW_MS).toISOString()]);
}

/**
 * Who is asking: the socket's address, or, when that address is a trusted proxy (`TRUST_PROXY`),
 * the nearest address in `X-Forwarded-For` that is not one of the trusted proxies. Without a
 * trusted proxy the header is ignored: anyone can write it.
 */
export function clientAddress(socket: string | undefined, forwardedFor: string | undefined, trusted: ReadonlySet<string>): string {
  let client = normalize(socket ?? 'local');
  if (!trusted.has(client) || !forwardedFor) return client;
  const hops = forwardedFor.split(',').map((a) => normalize(a.trim())).filter(Boolean);
  while (hops.length && trusted.has(client)) client = hops.pop()!;
  return client;
}

/** `TRUST_PROXY=10.0.0.5, 10.0.0.6` → the set of proxy addresses. */
export function trustedProxies(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((a) => normalize(a.trim())).filter(Boolean));
}

const normalize = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '').toLowerCase();
