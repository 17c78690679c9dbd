import * as z from 'zod/mini';
import { Cursor, Lang, Limit, SafeUrl, Slug, Timestamp } from './common.ts';
import { OriginFilter } from './follow.ts';

// ActivityStreams 2.0 (W3C): the node's public lists as read-only JSON-LD collections, for
// readers of the fediverse and of linked data. Full ActivityPub delivery can come later.

export const ACTIVITY_STREAMS = 'https://www.w3.org/ns/activitystreams';

/** A text in the page's language, with both languages in the `…Map` beside it. */
const LanguageMap = z.object({ fr: z.string(), en: z.optional(z.string()) });
/** The organization: its name in the page's language (its French one when it has no other), both in `nameMap`. */
const Actor = z.object({ type: z.literal('Organization'), name: z.string(), nameMap: LanguageMap, url: SafeUrl });

/** A project, as a `Page` of the web: its public page on its node. */
export const ActivityPage = z.object({
  type: z.literal('Page'),
  id: SafeUrl,
  url: SafeUrl,
  name: z.string(),
  nameMap: LanguageMap,
  summary: z.string(),
  summaryMap: LanguageMap,
  attributedTo: Actor,
  image: z.optional(z.object({ type: z.literal('Image'), url: SafeUrl, name: z.string() })),
  published: Timestamp,
  updated: Timestamp,
});

export const ActivityEvent = z.object({
  type: z.literal('Event'),
  id: SafeUrl,
  url: SafeUrl,
  name: z.string(),
  nameMap: LanguageMap,
  content: z.optional(z.string()),
  contentMap: z.optional(LanguageMap),
  startTime: Timestamp,
  endTime: Timestamp,
  /** A place with its address, or the link of an online event. */
  location: z.object({ type: z.literal('Place'), name: z.string(), url: z.optional(SafeUrl) }),
  attributedTo: Actor,
});

/** The collection itself: where its first page is. */
export const ActivityCollection = z.object({
  '@context': z.literal(ACTIVITY_STREAMS),
  type: z.literal('OrderedCollection'),
  id: SafeUrl,
  name: z.string(),
  first: SafeUrl,
});

/** One page of it, newest (projects) or soonest (events) first; `next` until the last. */
export const activityCollectionPage = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.$ZodType>(item: T) =>
  z.object({
    '@context': z.literal(ACTIVITY_STREAMS),
    type: z.literal('OrderedCollectionPage'),
    id: SafeUrl,
    partOf: SafeUrl,
    orderedItems: z.array(item),
    next: z.optional(SafeUrl),
  });

export const ActivityProjectsPage = activityCollectionPage(ActivityPage);
export const ActivityEventsPage = activityCollectionPage(ActivityEvent);
export const ActivityProjects = z.union([ActivityCollection, ActivityProjectsPage]);
export const ActivityEvents = z.union([ActivityCollection, ActivityEventsPage]);

/** Without `page`: the collection; with `page=true` (and the `cursor` of `next`): a page of it. */
export const ActivityCollectionQuery = z.strictObject({
  page: z.optional(z.literal('true')),
  cursor: z.optional(Cursor),
  limit: z.optional(Limit),
  community: z.optional(Slug),
  /** `local`: without the copies of followed nodes. */
  origin: z.optional(OriginFilter),
  /** The language of `name`, `summary` and `content` (the maps carry both); French by default. */
  lang: z.optional(Lang),
});
export type ActivityCollectionQuery = z.input<typeof ActivityCollectionQuery>;
