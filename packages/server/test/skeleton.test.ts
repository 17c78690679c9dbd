import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { routes } from '@perron/contract';
import { handlers } from '../src/handlers/index.ts';
import { api, startTestNode } from './support/node.ts';
import type { RunningNode } from '../src/index.ts';

let node: RunningNode;
before(async () => (node = await startTestNode()));
after(() => node.close());

test('the node describes itself at /.well-known/perron.json', async () => {
  const res = await api(node, 'GET', '/.well-known/perron.json');
  assert.equal(res.status, 200);
  assert.equal(res.body.api, `${node.url}/v1`);
  assert.deepEqual(res.body.languages, ['fr', 'en']);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.match(res.headers.get('etag') ?? '', /^".+"$/);
});

test('a matching If-None-Match gets 304 without a body', async () => {
  const first = await api(node, 'GET', '/.well-known/perron.json');
  const again = await fetch(`${node.url}/.well-known/perron.json`, { headers: { 'if-none-match': first.headers.get('etag')! } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
});

test('an unknown path is a problem+json 404, a wrong method a 405 naming the allowed ones', async () => {
  const missing = await api(node, 'GET', '/v1/nowhere');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('content-type'), 'application/problem+json');
  assert.equal(missing.body.code, 'not_found');
  const wrong = await api(node, 'PUT', '/v1/projects');
  assert.equal(wrong.status, 405);
  assert.match(wrong.headers.get('allow') ?? '', /GET/);
});

test('every answer carries its request id and nosniff: data, 304, problems, pages, files, a preflight', async () => {
  const data = await fetch(`${node.url}/v1/projects`);
  const requests = [
    data,
    await fetch(`${node.url}/v1/projects`, { headers: { 'if-none-match': data.headers.get('etag')! } }),
    await fetch(`${node.url}/v1/nowhere`),
    await fetch(`${node.url}/v1/projects`, { method: 'PUT' }),
    await fetch(`${node.url}/v1/projects?limit=0`),
    await fetch(`${node.url}/`),
    await fetch(`${node.url}/elements/perron.js`, { headers: { 'accept-encoding': 'br' } }),
    await fetch(`${node.url}/v1/projects`, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' } }),
  ];
  assert.deepEqual(requests.map((r) => r.status), [200, 304, 404, 405, 400, 200, 200, 204]);
  const ids = new Set<string>();
  for (const res of requests) {
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', res.url);
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/, res.url);
    ids.add(res.headers.get('x-request-id')!);
    await res.arrayBuffer();
  }
  assert.equal(ids.size, requests.length, 'one id per request');
});

test('a bad API key is refused with 401, before any route work', async () => {
  const res = await api(node, 'GET', '/v1/me', { headers: { authorization: 'Bearer pk_not_a_real_key_at_all' } });
  assert.equal(res.status, 401);
  assert.equal(res.body.code, 'unauthorized');
});

test('every route of the contract has a handler', () => {
  const missing = Object.keys(routes).filter((name) => !(name in handlers));
  assert.deepEqual(missing, []);
});
