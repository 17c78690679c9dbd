import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page of some other site, really served from its own origin: where a snippet gets pasted. */
export async function hostPage(body: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((ok) => (server.close(() => ok()), server.closeAllConnections())),
  };
}
