// The example sites, served from another origin than the node, as a real organization's site is.
// Their HTML says {{NODE}} where the node's address goes: the snippet pasted from /embed.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const SITES = ['community-site', 'caisse-showcase'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * What a careful host sends: scripts only from itself and the node, no inline script or style.
 * The elements work under it; that is the promise this policy keeps checking.
 */
export function hostPolicy(node: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${node}`,
    `connect-src ${node}`,
    `img-src 'self' ${node} https: data:`,
    "style-src 'self'",
    // Lit's own policy is the only one the elements need.
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface ExampleServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function file(path: string): Promise<string | null> {
  if (path.includes('\0')) return null;
  const full = resolve(ROOT, `.${sep}${path}`);
  const site = SITES.find((s) => full.startsWith(resolve(ROOT, s) + sep));
  if (!site || !TYPES[extname(full)]) return null;
  try {
    return (await stat(full)).isFile() ? full : null;
  } catch {
    return null;
  }
}

/** Serves examples/<site>/ with the node's URL put into every page. */
export async function startExamples(options: { node: string; port?: number; hostname?: string }): Promise<ExampleServer> {
  const node = options.node.replace(/\/$/, '');
  const server: Server = createServer(async (req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      path = '/';
    }
    if (path === '/') {
      res.writeHead(302, { location: '/community-site/' }).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const found = await file(path);
    if (!found || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(found ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' }).end(found ? 'Method not allowed' : 'Not found');
      return;
    }
    const type = TYPES[extname(found)]!;
    let body: Buffer | string = await readFile(found);
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) {
      body = body.toString('utf8').replaceAll('{{NODE}}', node);
      headers['content-security-policy'] = hostPolicy(node);
      headers['referrer-policy'] = 'strict-origin-when-cross-origin';
    }
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, options.hostname ?? '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
