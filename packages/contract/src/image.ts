import * as z from 'zod/mini';
import { SafeUrl } from './common.ts';

/** What a node accepts as a project's image: checked by content, stored without its metadata. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** An uploaded image, served at a URL that never changes content (its hash), cached for a year. */
export const StoredImage = z.object({
  url: SafeUrl,
  type: z.enum(IMAGE_TYPES),
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
});
export type StoredImage = z.infer<typeof StoredImage>;
