import type { Queryable } from '../db/database.ts';
import { newId, newToken, sha256 } from '../ids.ts';

export interface NewApiKey {
  role: 'organization' | 'curator';
  organizationId?: string;
  /** Community ids a curator reviews. */
  communityIds?: string[];
  label: string;
  /** A known key (demo data); otherwise a random one. */
  secret?: string;
}

/** Makes a key and returns it in clear: the only time it is seen, since only its hash is kept. */
export async function createApiKey(q: Queryable, k: NewApiKey): Promise<string> {
  return (await makeApiKey(q, k)).secret;
}

/** The same, with the key's id (to name it when revoking). */
export async function makeApiKey(q: Queryable, k: NewApiKey): Promise<{ id: string; secret: string }> {
  const secret = k.secret ?? `pk_${newToken()}`;
  const id = newId('key');
  await q.query('insert into api_keys (id, hash, role, organization_id, label) values ($1, $2, $3, $4, $5)', [
    id,
    sha256(secret),
    k.role,
    k.organizationId ?? null,
    k.label,
  ]);
  for (const communityId of k.communityIds ?? []) {
    await q.query('insert into curator_communities (api_key_id, community_id) values ($1, $2)', [id, communityId]);
  }
  return { id, secret };
}

export interface ApiKeyListed {
  id: string;
  label: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** An organization's keys, active first, newest first. */
export function listOrganizationKeys(q: Queryable, organizationId: string): Promise<ApiKeyListed[]> {
  return q.query<ApiKeyListed>(
    `select id, label, created_at as "createdAt", revoked_at as "revokedAt" from api_keys
      where organization_id = $1 order by revoked_at is not null, created_at desc, id`,
    [organizationId],
  );
}

/**
 * Revokes a key at once (the next request with it gets a 401). `organizationId` null: any key
 * (the node's operator). Returns the revoked key's organization and label, or null when there
 * was no such active key.
 */
export async function revokeApiKey(q: Queryable, id: string, organizationId: string | null, now: Date): Promise<{ organizationId: string | null; label: string } | null> {
  const [row] = await q.query<{ organizationId: string | null; label: string }>(
    `update api_keys set revoked_at = $2 where id = $1 and revoked_at is null and ($3::text is null or organization_id = $3)
     returning organization_id as "organizationId", label`,
    [id, now, organizationId],
  );
  return row ?? null;
}
