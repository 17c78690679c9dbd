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

/** `name` is the organization's French name; `nameEn` its English one, present when it gave one (English pages show it). */
export const OrganizationSummary = z.object({ id: Id, slug: Slug, name: z.string(), nameEn: z.optional(z.string()), kind: OrganizationKind });
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;

export const Organization = z.object({
  id: Id,
  slug: Slug,
  /** Its French name, the one it is known by. */
  name: z.string(),
  /** Its English name, present when it gave one. */
  nameEn: z.optional(z.string()),
  kind: OrganizationKind,
  description: z.nullable(LocalizedText),
  website: z.nullable(SafeUrl),
  /** Its logo's address, present when it gave one; its name is the image's text alternative. */
  logo: z.optional(SafeUrl),
  communities: z.array(Slug),
});
export type Organization = z.infer<typeof Organization>;

/** An organization's name as a page in `lang` shows it: its English name on English pages when it has one, else its French one. */
export const organizationName = (o: { name: string; nameEn?: string }, lang: 'fr' | 'en'): string => (lang === 'en' && o.nameEn) || o.name;
