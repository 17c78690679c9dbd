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
  return secret;
}
