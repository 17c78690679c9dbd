// What the node sends out of the operator's network: webhooks (a URL an organization typed), and the
// worker's reads of followed nodes and imported directories (a URL a curator typed). Without these
// checks it would reach, from inside that network, its loopback services, its private network or a
// cloud's metadata address (169.254.169.254). A URL is checked when it is saved, and again after DNS
// resolution at each request, on the very address the socket connects to, so that a name that
// resolves elsewhere later (DNS rebinding) gains nothing.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
import { Readable } from 'node:stream';

// Two lists: a BlockList matches an IPv4 address against IPv6 rules too, and ::ffff:0:0/96 would take them all.
const PRIVATE_V4 = new BlockList();
const PRIVATE_V6 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 included
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) PRIVATE_V4.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96], // IPv4-mapped: whatever IPv4 address it carries
  ['64:ff9b::', 96], // NAT64: likewise
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) PRIVATE_V6.addSubnet(net, bits, 'ipv6');

/** Whether an IP address is loopback, private, link-local, unique-local, multicast or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? PRIVATE_V4.check(address, 'ipv4') : PRIVATE_V6.check(address, 'ipv6');
}

/** The URL's host when it names this machine or a private network by itself (an IP literal, localhost). */
export function privateHost(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return host;
  return isPrivateAddress(host) ? host : null;
}

export class PrivateTargetError extends Error {
  override name = 'PrivateTargetError';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that fails when the name resolves to any private address (the socket then never connects). */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) return callback(new PrivateTargetError(`${hostname} resolves to a private address (${refused.address})`), '');
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first) return callback(new PrivateTargetError(`${hostname} resolves to no address`), '');
    callback(null, first.address, first.family);
  });
}

/**
 * Where a request connects, and how it is checked unless `allowPrivate`: an IP literal is connected
 * to without a lookup, so it is refused here (thrown: call it inside the request's promise); a name
 * is checked once resolved, on the address the socket will use.
 */
function connection(url: string, allowPrivate: boolean) {
  const target = new URL(url);
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isPrivateAddress(literal)) throw new PrivateTargetError(`${literal} is a private address`);
  return { target, request: target.protocol === 'https:' ? httpsRequest : httpRequest, checked: allowPrivate ? {} : { lookup: publicOnlyLookup as never } };
}

/**
 * One POST to a webhook endpoint: no redirect followed, `timeoutMs` for the whole exchange. Unless
 * `allowPrivate`, a private target is refused before any connection (IP literal) or at resolution.
 */
export function postToTarget(url: string, headers: Record<string, string>, body: string, o: { allowPrivate: boolean; timeoutMs: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    const { target, request, checked } = connection(url, o.allowPrivate);
    const req = request(
      target,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: o.timeoutMs, ...checked },
      (res: IncomingMessage) => {
        res.resume(); // the answer's body is not read, only its status
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => req.destroy(Object.assign(new Error(`No answer in ${o.timeoutMs / 1000} s`), { name: 'TimeoutError' })), o.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(Object.assign(new Error(`No answer in ${o.timeoutMs / 1000} s`), { name: 'TimeoutError' })));
    req.on('error', reject);
    req.end(body);
  });
}

/** How the worker reads another server (a followed node, a directory): a GET as `fetch` answers it. */
export type Fetcher = (url: string, init: { headers: Record<string, string>; signal: AbortSignal; redirect: 'error' }) => Promise<Response>;

/**
 * The worker's reads. Unless `allowPrivate`, a URL naming a private address is refused before any
 * connection, and a name that resolves to one at resolution. A redirect is an error, as
 * `redirect: 'error'` is for fetch: a public address must not send the worker elsewhere.
 */
export function outboundFetch(o: { allowPrivate: boolean }): Fetcher {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const { target, request, checked } = connection(url, o.allowPrivate);
      const req = request(target, { method: 'GET', headers: init.headers, signal: init.signal, ...checked }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && status !== 304) {
          res.resume();
          return reject(new Error(`${status}: redirected to ${res.headers.location ?? 'nowhere'}, not followed`));
        }
        const headers = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        const empty = status === 204 || status === 304;
        if (empty) res.resume();
        resolve(new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, headers }));
      });
      req.on('error', reject);
      req.end();
    });
}
