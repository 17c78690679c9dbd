import * as z from 'zod/mini';

// Schemas here are plain, side-effect-free definitions, so a browser bundle keeps only those it
// uses; openapi.ts names them as components by their export names. zod's functions are known to
// be pure, but `.check()` is a method a bundler cannot see into: `/* @__PURE__ */` says it is.

export const Id = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Expected an identifier: 1 to 64 letters, digits, _ or -'));
export const Slug = /* @__PURE__ */ z.string().check(z.maxLength(64), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Expected a slug: lowercase letters and digits joined by -'));
export const Lang = z.enum(['fr', 'en']);
export type Lang = z.infer<typeof Lang>;

/**
 * Characters refused in typed text: NUL (the database can't store it) and the bidirectional
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a title read otherwise than
 * it is written. Right-to-left text itself is welcome.
 */
export const PLAIN_TEXT = /^[^\u0000\u202A-\u202E\u2066-\u2069]*$/;

/** User-typed text: trimmed, never empty, bounded, plain. */
export const text = /* @__NO_SIDE_EFFECTS__ */ (max: number) =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.regex(PLAIN_TEXT, 'Expected text without NUL or bidirectional override characters'));

/**
 * Only http(s): `javascript:` and `data:` URLs never reach a page. Any host, `localhost` included
 * (a dev node); a hostname pattern would pull all of zod's regexes into the browser bundle.
 */
export const SafeUrl = /* @__PURE__ */ z.url({ protocol: /^https?$/, normalize: true }).check(z.maxLength(2048));
export const Email = /* @__PURE__ */ z.email().check(z.maxLength(254));
/** Years a date may have: year 0 can't be stored, and 9999-12-31 has no next day to count to. */
const inYears = (v: string) => Number(v.slice(0, 4)) >= 1900 && Number(v.slice(0, 4)) <= 2999;
export const Timestamp = /* @__PURE__ */ z.iso.datetime({ offset: true }).check(z.refine(inYears, 'Expected a year from 1900 to 2999'));
export const DateOnly = /* @__PURE__ */ z.iso.date().check(z.refine(inYears, 'Expected a year from 1900 to 2999'));
/** Where events happen and are shown; here, not in event.ts, so that formatting a date keeps no event schema in a bundle. */
export const EVENT_TIME_ZONE = 'America/Toronto';

/** A text in French, the default, and optionally English. */
export const LocalizedText = z.object({ fr: z.string(), en: z.optional(z.string()) });
export type LocalizedText = z.infer<typeof LocalizedText>;
/** The same, as written by a client: trimmed and bounded. */
export const localizedInput = /* @__NO_SIDE_EFFECTS__ */ (max: number) => z.strictObject({ fr: text(max), en: z.optional(text(max)) });

export const PAGE_SIZE = { default: 20, max: 100 } as const;
export const Limit = /* @__PURE__ */ z.coerce.number().check(z.int(), z.minimum(1), z.maximum(PAGE_SIZE.max));
/** Opaque keyset cursor: the cost of a page does not grow with its depth. */
export const Cursor = /* @__PURE__ */ z.string().check(z.maxLength(256), z.regex(/^[A-Za-z0-9_-]+$/, 'Expected a cursor returned by a previous page'));

export const pageQuery = { limit: z.optional(Limit), cursor: z.optional(Cursor) };

export const page = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.$ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Header that makes a write safe to retry: a replay returns the first answer. */
export const IdempotencyKey = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'Expected 8 to 128 letters, digits or _.:-'));

export const Consent = z.strictObject({
  /** The version of the notice the person read (see consent.ts). */
  version: /* @__PURE__ */ z.string().check(z.maxLength(32)),
  /** Share my contact with the organizers, for this contribution only (required). */
  shareWithOrganizers: z.literal(true, 'Consent to share your contact with the organizers is required'),
  /** Keep me informed about this project (optional, unchecked by default). */
  updates: z.optional(z.boolean()),
});
export type Consent = z.infer<typeof Consent>;

export const Contact = z.strictObject({ name: text(100), email: Email });
export type Contact = z.infer<typeof Contact>;
