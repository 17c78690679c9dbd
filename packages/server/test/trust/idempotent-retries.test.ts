import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClient } from '@perron/sdk';
import type { RunningNode } from '../../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS } from '../../src/seed/demo-ids.ts';
import { api, startTestNode } from '../support/node.ts';
import { bearer, confirmedPledge, NO_PLEDGE_CAPS, NO_RATE_LIMITS, pledgeBody, write } from '../support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS })));
after(() => node.close());

/** A fetch whose first answer to each write is lost on the way back: the node did the write, the client saw a network error. */
function losingFirstAnswers() {
  const seen: { method: string; key: string | null; status: number }[] = [];
  const lost = new Set<string>();
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const response = await globalThis.fetch(request);
    const key = request.headers.get('idempotency-key');
    seen.push({ method: request.method, key, status: response.status });
    if (request.method !== 'GET' && key && !lost.has(key)) {
      lost.add(key);
      await response.body?.cancel();
      throw new TypeError('fetch failed: the connection was reset');
    }
    return response;
  };
  return { fetch, seen };
}

const newPledge = async () => {
  const res = await confirmedPledge(node, DEMO_NEEDS.jardinTerreau, pledgeBody(1));
  assert.equal(res.status, 200);
  return res.body.id as string;
};

test('a retried updatePledge whose first answer was lost gets the first answer, not 409', async () => {
  const id = await newPledge();
  const { fetch, seen } = losingFirstAnswers();
  const perron = createClient({ node: node.url, apiKey: DEMO_KEYS.tableHochelaga, fetch });
  const pledge = await perron.pledges.update(id, 'confirmed');
  assert.equal(pledge.status, 'confirmed');
  const patches = seen.filter((s) => s.method === 'PATCH');
  assert.equal(patches.length, 2, 'the SDK retried once');
  assert.equal(patches[0]!.key, patches[1]!.key, 'with the same key');
  assert.deepEqual(patches.map((p) => p.status), [200, 200]);
  // Without a key, the same change again is the state machine's 409: the replay above was not a second write.
  const again = await api(node, 'PATCH', `/v1/pledges/${id}`, { headers: bearer(DEMO_KEYS.tableHochelaga), body: { status: 'confirmed' } });
  assert.equal(again.status, 409);
});

test('a retried eraseContact whose first answer was lost gets the first answer', async () => {
  const id = await newPledge();
  const { fetch, seen } = losingFirstAnswers();
  const perron = createClient({ node: node.url, apiKey: DEMO_KEYS.tableHochelaga, fetch });
  await perron.pledges.eraseContact(id);
  const deletes = seen.filter((s) => s.method === 'DELETE');
  assert.equal(deletes.length, 2);
  assert.equal(deletes[1]!.status, deletes[0]!.status);
  const [row] = await node.db.query<{ contact_email: string | null }>('select contact_email from pledges where id = $1', [id]);
  assert.equal(row!.contact_email, null);
});

test('a PATCH replayed by its key says so, and the same key with another body is 409', async () => {
  const id = await newPledge();
  const headers = write(DEMO_KEYS.tableHochelaga);
  const first = await api(node, 'PATCH', `/v1/pledges/${id}`, { headers, body: { status: 'confirmed' } });
  const replay = await api(node, 'PATCH', `/v1/pledges/${id}`, { headers, body: { status: 'confirmed' } });
  assert.equal(first.status, 200);
  assert.equal(replay.status, 200);
  assert.equal(replay.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(replay.body, first.body);
  const other = await api(node, 'PATCH', `/v1/pledges/${id}`, { headers, body: { status: 'fulfilled' } });
  assert.equal(other.status, 409);
  assert.equal(other.body.code, 'idempotency_conflict');
});
