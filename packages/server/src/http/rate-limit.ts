/** Fixed-window counters per client and kind of request; enough for one node process. */
export interface RateLimits {
  /** Writes (POST, PATCH, DELETE) per client per minute. */
  writesPerMinute: number;
  /** Reads per client per minute. */
  readsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { writesPerMinute: 60, readsPerMinute: 1200 };

export function createRateLimiter(limits: RateLimits, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Seconds to wait when over the limit, else 0. */
    take(client: string, write: boolean): number {
      const limit = write ? limits.writesPerMinute : limits.readsPerMinute;
      const key = `${write ? 'w' : 'r'}:${client}`;
      const t = now();
      let w = windows.get(key);
      if (!w || t - w.start >= 60_000) {
        if (windows.size > 50_000) windows.clear(); // bounded memory under a flood of clients
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return w.count > limit ? Math.ceil((w.start + 60_000 - t) / 1000) : 0;
    },
  };
}
