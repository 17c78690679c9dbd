import type { Database } from '../db/database.ts';
import { expireHolds } from './pledge-holds.ts';

/** How often the node purges. A hold stops reserving places at its end whatever the purge; the purge erases what it kept. */
export const PURGE_EVERY_MS = 60 * 60_000;

export interface PurgeReport {
  expiredHolds: number;
}

/**
 * Everything the node erases on a schedule (docs/node.md, "Personal data": what is kept and how
 * long). Idempotent; each step its own transaction, so one failing leaves the others done.
 */
export async function purge(db: Database, now: Date): Promise<PurgeReport> {
  const expiredHolds = await db.tx((q) => expireHolds(q, now));
  return { expiredHolds };
}
