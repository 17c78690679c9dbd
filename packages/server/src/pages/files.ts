import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../app.ts';
import { problemBody, problemResponse } from '../http/problem.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export const contentType = (path: string): string => TYPES[extname(path)] ?? 'application/octet-stream';

export interface StaticFile {
  body: Buffer;
  etag: string;
  type: string;
}

/**
 * A file under `root` by its URL path, or null when it is not there (or the path tries to leave
 * `root`). Read on each request: files change under `npm run build` while the node runs.
 */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${sep}${relative}`);
  if (!file.startsWith(base + sep)) return null;
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    return { body: await readFile(file), etag: `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`, type: contentType(file) };
  } catch {
    return null;
  }
}

/** 200 with the file, or 304 when the browser already has this version. */
export function fileResponse(file: StaticFile, ifNoneMatch: string | undefined, headers: Record<string, string>): Response {
  const all = { ...headers, etag: file.etag, 'content-type': file.type };
  if (ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === file.etag)) return new Response(null, { status: 304, headers: all });
  return new Response(new Uint8Array(file.body), { status: 200, headers: all });
}

/** The node pages' own files (styles, the embed builder's script). */
export const STATIC_DIR = fileURLToPath(new URL('../static/', import.meta.url));

export function staticFiles(app: App): void {
  app.get('/static/*', async (c) => {
    const file = await readStatic(STATIC_DIR, c.req.path.slice('/static/'.length));
    if (!file) return problemResponse(problemBody('not_found', `No file ${c.req.path}`, { requestId: c.get('requestId') }));
    return fileResponse(file, c.req.header('if-none-match'), { 'cache-control': 'public, max-age=300', 'cross-origin-resource-policy': 'same-origin' });
  });
}
