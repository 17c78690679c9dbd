import type { App } from '../app.ts';
import type { NodeServices } from '../handlers/types.ts';
import { readImage, typeOfExtension } from '../services/images.ts';

/** `/images/<sha-256>.<ext>`: an uploaded image. Its name is its content's hash, so it never changes: cached for a year. */
export function imagePages(app: App, node: NodeServices): void {
  app.get('/images/:file{[0-9a-f]{64}\\.(?:jpg|png|webp)}', async (c) => {
    const [id, ext] = c.req.param('file').split('.') as [string, string];
    const image = await readImage(node.db, id);
    if (!image || image.type !== typeOfExtension(ext)) return c.notFound();
    return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': image.type,
      'cache-control': 'public, max-age=31536000, immutable',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      etag: `"${id}"`,
    });
  });
}
