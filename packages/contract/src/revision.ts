import * as z from 'zod/mini';
import { Id, LocalizedText, pageQuery, SafeUrl, text, Timestamp } from './common.ts';
import { Need } from './need.ts';
import { OrganizationSummary } from './organization.ts';

/**
 * What a curator sees again once an item is public: a published project's title, summary and
 * image, and the money needs added to it; an event's title, description, place and link when its
 * community reviews events. Other fields go live at once.
 */
export const PROJECT_REVIEWED_FIELDS = ['title', 'summary', 'image'] as const;
export const EVENT_REVIEWED_FIELDS = ['title', 'description', 'place', 'link'] as const;

/** The reviewed fields of an item: the proposed values, or the live ones they would replace. */
export const RevisionFields = z.object({
  title: z.optional(LocalizedText),
  summary: z.optional(LocalizedText),
  description: z.optional(z.nullable(LocalizedText)),
  image: z.optional(z.nullable(z.object({ url: SafeUrl, alt: LocalizedText }))),
  place: z.optional(z.nullable(z.object({ name: z.string(), address: z.string() }))),
  link: z.optional(z.nullable(SafeUrl)),
});
export type RevisionFields = z.infer<typeof RevisionFields>;

export const RevisionStatus = z.enum(['pending', 'approved', 'rejected']);
export type RevisionStatus = z.infer<typeof RevisionStatus>;

/** Changes to a public item waiting for (or decided by) a curator; the public sees the live version meanwhile. */
export const Revision = z.object({
  id: Id,
  subject: z.enum(['project', 'event']),
  subjectId: Id,
  /** The item's live title, to name it. */
  subjectTitle: LocalizedText,
  /**
   * A new item (an event of a community that reviews events), not public yet: approving publishes
   * it whole. `changes` then holds its reviewed fields as they will be published, `live` nothing.
   */
  newItem: z.boolean(),
  organization: OrganizationSummary,
  status: RevisionStatus,
  changes: RevisionFields,
  /** The live values the changes would replace (read now). */
  live: RevisionFields,
  /** Money needs added to a published project, kept from the public until approved. */
  newNeeds: z.array(Need),
  /** Why a curator rejected it (emailed to the organization). */
  reason: z.nullable(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  decidedAt: z.nullable(Timestamp),
});
export type Revision = z.infer<typeof Revision>;

/** A published item's changes awaiting review, as its organization sees them on the item. */
export const PendingChanges = z.object({ revisionId: Id, changes: RevisionFields, newNeeds: z.array(Id), since: Timestamp });
export type PendingChanges = z.infer<typeof PendingChanges>;

export const RevisionListQuery = z.strictObject({ status: z.optional(RevisionStatus), ...pageQuery });
export type RevisionListQuery = z.input<typeof RevisionListQuery>;
export const RevisionReject = z.strictObject({ reason: text(1000) });
export type RevisionReject = z.infer<typeof RevisionReject>;
