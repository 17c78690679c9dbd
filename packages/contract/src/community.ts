import * as z from 'zod/mini';
import { Id, LocalizedText, Slug } from './common.ts';

export const CommunityKind = z.enum(['territorial', 'interest']);
export const CommunityLevel = z.enum(['region', 'city', 'borough', 'neighbourhood']);

export const Community = z.object({
  id: Id,
  slug: Slug,
  kind: CommunityKind,
  /** Territorial communities nest: a neighbourhood in a borough in a city. */
  level: z.nullable(CommunityLevel),
  parent: z.nullable(Slug),
  name: LocalizedText,
  description: z.nullable(LocalizedText),
});
export type Community = z.infer<typeof Community>;
