// Signed webhooks: an organization's endpoint hears of pledges, registrations and decisions, signed
// per Standard Webhooks; a receiver that answers 500 gets the same delivery again, and the log says so.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import type { RunningNode } from '../src/index.ts';
import { checkEndpointUrl } from '../src/services/webhooks.ts';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_STAFF } from '../src/seed/demo-ids.ts';
import { api, startTestNode } from './support/node.ts';
import { bearer, confirmedPledge, NO_PLEDGE_CAPS, NO_RATE_LIMITS, pledgeBody, projectBody, write } from './support/requests.ts';
import { getPage, postForm, signIn } from './support/workspace.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on port 0: it records each POST and answers the next status of `answers` (then 200). */
function receiver(answers: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  return {
    received,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/perron`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const TABLE = DEMO_KEYS.tableHochelaga;
let node: RunningNode;
const hooks = receiver([500]);
let url: string;
before(async () => {
  // The worker runs only when the test says: drain() now, runOnce(later) to reach a retry.
  node = await startTestNode({ seed: true, workerPollMs: 0, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS });
  url = await hooks.start();
});
after(async () => {
  await node?.close();
  await hooks.stop();
});

const headersOf = (r: Received) => ({ 'webhook-id': String(r.headers['webhook-id']), 'webhook-timestamp': String(r.headers['webhook-timestamp']), 'webhook-signature': String(r.headers['webhook-signature']) });
const deliveries = async (endpointId: string) => (await api(node, 'GET', `/v1/webhooks/${endpointId}/deliveries`, { headers: bearer(TABLE) })).body.items;

describe('webhook endpoints', () => {
  test('https only: http to another host is refused; http to localhost only outside production', async () => {
    const refused = await api(node, 'POST', '/v1/webhooks', { headers: write(TABLE), body: { url: 'http://hooks.example.org/perron', events: ['pledge.created'] } });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.errors[0].path, 'body.url');
    assert.equal(refused.body.errors[0].code, 'https_required');
    assert.throws(() => checkEndpointUrl('http://127.0.0.1:9/x', true), (e: any) => /must be https/.test(JSON.stringify(e.extra)));
    assert.doesNotThrow(() => checkEndpointUrl('https://hooks.example.org/perron', true));
    const curator = await api(node, 'POST', '/v1/webhooks', { headers: write(DEMO_KEYS.curator), body: { url: 'https://hooks.example.org/x', events: ['pledge.created'] } });
    assert.equal(curator.status, 403);
  });

  test('a pledge is delivered signed; the receiver answers 500, the delivery is retried with the same id, verified and logged', async () => {
    const made = await api(node, 'POST', '/v1/webhooks', { headers: write(TABLE), body: { url, events: ['pledge.created', 'pledge.confirmed', 'project.published'] } });
    assert.equal(made.status, 201);
    assert.match(made.body.secret, /^whsec_/);
    const listed = await api(node, 'GET', '/v1/webhooks', { headers: bearer(TABLE) });
    assert.deepEqual(listed.body.items.map((e: any) => e.id), [made.body.id]);
    assert.equal(listed.body.items[0].secret, undefined, 'the secret is shown once');
    // Another organization neither sees nor deletes it.
    assert.equal((await api(node, 'GET', `/v1/webhooks/${made.body.id}/deliveries`, { headers: bearer(DEMO_KEYS.carrefourVilleray) })).status, 404);
    assert.equal((await api(node, 'DELETE', `/v1/webhooks/${made.body.id}`, { headers: bearer(DEMO_KEYS.carrefourVilleray) })).status, 404);

    const pledge = await api(node, 'POST', `/v1/needs/${DEMO_NEEDS.jardinTerreau}/pledges`, { headers: write(TABLE), body: pledgeBody(2) });
    assert.equal(pledge.status, 201);
    assert.equal(hooks.received.length, 0, 'nothing leaves inside the write');

    await node.worker.drain();
    assert.equal(hooks.received.length, 1);
    const [log1] = await deliveries(made.body.id);
    assert.deepEqual([log1.event, log1.status, log1.attempts, log1.lastStatus], ['pledge.created', 'pending', 1, 500]);

    // The worker's back-off (10 s) reached without waiting.
    await node.worker.runOnce(new Date(Date.now() + 11_000));
    assert.equal(hooks.received.length, 2);
    const [first, second] = hooks.received as [Received, Received];
    assert.equal(second.headers['webhook-id'], first.headers['webhook-id'], 'a retry is the same message');
    const event = new Webhook(made.body.secret).verify(second.body, headersOf(second)) as any;
    assert.equal(event.type, 'pledge.created');
    assert.deepEqual(event.data, { pledgeId: pledge.body.id, needId: DEMO_NEEDS.jardinTerreau, projectId: pledge.body.projectId, category: 'material', quantity: 2, status: 'pending' });
    assert.doesNotMatch(second.body, /lea\.gagnon|Léa/, 'no contact in a webhook');
    assert.throws(() => new Webhook(`whsec_${Buffer.from('another secret of 24 bytes').toString('base64')}`).verify(second.body, headersOf(second)));
    const [log2] = await deliveries(made.body.id);
    assert.deepEqual([log2.status, log2.attempts, log2.lastStatus], ['delivered', 2, 200]);
    assert.ok(log2.deliveredAt);

    // A rotated secret signs from then on; the old one no longer verifies.
    const rotated = await api(node, 'POST', `/v1/webhooks/${made.body.id}/rotate`, { headers: write(TABLE), body: {} });
    assert.notEqual(rotated.body.secret, made.body.secret);
    const held = await confirmedPledge(node, DEMO_NEEDS.jardinTerreau, pledgeBody(1, { contact: { name: 'Noé', email: 'noe@example.org' } }));
    assert.equal(held.status, 200);
    await node.worker.drain();
    const news = hooks.received.slice(2).map((r) => new Webhook(rotated.body.secret).verify(r.body, headersOf(r)) as any);
    // Sent side by side by the worker: in either order.
    assert.deepEqual(news.map((e) => [e.type, e.data.status]).sort(), [['pledge.confirmed', 'pending'], ['pledge.created', 'held']]);
    assert.throws(() => new Webhook(made.body.secret).verify(hooks.received[2]!.body, headersOf(hooks.received[2]!)));

    // A curator's decision, and then the endpoint removed: nothing more is sent to it.
    const project = await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: projectBody() });
    await api(node, 'POST', `/v1/projects/${project.body.id}/submit`, { headers: write(TABLE), body: {} });
    await api(node, 'POST', `/v1/projects/${project.body.id}/publish`, { headers: write(DEMO_KEYS.curator), body: {} });
    await node.worker.drain();
    const decision = hooks.received.at(-1)!;
    assert.deepEqual((new Webhook(rotated.body.secret).verify(decision.body, headersOf(decision)) as any).data, { projectId: project.body.id, reason: null });
    // The log keeps finished deliveries 30 days.
    assert.ok((await deliveries(made.body.id)).length >= 4);
    await node.worker.runOnce(new Date(Date.now() + 31 * 86_400_000));
    assert.deepEqual(await deliveries(made.body.id), []);
    assert.equal((await api(node, 'DELETE', `/v1/webhooks/${made.body.id}`, { headers: write(TABLE) })).status, 200);
    const before = hooks.received.length;
    await api(node, 'POST', `/v1/needs/${DEMO_NEEDS.jardinTerreau}/pledges`, { headers: write(TABLE), body: pledgeBody(1) });
    await node.worker.drain();
    assert.equal(hooks.received.length, before);
  });
});

describe('the workspace screen', () => {
  test("an admin adds an endpoint (the secret shown once) and reads its delivery log; an editor can't", async () => {
    const admin = await signIn(node, DEMO_STAFF.tableHochelaga);
    const bad = await postForm(node, '/workspace/o/table-hochelaga/webhooks', { url: 'http://hooks.example.org/x', 'events[]': 'registration.created' }, admin);
    assert.equal(bad.status, 422);
    assert.match(bad.text, /value="http:\/\/hooks\.example\.org\/x"/, 'nothing typed is lost');
    const made = await postForm(node, '/workspace/o/table-hochelaga/webhooks', { url, 'events[]': ['registration.created', 'pledge.withdrawn'] }, admin);
    assert.equal(made.status, 201);
    const secret = /id="secret">\s*(whsec_[A-Za-z0-9+/=]+)/.exec(made.text)?.[1];
    assert.ok(secret, 'the secret is on the page');
    const page = await getPage(node, '/workspace/o/table-hochelaga/webhooks', admin);
    assert.ok(!page.text.includes(secret), 'and never again');
    const row = page.text.split('<tr>').find((r) => r.includes('Nouvelle inscription, Engagement retiré'));
    const link = row && /href="(\/workspace\/o\/table-hochelaga\/webhooks\/whk_[^"]+)"/.exec(row)?.[1];
    assert.ok(link, 'the endpoint is listed with its events');

    const log = await getPage(node, link, admin);
    assert.equal(log.status, 200);
    assert.match(log.text, /Aucun envoi pour l’instant\./);

    const editor = await signIn(node, DEMO_STAFF.carrefourEditor);
    assert.equal((await getPage(node, '/workspace/o/carrefour-villeray/webhooks', editor)).status, 403);
  });
});
