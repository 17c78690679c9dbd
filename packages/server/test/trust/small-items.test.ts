import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { RunningNode } from '../../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS } from '../../src/seed/demo-ids.ts';
import { DEMO_EVENTS } from '../../src/seed/engagement.ts';
import { startTestNode } from '../support/node.ts';
import { NO_RATE_LIMITS } from '../support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS })));
after(() => node.close());

test('an event’s .ics, which follows Accept-Language, says Vary: Accept-Language to shared caches', async () => {
  for (const path of [`/v1/events/${DEMO_EVENTS.formationBenevoles}.ics`, '/v1/events.ics']) {
    const res = await fetch(`${node.url}${path}`, { headers: { 'accept-language': 'en-CA' } });
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('vary') ?? '', /accept-language/i, path);
    assert.match(res.headers.get('cache-control') ?? '', /public/);
  }
});

test('the Bearer scheme is case-insensitive', async () => {
  for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
    const res = await fetch(`${node.url}/v1/me`, { headers: { authorization: `${scheme} ${DEMO_KEYS.tableHochelaga}` } });
    assert.equal(res.status, 200, scheme);
  }
  assert.equal((await fetch(`${node.url}/v1/me`, { headers: { authorization: `Basic ${DEMO_KEYS.tableHochelaga}` } })).status, 401);
});

test('an image URL must be http(s)', async () => {
  for (const url of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd']) {
    const res = await fetch(`${node.url}/v1/projects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), authorization: `Bearer ${DEMO_KEYS.tableHochelaga}` },
      body: JSON.stringify({ title: { fr: 'Bacs' }, summary: { fr: 'Des bacs.' }, themes: ['environment'], communities: ['hochelaga'], image: { url, alt: { fr: 'Bacs' } } }),
    });
    assert.equal(res.status, 400, url);
    assert.equal((await res.json()).errors[0].path, 'body.image.url');
  }
});

test('CORS where the embedded elements need it (public reads and writes), not on API-key routes', async () => {
  const preflight = (path: string, method: string) =>
    fetch(`${node.url}${path}`, { method: 'OPTIONS', headers: { origin: 'https://site.example', 'access-control-request-method': method, 'access-control-request-headers': 'content-type, idempotency-key' } });
  const allowed = async (res: Response) => res.headers.get('access-control-allow-origin');
  assert.equal(await allowed(await preflight(`/v1/needs/${DEMO_NEEDS.jardinBenevoles}/pledges`, 'POST')), '*');
  assert.equal(await allowed(await preflight('/v1/projects', 'GET')), '*');
  assert.equal(await allowed(await preflight('/v1/projects', 'POST')), null, 'creating a project needs a key: no cross-site page calls it');
  assert.equal(await allowed(await preflight('/v1/pledges', 'GET')), null);

  const origin = { origin: 'https://site.example' };
  assert.equal((await fetch(`${node.url}/v1/projects`, { headers: origin })).headers.get('access-control-allow-origin'), '*');
  assert.equal((await fetch(`${node.url}/v1/projects/prj_unknown`, { headers: origin })).headers.get('access-control-allow-origin'), '*', 'a public 404 is readable too');
  const pledges = await fetch(`${node.url}/v1/pledges`, { headers: { ...origin, authorization: `Bearer ${DEMO_KEYS.tableHochelaga}` } });
  assert.equal(pledges.status, 200);
  assert.equal(pledges.headers.get('access-control-allow-origin'), null);
  const denied = await fetch(`${node.url}/v1/pledges`, { headers: origin });
  assert.equal(denied.status, 401);
  assert.equal(denied.headers.get('access-control-allow-origin'), null);
});
