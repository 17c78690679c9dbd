import * as z from 'zod/mini';
import { DateOnly, Id, localizedInput, LocalizedText, pageQuery, SafeUrl, Slug, text, Timestamp } from './common.ts';
import { Need, NeedCategory } from './need.ts';
import { Origin, OriginFilter } from './follow.ts';
import { OrganizationSummary } from './organization.ts';
import { PendingChanges } from './revision.ts';

/** As a plain list too: the elements offer the themes without zod in their bundles. */
export const THEMES = [
  'agriculture',
  'environment',
  'education',
  'culture',
  'inclusion',
  'local_commerce',
  'food_security',
  'health',
  'housing',
  'mobility',
  'youth',
  'seniors',
  'sport',
  'heritage',
] as const;
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

/** draft → submitted → published → completed | cancelled; a curator may reject a submission. */
export const ProjectStatus = z.enum(['draft', 'submitted', 'published', 'completed', 'cancelled', 'rejected']);
export type ProjectStatus = z.infer<typeof ProjectStatus>;
/** What anyone may read; the rest is visible to the owner (and curators, for submissions). */
export const PUBLIC_PROJECT_STATUSES = ['published', 'completed', 'cancelled'] as const satisfies ProjectStatus[];

export const PartnerRole = z.enum(['funder', 'partner', 'sponsor']);
export type PartnerRole = z.infer<typeof PartnerRole>;
/** A partner as a project's organization names it: another organization of the node, by slug. */
export const PartnerInput = z.strictObject({ organization: Slug, role: PartnerRole });
/**
 * A partnership is public only once the partner organization accepted it in its workspace. Public
 * answers list accepted partners only, without a status; the project's own organization sees
 * every partner it named, with its status.
 */
export const PartnershipStatus = z.enum(['proposed', 'accepted', 'declined']);
export type PartnershipStatus = z.infer<typeof PartnershipStatus>;

/** A project that names the key's organization as its partner, as that partner sees it. */
export const Partnership = z.object({
  project: z.object({ id: Id, title: LocalizedText }),
  /** The organization that named this one. */
  organization: OrganizationSummary,
  role: PartnerRole,
  status: PartnershipStatus,
  proposedAt: z.nullable(Timestamp),
  decidedAt: z.nullable(Timestamp),
});
export type Partnership = z.infer<typeof Partnership>;
/** The partner's answer: accepted (public from then on), or declined (also after accepting). */
export const PartnershipAnswer = z.strictObject({ status: z.enum(['accepted', 'declined']) });

const CategoryProgress = z.object({
  /** Number of needs in the category, and how many are filled. */
  needs: z.number(),
  filled: z.number(),
  /** Mean of each need's pledged/wanted, capped at 1 per need: 0 to 1. */
  ratio: z.number(),
});
export const ProjectProgress = z.object({
  human: CategoryProgress,
  material: CategoryProgress,
  financial: z.extend(CategoryProgress, { wantedCents: z.number(), pledgedCents: z.number() }),
});
export type ProjectProgress = z.infer<typeof ProjectProgress>;

export const Project = z.object({
  id: Id,
  status: ProjectStatus,
  title: LocalizedText,
  summary: LocalizedText,
  description: z.nullable(LocalizedText),
  themes: z.array(Theme),
  communities: z.array(Slug),
  organization: OrganizationSummary,
  image: z.nullable(z.object({ url: SafeUrl, alt: LocalizedText })),
  startsOn: z.nullable(DateOnly),
  endsOn: z.nullable(DateOnly),
  partners: z.array(z.object({ organization: OrganizationSummary, role: PartnerRole, status: z.optional(PartnershipStatus) })),
  /** People who support the project: its confirmed supporters and its counted pledgers, each email once. */
  supporterCount: z.number(),
  /**
   * Set by the organization: its money needs take pledges once `threshold` supporters are reached
   * (`unlocked`); until then a money pledge is refused (409 `crowdfunding_locked`). Once unlocked,
   * it stays so. Null: no threshold, money needs are open.
   */
  crowdfunding: z.nullable(z.object({ threshold: z.number(), unlocked: z.boolean() })),
  progress: ProjectProgress,
  rejectionReason: z.nullable(z.string()),
  /** The project's public page on its node, for links and the no-script fallback. */
  url: SafeUrl,
  /** Present on a copy from a followed node: the node that holds the project (reads and writes go there). */
  origin: z.optional(Origin),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Project = z.infer<typeof Project>;

/** A project with its needs, in one request. */
export const ProjectDetail = z.extend(Project, {
  needs: z.array(Need),
  /** To its organization only: reviewed changes that wait for a curator (the fields above are the live ones). */
  pendingChanges: z.optional(PendingChanges),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const ProjectListQuery = z.strictObject({
  /** A community's slug; its sub-communities are included. */
  community: z.optional(Slug),
  organization: z.optional(Slug),
  /** An organization's slug: only the projects it supports (funder, partner or sponsor). */
  partner: z.optional(Slug),
  theme: z.optional(Theme),
  status: z.optional(ProjectStatus),
  /** Words searched in titles and summaries, in either language. */
  q: z.optional(text(100)),
  /** Only projects with an open need of this category. */
  needs: z.optional(NeedCategory),
  /** `local`: without the copies of followed nodes. */
  origin: z.optional(OriginFilter),
  ...pageQuery,
});
export type ProjectListQuery = z.input<typeof ProjectListQuery>;

const projectFields = {
  title: localizedInput(140),
  summary: localizedInput(400),
  description: z.optional(localizedInput(5000)),
  themes: /* @__PURE__ */ z.array(Theme).check(z.minLength(1), z.maxLength(5)),
  communities: /* @__PURE__ */ z.array(Slug).check(z.minLength(1), z.maxLength(5)),
  image: z.optional(z.strictObject({ url: SafeUrl, alt: localizedInput(200) })),
  startsOn: z.optional(DateOnly),
  endsOn: z.optional(DateOnly),
  /** Supporters needed before the money needs open to pledges; null removes the threshold. */
  crowdfundingThreshold: z.optional(z.nullable(/* @__PURE__ */ z.number().check(z.int(), z.minimum(1), z.maximum(100_000)))),
  /** The organizations that support the project, by slug, with their role; the whole list (an empty one removes them all). */
  partners: z.optional(/* @__PURE__ */ z.array(PartnerInput).check(z.maxLength(10))),
};
export const ProjectCreate = z.strictObject(projectFields);
export type ProjectCreate = z.infer<typeof ProjectCreate>;
export const ProjectUpdate = z.partial(z.strictObject(projectFields));
export type ProjectUpdate = z.infer<typeof ProjectUpdate>;
export const ProjectReject = z.strictObject({ reason: text(1000) });
export const ProjectPath = z.strictObject({ id: Id });
