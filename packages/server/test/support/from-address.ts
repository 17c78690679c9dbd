import { request } from 'node:http';
import type { RunningNode } from '../../src/index.ts';

/**
 * A JSON request to a node from another loopback address (127.0.0.2, 127.0.0.3 …): how a test
 * plays several people on several networks without a proxy in front.
 */
export function apiFrom(address: string, node: RunningNode, method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers: Record<string, string> = { ...init.headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}) };
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = request(`http://127.0.0.1:${node.port}${path}`, { method, headers, localAddress: address }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: any = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          // a page, not JSON
        }
        resolve({ status: res.statusCode!, body });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}
