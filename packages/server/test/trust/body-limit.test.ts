import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { test } from 'node:test';
import { api, startTestNode } from '../support/node.ts';
import { NO_RATE_LIMITS } from '../support/requests.ts';

const MB = 1024 * 1024;

/** Streams `total` bytes as a chunked POST, as fast as the node reads them; resolves at the node's answer. */
function chunkedPost(url: string, total: number, sample: () => void): Promise<{ status: number; sent: number; type: string }> {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'transfer-encoding': 'chunked' } });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        resolve({ status: res.statusCode!, sent, type: String(res.headers['content-type']) });
        req.destroy();
      });
    });
    req.on('error', (error) => answered || reject(error));
    const pump = () => {
      while (!answered && sent < total) {
        sample();
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test('a 512 MB chunked body is refused with 413 while the node’s memory grows by less than 32 MB', async (t) => {
  const node = await startTestNode({ rateLimits: NO_RATE_LIMITS });
  try {
    // Warm up the route so that what is measured is the body, not the first request's allocations.
    assert.equal((await api(node, 'POST', '/v1/ideas', { body: {}, headers: { 'idempotency-key': randomUUID() } })).status, 400);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = () => void (peak = Math.max(peak, process.memoryUsage().rss));
    const answer = await chunkedPost(`${node.url}/v1/ideas`, 512 * MB, sample);
    sample();
    assert.equal(answer.status, 413);
    assert.equal(answer.type, 'application/problem+json');
    assert.ok(answer.sent < 512 * MB, 'refused before the whole body arrived');
    const growth = (peak - before) / MB;
    t.diagnostic(`memory grew by ${growth.toFixed(1)} MB; ${(answer.sent / MB).toFixed(1)} MB sent before the 413`);
    assert.ok(growth < 32, `memory grew by ${growth.toFixed(1)} MB`);
    // The node still answers.
    assert.equal((await api(node, 'GET', '/v1/projects')).status, 200);
  } finally {
    await node.close();
  }
});

test('a chunked body under the limit is read whole; one byte over is refused', async () => {
  const node = await startTestNode({ rateLimits: NO_RATE_LIMITS, maxBodyBytes: 1000 });
  try {
    const post = (bytes: number) => {
      const body = JSON.stringify({ pad: 'x'.repeat(bytes - 10) });
      assert.equal(body.length, bytes);
      // A ReadableStream body is sent chunked, with no Content-Length.
      const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(body)), c.close()) });
      return fetch(`${node.url}/v1/ideas`, { method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() } } as RequestInit);
    };
    const fits = await post(1000);
    assert.equal(fits.status, 400); // read and parsed: the fields are wrong, not the size
    assert.match((await fits.json()).errors[0].path, /^body\./);
    assert.equal((await post(1001)).status, 413);
  } finally {
    await node.close();
  }
});
