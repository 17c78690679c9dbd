import { IMAGE_TYPES, MAX_IMAGE_BYTES, StoredImage } from '../image.ts';
import { route } from '../route.ts';

/** Images a project shows, uploaded by its organization. */
export const imageRoutes = {
  uploadImage: route({
    method: 'POST',
    path: '/v1/images',
    tag: 'images',
    auth: 'organization',
    summary: 'Upload a JPEG, PNG or WebP (checked by content, metadata removed); use its URL as a project image',
    upload: { types: IMAGE_TYPES, maxBytes: MAX_IMAGE_BYTES },
    // The same bytes give the same URL: a retry stores nothing twice.
    idempotent: false,
    response: StoredImage,
  }),
} as const;
