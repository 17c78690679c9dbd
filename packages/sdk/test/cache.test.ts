import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { delay, http, HttpResponse } from 'msw';
import { createClient } from '@perron/sdk';
import { freshness } from '../src/cache.ts';
import { A, countingFetch, mockNodes, pledge, pledgeBody, projectDetail } from './fixtures.ts';

const mock = mockNodes();
before(mock.start);
afterEach(mock.reset);
after(mock.stop);

/** A node whose project p1 has a supporter count that changes with `state.version`, with ETags. */
function cachingNode(cacheControl = 'public, max-age=30') {
  const state = { version: 1, cacheControl, requests: [] as Request[] };
  mock.server.use(
    http.get(`${A}/v1/projects/p1`, async ({ request }) => {
      state.requests.push(request);
      await delay(20);
      const etag = `"v${state.version}"`;
      const headers = { etag, 'cache-control': state.cacheControl };
      if (request.headers.get('if-none-match') === etag) return new HttpResponse(null, { status: 304, headers });
      return HttpResponse.json({ ...projectDetail('p1'), supporterCount: state.version }, { headers });
    }),
  );
  return state;
}

describe('de-duplication', () => {
  it('20 concurrent identical gets cost 1 request', async () => {
    const node = cachingNode('no-store');
    const { fetch, requests } = countingFetch();
    const perron = createClient({ node: A, fetch });
    const answers = await Promise.all(Array.from({ length: 20 }, () => perron.projects.get('p1')));
    assert.equal(requests.length, 1);
    assert.equal(node.requests.length, 1);
    assert.ok(answers.every((p) => p.id === 'p1' && p.origin === A));
  });

  it('one caller giving up does not cancel the others', async () => {
    cachingNode('no-store');
    const perron = createClient({ node: A });
    const controller = new AbortController();
    const leaving = perron.projects.get('p1', { signal: controller.signal });
    const staying = perron.projects.get('p1');
    controller.abort(new Error('gone'));
    await assert.rejects(leaving, /gone/);
    assert.equal((await staying).id, 'p1');
  });

  it('a caller arriving just after the last one gave up gets a request of its own, not the cancelled one', async () => {
    // An element replaced by another (an embed preview, a re-render): the old one aborts, the new one asks at once.
    cachingNode('no-store');
    const perron = createClient({ node: A, retries: 0 });
    const controller = new AbortController();
    const leaving = perron.projects.get('p1', { signal: controller.signal });
    controller.abort(new Error('gone'));
    const arriving = perron.projects.get('p1', { signal: new AbortController().signal });
    await assert.rejects(leaving, /gone/);
    assert.equal((await arriving).id, 'p1');
  });

  it('different requests are not merged', async () => {
    const { fetch, requests } = countingFetch();
    mock.server.use(http.get(`${A}/v1/projects/:id`, ({ params }) => HttpResponse.json(projectDetail(String(params.id)))));
    const perron = createClient({ node: A, fetch });
    const [a, b] = await Promise.all([perron.projects.get('p1'), perron.projects.get('p2')]);
    assert.deepEqual([a.id, b.id], ['p1', 'p2']);
    assert.equal(requests.length, 2);
  });
});

describe('cache', () => {
  it('an answer is reused for its max-age', async () => {
    const node = cachingNode();
    const perron = createClient({ node: A });
    await perron.projects.get('p1');
    node.version = 2;
    assert.equal((await perron.projects.get('p1')).supporterCount, 1);
    assert.equal(node.requests.length, 1);
  });

  it("an answer is kept as long as a shared cache may (s-maxage), though browsers are told to ask each time", async () => {
    const node = cachingNode('public, max-age=0, s-maxage=30');
    const perron = createClient({ node: A });
    await perron.projects.get('p1');
    node.version = 2;
    assert.equal((await perron.projects.get('p1')).supporterCount, 1);
    assert.equal(node.requests.length, 1);
  });

  it('once stale, it is revalidated with its ETag: 304 keeps it, 200 replaces it', async () => {
    const node = cachingNode('public, max-age=0');
    const perron = createClient({ node: A });
    assert.equal((await perron.projects.get('p1')).supporterCount, 1);
    assert.equal((await perron.projects.get('p1')).supporterCount, 1);
    assert.equal(node.requests[1]!.headers.get('if-none-match'), '"v1"');
    node.version = 2;
    assert.equal((await perron.projects.get('p1')).supporterCount, 2);
    assert.equal(node.requests.length, 3);
    assert.equal(node.requests[0]!.headers.get('if-none-match'), null);
    // A 304 renews the copy for the max-age it carries.
    node.cacheControl = 'public, max-age=30';
    assert.equal((await perron.projects.get('p1')).supporterCount, 2);
    assert.equal((await perron.projects.get('p1')).supporterCount, 2);
    assert.equal(node.requests.length, 4);
    assert.equal(node.requests[3]!.headers.get('if-none-match'), '"v2"');
  });

  it('staleWhileRevalidate answers with the stale copy while the node is still answering, then keeps the refresh', async () => {
    const node = cachingNode('public, max-age=0');
    const perron = createClient({ node: A, staleWhileRevalidate: true });
    await perron.projects.get('p1');
    // The node now holds its answer until released: a client that waited for it would hang here.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    mock.server.use(
      http.get(`${A}/v1/projects/p1`, async ({ request }) => {
        node.requests.push(request);
        await gate;
        return HttpResponse.json({ ...projectDetail('p1'), supporterCount: 2 }, { headers: { etag: '"v2"', 'cache-control': 'public, max-age=30' } });
      }),
    );
    assert.equal((await perron.projects.get('p1')).supporterCount, 1);
    release();
    // The background refresh lands in the cache, fresh for 30 s: the copy changes with no third request.
    let seen = 1;
    for (let turn = 0; turn < 200 && seen !== 2; turn++) {
      await delay(5);
      seen = (await perron.projects.get('p1')).supporterCount;
    }
    assert.equal(seen, 2);
    assert.equal(node.requests.length, 2);
  });

  it('no-store and private answers are not kept', async () => {
    const node = cachingNode('private, no-store');
    const perron = createClient({ node: A });
    await perron.projects.get('p1');
    await perron.projects.get('p1');
    assert.equal(node.requests.length, 2);
  });

  it('a client with an API key keeps nothing (answers may be personal)', async () => {
    const node = cachingNode();
    const perron = createClient({ node: A, apiKey: 'key_123456789' });
    await perron.projects.get('p1');
    await perron.projects.get('p1');
    assert.equal(node.requests.length, 2);
  });

  it('`cache: false` turns it off', async () => {
    const node = cachingNode();
    const perron = createClient({ node: A, cache: false });
    await perron.projects.get('p1');
    await perron.projects.get('p1');
    assert.equal(node.requests.length, 2);
  });

  it('a write to the node forgets its cached reads (progress changed)', async () => {
    const node = cachingNode();
    mock.server.use(http.post(`${A}/v1/needs/p1-n1/pledges`, () => HttpResponse.json(pledge('pl1', 'p1-n1'), { status: 201 })));
    const perron = createClient({ node: A });
    await perron.projects.get('p1');
    await perron.pledges.create('p1-n1', pledgeBody);
    node.version = 2;
    assert.equal((await perron.projects.get('p1')).supporterCount, 2);
    assert.equal(node.requests.length, 2);
  });

  it('each caller gets its own copy of the item', async () => {
    cachingNode();
    const perron = createClient({ node: A });
    const first = await perron.projects.get('p1');
    (first as { supporterCount: number }).supporterCount = 999;
    assert.equal((await perron.projects.get('p1')).supporterCount, 1);
  });
});

describe('freshness: how long a Cache-Control lets this cache keep an answer', () => {
  const now = 1_000_000;
  const cases: [string | null, string | null, number | undefined][] = [
    ['public, max-age=30', null, now + 30_000],
    // The node's header: browsers ask each time, this cache (shared by a page's elements) keeps it as a CDN may.
    ['public, max-age=0, s-maxage=30', '"e"', now + 30_000],
    ['public, s-maxage=20, max-age=5', '"e"', now + 20_000],
    ['Public, Max-Age=12', null, now + 12_000],
    // Kept to be revalidated (a 304 costs no body), never fresh.
    ['public, max-age=0', '"e"', now],
    ['public, s-maxage=30, no-cache', '"e"', now],
    // Nothing to gain without a lifetime or a validator; never for no-store or private.
    ['public, max-age=0', null, undefined],
    [null, null, undefined],
    ['private, max-age=30', '"e"', undefined],
    ['public, s-maxage=30, no-store', '"e"', undefined],
  ];
  for (const [header, etag, expected] of cases) {
    it(`${header ?? 'no header'}${etag ? ', with an ETag' : ''}`, () => assert.equal(freshness(header, etag, now), expected));
  }
});
