import * as z from 'zod/mini';
import { SafeUrl } from './common.ts';

const Pixels = /* @__PURE__ */ z.coerce.number().check(z.int(), z.minimum(1), z.maximum(4000));

/** oEmbed 1.0 (oembed.com): a consumer such as WordPress asks how to embed a page of this node. */
// Not strict: consumers add parameters of their own (WordPress: `discover`, `dnt`).
export const OEmbedQuery = z.object({
  /** A project or event page of this node. */
  url: SafeUrl,
  /** Only JSON is answered. */
  format: z.optional(z.literal('json')),
  maxwidth: z.optional(Pixels),
  maxheight: z.optional(Pixels),
  lang: z.optional(z.enum(['fr', 'en'])),
});
export type OEmbedQuery = z.input<typeof OEmbedQuery>;

/**
 * A `rich` answer: `html` is a `<blockquote>` with a link (shown where frames are not) and a
 * sandboxed `<iframe>` of the node's embed page, which sends its height as WordPress expects.
 */
export const OEmbed = z.object({
  version: z.literal('1.0'),
  type: z.literal('rich'),
  title: z.string(),
  author_name: z.string(),
  provider_name: z.string(),
  provider_url: SafeUrl,
  html: z.string(),
  width: z.number(),
  height: z.number(),
  cache_age: z.number(),
});
export type OEmbed = z.infer<typeof OEmbed>;
