import * as z from 'zod/mini';
import { Id, LocalizedText, SafeUrl, Slug } from './common.ts';

export const OrganizationKind = z.enum([
  'community_organization',
  'neighbourhood_table',
  'social_economy',
  'business',
  'funder',
  'public_body',
]);
export type OrganizationKind = z.infer<typeof OrganizationKind>;

export const OrganizationSummary = z.object({ id: Id, slug: Slug, name: z.string(), kind: OrganizationKind });
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;

export const Organization = z.object({
  id: Id,
  slug: Slug,
  name: z.string(),
  kind: OrganizationKind,
  description: z.nullable(LocalizedText),
  website: z.nullable(SafeUrl),
  communities: z.array(Slug),
});
export type Organization = z.infer<typeof Organization>;
