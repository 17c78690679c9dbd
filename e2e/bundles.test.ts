// The elements' bundles as browsers and caches receive them: Brotli to a browser that takes it,
// gzip to one that takes only that, plain otherwise; hashed chunks kept for good, entry scripts
// revalidated by ETag. Raw HTTP (node:http): fetch would decompress and hide Content-Encoding.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startNode, type RunningNode } from '@perron/server';
import { ensureElementsBuilt } from './support/stack.ts';

let node: RunningNode;
before(async () => {
  ensureElementsBuilt();
  node = await startNode({ port: 0 });
});
after(() => node?.close());

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(`${node.url}${path}`, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
    })
      .on('error', reject)
      .end();
  });
}

const CHROME = 'gzip, deflate, br, zstd';

for (const path of ['/elements/perron.js', '/elements/perron-project-card.js']) {
  test(`${path}: Brotli for a browser that takes it, gzip or plain for the others, the same script each time`, async () => {
    const plain = await get(path);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.body.toString('utf8'), /customElements/);

    const br = await get(path, { 'accept-encoding': CHROME });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.ok(br.body.length < plain.body.length / 3, `${br.body.length} bytes of Brotli for ${plain.body.length}`);
    assert.deepEqual(brotliDecompressSync(br.body), plain.body);

    const gz = await get(path, { 'accept-encoding': 'gzip, deflate' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.body), plain.body);

    const refused = await get(path, { 'accept-encoding': 'br;q=0, gzip' });
    assert.equal(refused.headers['content-encoding'], 'gzip');

    // Each encoding is its own version for a cache: its own ETag, and a 304 for it.
    assert.notEqual(br.headers.etag, plain.headers.etag);
    const again = await get(path, { 'accept-encoding': CHROME, 'if-none-match': String(br.headers.etag) });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });
}

test('entry scripts, and the parts a page may preload by name, are short-lived and revalidated; chunks named by their hash are immutable', async () => {
  // forms.js and en-CA.js keep their names from build to build, so that a page can name them in a modulepreload.
  for (const path of ['/elements/perron.js', '/elements/forms.js', '/elements/en-CA.js']) {
    const entry = await get(path, { 'accept-encoding': CHROME });
    assert.equal(entry.status, 200, path);
    assert.equal(entry.headers['content-encoding'], 'br', path);
    assert.match(String(entry.headers['cache-control']), /max-age=300\b/, path);
    assert.doesNotMatch(String(entry.headers['cache-control']), /immutable/, path);
    assert.ok(entry.headers.etag, path);
  }

  const chunks = readdirSync(new URL('../packages/elements/dist/browser/chunks/', import.meta.url)).filter((f) => f.endsWith('.js'));
  assert.ok(chunks.length > 0);
  for (const name of chunks) assert.match(name, /-[A-Za-z0-9_-]{8}\.js$/, `${name} carries a content hash`);
  const chunk = await get(`/elements/chunks/${chunks[0]}`, { 'accept-encoding': CHROME });
  assert.equal(chunk.status, 200);
  assert.equal(chunk.headers['content-encoding'], 'br');
  assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
});
