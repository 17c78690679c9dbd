import { storeImage } from '../services/images.ts';
import type { Handlers } from './types.ts';

export const imagesHandlers = {
  async uploadImage({ q, upload, key, node }) {
    return storeImage(q, node.baseUrl, key!.organizationId!, upload!);
  },
} satisfies Partial<Handlers>;
