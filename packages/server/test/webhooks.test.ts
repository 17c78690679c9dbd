// Signed webhooks: an organization's endpoint hears of pledges, registrations and decisions, signed
// per Standard Webhooks; a receiver that answers 500 gets the same delivery again, and the log says so.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import type { RunningNode } from '../src/index.ts';
import { checkEndpointUrl } from '../src/services/webhooks.ts';
import { isPrivateAddress } from '../src/services/outbound.ts';
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
  // The receiver is on this machine: a node that allows private targets (as `npm start` does outside production).
  node = await startTestNode({ seed: true, workerPollMs: 0, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS, webhookPrivateTargets: true });
  url = await hooks.start();
});
after(async () => {
  await node?.close();
  await hooks.stop();
});

const headersOf = (r: Received) => ({ 'webhook-id': String(r.headers['webhook-id']), 'webhook-timestamp': String(r.headers['webhook-timestamp']), 'webhook-signature': String(r.headers['webhook-signature']) });
const deliveries = async (endpointId: string) => (await api(node, 'GET', `/v1/webhooks/${endpointId}/deliveries`, { headers: bearer(TABLE) })).body.items;

describe('webhook endpoints', () => {
  test('https only: http to another host is refused; http to this machine only where private targets are allowed', async () => {
    const refused = await api(node, 'POST', '/v1/webhooks', { headers: write(TABLE), body: { url: 'http://hooks.example.org/perron', events: ['pledge.created'] } });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.errors[0].path, 'body.url');
    assert.equal(refused.body.errors[0].code, 'https_required');
    assert.throws(() => checkEndpointUrl('http://127.0.0.1:9/x', false), (e: any) => e.extra.errors[0].code === 'private_address');
    assert.throws(() => checkEndpointUrl('http://10.0.0.5/x', true), (e: any) => e.extra.errors[0].code === 'https_required');
    assert.doesNotThrow(() => checkEndpointUrl('http://127.0.0.1:9/x', true));
    assert.doesNotThrow(() => checkEndpointUrl('https://hooks.example.org/perron', false));
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

describe('private targets, on a node that refuses them (the default)', () => {
  let guarded: RunningNode;
  const inside = receiver([]);
  let insideUrl: string;
  before(async () => {
    guarded = await startTestNode({ seed: true, workerPollMs: 0, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS });
    insideUrl = await inside.start();
  });
  after(async () => {
    await guarded?.close();
    await inside.stop();
  });

  test('every private, loopback, link-local or unspecified address is refused at body.url', async () => {
    const urls = [
      'https://127.0.0.1/x',
      'https://127.1.2.3/x',
      'https://localhost/x',
      'https://hooks.localhost/x',
      'https://10.1.2.3/x',
      'https://172.16.0.1/x',
      'https://172.31.255.255/x',
      'https://192.168.1.10/x',
      'https://169.254.169.254/latest/meta-data/',
      'https://100.64.0.1/x',
      'https://0.0.0.0/x',
      'https://2130706433/x', // 127.0.0.1 written as one number
      'https://0x7f.1/x',
      'https://[::1]/x',
      'https://[::]/x',
      'https://[fd00::1]/x',
      'https://[fc00::1]/x',
      'https://[fe80::1]/x',
      'https://[::ffff:127.0.0.1]/x',
      'https://[::ffff:a9fe:a9fe]/x',
      `${insideUrl}`,
    ];
    for (const url of urls) {
      const r = await api(guarded, 'POST', '/v1/webhooks', { headers: write(TABLE), body: { url, events: ['pledge.created'] } });
      assert.equal(r.status, 400, url);
      assert.deepEqual([r.body.errors[0].path, r.body.errors[0].code], ['body.url', 'private_address'], url);
      assert.match(r.body.errors[0].message, /private network/);
    }
    const rows = await guarded.db.query('select 1 from webhook_endpoints');
    assert.equal(rows.length, 0);
    const fine = await api(guarded, 'POST', '/v1/webhooks', { headers: write(TABLE), body: { url: 'https://hooks.example.org/perron', events: ['pledge.created'] } });
    assert.equal(fine.status, 201);
    await api(guarded, 'DELETE', `/v1/webhooks/${fine.body.id}`, { headers: write(TABLE) });
    for (const address of ['8.8.8.8', '2001:4860:4860::8888', '172.32.0.1', '192.169.0.1']) assert.equal(isPrivateAddress(address), false, address);
  });

  test('the workspace says so at the field, in French', async () => {
    const admin = await signIn(guarded, DEMO_STAFF.tableHochelaga);
    const bad = await postForm(guarded, '/workspace/o/table-hochelaga/webhooks', { url: 'https://169.254.169.254/latest', 'events[]': 'pledge.created' }, admin);
    assert.equal(bad.status, 422);
    assert.match(bad.text, /pas à cette machine ni à un réseau privé/);
  });

  test('an endpoint’s URL changes through the API and the workspace, refused as at creation; its secret stays', async () => {
    const made = await api(guarded, 'POST', '/v1/webhooks', { headers: write(TABLE), body: { url: 'https://hooks.example.org/old', events: ['pledge.created', 'pledge.confirmed'] } });
    const row = async () => (await guarded.db.query<any>('select url, events, secret from webhook_endpoints where id = $1', [made.body.id]))[0];
    for (const url of ['https://169.254.169.254/latest', 'https://10.0.0.5/hook', `${insideUrl}`]) {
      const refused = await api(guarded, 'PATCH', `/v1/webhooks/${made.body.id}`, { headers: bearer(TABLE), body: { url } });
      assert.equal(refused.status, 400, url);
      assert.deepEqual([refused.body.errors[0].path, refused.body.errors[0].code], ['body.url', 'private_address'], url);
    }
    assert.equal((await api(guarded, 'PATCH', `/v1/webhooks/${made.body.id}`, { headers: bearer(TABLE), body: { url: 'http://hooks.example.org/x' } })).body.errors[0].code, 'https_required');
    assert.equal((await row()).url, 'https://hooks.example.org/old', 'nothing changed');
    assert.equal((await api(guarded, 'PATCH', `/v1/webhooks/${made.body.id}`, { headers: bearer(DEMO_KEYS.carrefourVilleray), body: { url: 'https://hooks.example.org/new' } })).status, 404, 'another organization’s key');

    const moved = await api(guarded, 'PATCH', `/v1/webhooks/${made.body.id}`, { headers: bearer(TABLE), body: { url: 'https://hooks.example.org/new' } });
    assert.equal(moved.status, 200);
    assert.deepEqual([moved.body.url, moved.body.events, 'secret' in moved.body], ['https://hooks.example.org/new', ['pledge.created', 'pledge.confirmed'], false]);
    assert.deepEqual(await row(), { url: 'https://hooks.example.org/new', events: ['pledge.created', 'pledge.confirmed'], secret: made.body.secret }, 'the same secret');

    const admin = await signIn(guarded, DEMO_STAFF.tableHochelaga);
    const path = `/workspace/o/table-hochelaga/webhooks/${made.body.id}`;
    assert.match((await getPage(guarded, path, admin)).text, /<input[^>]*name="url"[^>]*value="https:\/\/hooks\.example\.org\/new"|value="https:\/\/hooks\.example\.org\/new"[^>]*name="url"/);
    const bad = await postForm(guarded, path, { url: 'https://192.168.1.10/hook' }, admin);
    assert.equal(bad.status, 422);
    assert.match(bad.text, /id="f-url-error">Elle doit mener à un serveur public sur Internet, pas à cette machine ni à un réseau privé\./);
    assert.match(bad.text, /value="https:\/\/192\.168\.1\.10\/hook"/, 'what was typed stays');
    const en = await postForm(guarded, `${path}?lang=en`, { url: 'not a url' }, admin);
    assert.match(en.text, /id="f-url-error">It must start with https:\/\//);
    const saved = await postForm(guarded, path, { url: 'https://tools.example.org/perron' }, admin);
    assert.equal(saved.status, 303);
    assert.equal(saved.location, `${path}?done=saved`);
    assert.deepEqual(await row(), { url: 'https://tools.example.org/perron', events: ['pledge.created', 'pledge.confirmed'], secret: made.body.secret });
    const other = await signIn(guarded, DEMO_STAFF.carrefourVilleray);
    assert.equal((await postForm(guarded, `/workspace/o/carrefour-villeray/webhooks/${made.body.id}`, { url: 'https://x.example.org/' }, other)).status, 404);
    await api(guarded, 'DELETE', `/v1/webhooks/${made.body.id}`, { headers: write(TABLE) });
  });

  test('at delivery, a name that resolves to a private address is refused after resolution (DNS rebinding)', async () => {
    const made = await api(guarded, 'POST', '/v1/webhooks', { headers: write(TABLE), body: { url: 'https://hooks.example.org/perron', events: ['pledge.created'] } });
    assert.equal(made.status, 201);
    // The name passed when saved; it now resolves to this machine (as a rebinding name would): 'localhost' stands in for it.
    await guarded.db.query('update webhook_endpoints set url = $2 where id = $1', [made.body.id, insideUrl.replace('127.0.0.1', 'localhost')]);
    const pledge = await api(guarded, 'POST', `/v1/needs/${DEMO_NEEDS.jardinTerreau}/pledges`, { headers: write(TABLE), body: pledgeBody(1) });
    assert.equal(pledge.status, 201);
    await guarded.worker.drain();
    assert.equal(inside.received.length, 0, 'nothing reached the receiver on this machine');
    const [log] = (await api(guarded, 'GET', `/v1/webhooks/${made.body.id}/deliveries`, { headers: bearer(TABLE) })).body.items;
    assert.deepEqual([log.status, log.attempts, log.lastStatus], ['pending', 1, null]);
    assert.match(log.lastError, /^Refused: localhost resolves to a private address/);
    // An IP literal stored the same way is refused before any connection.
    await guarded.db.query('update webhook_endpoints set url = $2 where id = $1', [made.body.id, insideUrl]);
    await guarded.worker.runOnce(new Date(Date.now() + 11_000));
    assert.equal(inside.received.length, 0);
    const [again] = (await api(guarded, 'GET', `/v1/webhooks/${made.body.id}/deliveries`, { headers: bearer(TABLE) })).body.items;
    assert.match(again.lastError, /^Refused: 127\.0\.0\.1 is a private address/);
  });
});
