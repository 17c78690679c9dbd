import * as z from 'zod/mini';
import { Id, Slug, Timestamp } from './common.ts';

/**
 * Which items a public list shows: `all` (the default) adds the copies of the nodes this node
 * follows, each with its `origin`; `local` only this node's own.
 */
export const OriginFilter = z.enum(['all', 'local']);
export type OriginFilter = z.infer<typeof OriginFilter>;

/**
 * An item copied from a followed node carries the base URL of the node that holds it (no trailing
 * slash): reads and writes about it go there. Not normalized, which would add a slash.
 */
export const Origin = /* @__PURE__ */ z.url({ protocol: /^https?$/ }).check(z.maxLength(2048));

/** Another node this node keeps a copy of (its published projects, needs and events). */
export const Follow = z.object({
  id: Id,
  /** The followed node's base URL. */
  url: Origin,
  /** Its name, from its `/.well-known/perron.json`, once read. */
  name: z.nullable(z.string()),
  /** The communities followed there (slugs of the origin); empty: all of them. */
  communities: z.array(Slug),
  /** pending: not read yet; ok: the last poll succeeded; unreachable: it failed, the copy is kept and retried later. */
  state: z.enum(['pending', 'ok', 'unreachable']),
  lastError: z.nullable(z.string()),
  polledAt: z.nullable(Timestamp),
  nextPollAt: Timestamp,
  projectCount: z.number(),
  eventCount: z.number(),
  createdAt: Timestamp,
});
export type Follow = z.infer<typeof Follow>;

export const FollowCreate = z.strictObject({
  url: Origin,
  communities: z.optional(/* @__PURE__ */ z.array(Slug).check(z.maxLength(20))),
});
export type FollowCreate = z.infer<typeof FollowCreate>;
