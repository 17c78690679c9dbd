import { imageRoutes } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import type { CallOptions } from '../http.ts';

/** With an organization's key: upload a JPEG, PNG or WebP (a Blob or File); use the answer's `url` as a project's image. */
export const uploadImage = (core: PerronCore, image: Blob, o?: CallOptions) => core.call(imageRoutes.uploadImage, { body: image }, o);
