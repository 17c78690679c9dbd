import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { App } from '../app.ts';
import { CORS_HEADERS } from '../http/cache.ts';
import { problemBody, problemResponse } from '../http/problem.ts';
import { fileResponse, readStatic } from './files.ts';

/** The browser bundles of @perron/elements, each beside its `.br` and `.gz` (in this repository, where `npm run build` writes them). */
export const ELEMENTS_DIR = join(dirname(createRequire(import.meta.url).resolve('@perron/elements/package.json')), 'dist/browser/');

const HEADERS = {
  ...CORS_HEADERS,
  // Any site may load the elements, also one that isolates itself (COEP).
  'cross-origin-resource-policy': 'cross-origin',
  // One URL, several encodings: a cache keeps one answer per Accept-Encoding.
  vary: 'Accept-Encoding',
};
// Entry scripts keep their names (perron.js, perron-<tag>.js): browsers revalidate by ETag after five minutes.
const ENTRY_CACHE = 'public, max-age=300, stale-while-revalidate=86400';
// Chunks are named by their content's hash: a new build makes new names, so a copy never goes stale.
const CHUNK_CACHE = 'public, max-age=31536000, immutable';

const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/** The encodings a client accepts, by Accept-Encoding (`q=0` refuses one; `*` accepts any). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (!name || (q && Number(q.slice(2)) === 0)) continue;
    if (name === '*') ['br', 'gzip'].forEach((e) => accepted.add(e));
    else accepted.add(name);
  }
  return accepted;
}

/** `/elements/*`: the built web components, for any site to load with one script tag. */
export function elementsPages(app: App): void {
  app.get('/elements/*', async (c) => {
    const path = c.req.path.slice('/elements/'.length);
    const headers = { ...HEADERS, 'cache-control': path.startsWith('chunks/') ? CHUNK_CACHE : ENTRY_CACHE };
    const accepted = acceptedEncodings(c.req.header('accept-encoding'));
    if (path.endsWith('.js')) {
      // Compressed at build time (scripts/rollup-precompress.mjs): the best the client takes, if it is there.
      for (const [encoding, suffix] of ENCODINGS) {
        if (!accepted.has(encoding)) continue;
        const file = await readStatic(ELEMENTS_DIR, path + suffix);
        if (file) return fileResponse({ ...file, type: 'text/javascript; charset=utf-8', etag: file.etag.replace(/"$/, `-${encoding}"`) }, c.req.header('if-none-match'), { ...headers, 'content-encoding': encoding });
      }
    }
    const file = await readStatic(ELEMENTS_DIR, path);
    if (file) return fileResponse(file, c.req.header('if-none-match'), headers);
    const built = existsSync(`${ELEMENTS_DIR}perron.js`);
    const problem = built
      ? problemBody('not_found', `No file ${path} in the elements bundle`, { requestId: c.get('requestId') })
      : problemBody('unavailable', 'The elements are not built on this node: run `npm run build` (npm start does it), then reload.', { requestId: c.get('requestId') });
    return problemResponse(problem, { ...CORS_HEADERS, 'cache-control': 'no-store', ...(built ? {} : { 'retry-after': '10' }) });
  });
}
