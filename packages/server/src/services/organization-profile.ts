import type { LocalizedText } from '@perron/contract';
import type { Queryable } from '../db/database.ts';

export interface OrganizationProfile {
  name: { fr: string; en?: string };
  description?: LocalizedText | null;
  website?: string | null;
  logoUrl?: string | null;
}

export async function getProfile(q: Queryable, organizationId: string): Promise<OrganizationProfile> {
  const [row] = await q.query<{ name: string; name_en: string | null; description: LocalizedText | null; website: string | null; logo_url: string | null }>(
    'select name, name_en, description, website, logo_url from organizations where id = $1',
    [organizationId],
  );
  return { name: { fr: row!.name, ...(row!.name_en ? { en: row!.name_en } : {}) }, description: row!.description, website: row!.website, logoUrl: row!.logo_url };
}

/** Replaces the profile: a field left empty is cleared. */
export async function saveProfile(q: Queryable, organizationId: string, p: OrganizationProfile): Promise<void> {
  await q.query('update organizations set name = $2, name_en = $3, description = $4, website = $5, logo_url = $6 where id = $1', [
    organizationId,
    p.name.fr,
    p.name.en ?? null,
    p.description ?? null,
    p.website ?? null,
    p.logoUrl ?? null,
  ]);
}
