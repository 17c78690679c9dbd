import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { App } from '../app.ts';
import { CORS_HEADERS } from '../http/cache.ts';
import { problemBody, problemResponse } from '../http/problem.ts';
import { fileResponse, readStatic } from './files.ts';

/** Where rollup writes the browser bundles (`npm run build`). */
export const ELEMENTS_DIR = fileURLToPath(new URL('../../../elements/dist/browser/', import.meta.url));

const HEADERS = {
  ...CORS_HEADERS,
  // Any site may load the elements, also one that isolates itself (COEP).
  'cross-origin-resource-policy': 'cross-origin',
  // Names are stable (perron.js), so browsers revalidate by ETag after five minutes.
  'cache-control': 'public, max-age=300, stale-while-revalidate=86400',
};

/** `/elements/*`: the built web components, for any site to load with one script tag. */
export function elementsPages(app: App): void {
  app.get('/elements/*', async (c) => {
    const path = c.req.path.slice('/elements/'.length);
    const file = await readStatic(ELEMENTS_DIR, path);
    if (file) return fileResponse(file, c.req.header('if-none-match'), HEADERS);
    const built = existsSync(`${ELEMENTS_DIR}perron.js`);
    const problem = built
      ? problemBody('not_found', `No file ${path} in the elements bundle`, { requestId: c.get('requestId') })
      : problemBody('unavailable', 'The elements are not built on this node: run `npm run build` (npm start does it), then reload.', { requestId: c.get('requestId') });
    return problemResponse(problem, { ...CORS_HEADERS, 'cache-control': 'no-store', ...(built ? {} : { 'retry-after': '10' }) });
  });
}
