import * as z from 'zod/mini';
import { Lang, SafeUrl, Slug } from './common.ts';
import { OrganizationSummary } from './organization.ts';

/** `/.well-known/perron.json`: what a client or another node needs to know about this node. */
export const NodeInfo = z.object({
  name: z.string(),
  version: z.string(),
  url: SafeUrl,
  api: SafeUrl,
  openapi: SafeUrl,
  elements: SafeUrl,
  languages: z.array(Lang),
  timeZone: z.string(),
  consentVersion: z.string(),
  /** The public lists as ActivityStreams 2.0 collections (absent from older nodes). */
  activityStreams: z.optional(z.object({ projects: SafeUrl, events: SafeUrl })),
  /** Its resource directory as an Open Referral HSDS 3 API (absent from older nodes). */
  hsds: z.optional(SafeUrl),
});
export type NodeInfo = z.infer<typeof NodeInfo>;

/** Who an API key acts for. */
export const KeyIdentity = z.object({
  role: z.enum(['organization', 'curator']),
  /** The organization the key belongs to (organization keys). */
  organization: z.nullable(OrganizationSummary),
  /** The communities it reviews (curator keys). */
  communities: z.array(Slug),
});
export type KeyIdentity = z.infer<typeof KeyIdentity>;
