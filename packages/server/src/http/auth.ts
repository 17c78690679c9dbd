import type { Queryable } from '../db/database.ts';
import { sha256 } from '../ids.ts';
import { ProblemError } from './problem.ts';

/** The API key a request carries, as the handlers need it. */
export interface ApiKey {
  id: string;
  role: 'organization' | 'curator';
  organizationId: string | null;
  /** Community ids a curator reviews. */
  communityIds: string[];
}

/** `Authorization: Bearer <key>` → the key, null without the header, 401 for a bad key. */
export async function resolveKey(q: Queryable, header: string | undefined): Promise<ApiKey | null> {
  if (!header) return null;
  // The scheme is case-insensitive (RFC 9110): `bearer` and `BEARER` are Bearer.
  const match = /^Bearer +([A-Za-z0-9_-]{10,200})$/i.exec(header);
  if (!match) throw new ProblemError('unauthorized', 'Expected "Authorization: Bearer <API key>"');
  const rows = await q.query<{ id: string; role: ApiKey['role']; organization_id: string | null; communities: string[] | null }>(
    `select k.id, k.role, k.organization_id,
            (select array_agg(community_id) from curator_communities c where c.api_key_id = k.id) as communities
       from api_keys k where k.hash = $1 and k.revoked_at is null`,
    [sha256(match[1]!)],
  );
  const row = rows[0];
  if (!row) throw new ProblemError('unauthorized', 'This API key is unknown or revoked');
  return { id: row.id, role: row.role, organizationId: row.organization_id, communityIds: row.communities ?? [] };
}

/** Checks the key against what the route needs. */
export function authorize(key: ApiKey | null, need: 'public' | 'key' | 'organization' | 'curator'): void {
  if (need === 'public') return;
  if (!key) throw new ProblemError('unauthorized');
  if (need !== 'key' && key.role !== need) throw new ProblemError('forbidden', `This route needs ${need === 'curator' ? "a curator's" : "an organization's"} API key`);
}
