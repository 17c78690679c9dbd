import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Project } from '@perron/contract';
import { http, HttpResponse } from 'msw';
import { createClient, isPerronError } from '@perron/sdk';
import { A, B, community, event, idea, mockNodes, pledge, pledgeBody, problem, project, projectDetail } from './fixtures.ts';

const mock = mockNodes();
before(mock.start);
afterEach(mock.reset);
after(mock.stop);

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T12:00:00.000Z`;

/** A node listing `projects` newest first in pages of `limit`, with numeric cursors. */
function listing(node: string, projects: Project[], requests: URL[] = []) {
  const sorted = [...projects].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  mock.server.use(
    http.get(`${node}/v1/projects`, ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const start = Number(url.searchParams.get('cursor')?.slice(1) ?? 0);
      const end = start + limit;
      return HttpResponse.json({ items: sorted.slice(start, end), nextCursor: end < sorted.length ? `c${end}` : null });
    }),
  );
  return requests;
}

const a = [1, 4, 5, 9].map((d) => project(`a${d}`, { createdAt: day(d) }));
const b = [2, 3, 6, 7, 8].map((d) => project(`b${d}`, { createdAt: day(d) }));
const newestFirst = ['a9', 'b8', 'b7', 'b6', 'a5', 'a4', 'b3', 'b2', 'a1'];

describe('several nodes', () => {
  it('merge lists in one order, behind one cursor, each item with its origin', async () => {
    listing(A, a);
    listing(B, b);
    const perron = createClient({ nodes: [A, B], cache: false });
    const pages = [];
    for await (const page of perron.projects.list({ limit: 4 }).pages()) {
      pages.push(page.items.map((p) => p.id));
      assert.deepEqual(page.errors, []);
      for (const p of page.items) assert.equal(p.origin, p.id.startsWith('a') ? A : B);
    }
    assert.deepEqual(pages, [newestFirst.slice(0, 4), newestFirst.slice(4, 8), newestFirst.slice(8)]);
  });

  it('a merged cursor resumes where the page ended', async () => {
    listing(A, a);
    listing(B, b);
    const perron = createClient({ nodes: [A, B] });
    const first = await perron.projects.list({ limit: 3 });
    const second = await perron.projects.list({ limit: 3, cursor: first.nextCursor! });
    assert.deepEqual([...first.items, ...second.items].map((p) => p.id), newestFirst.slice(0, 6));
    await assert.rejects(perron.projects.list({ cursor: 'not-a-cursor' }), (e) => isPerronError(e, 'ValidationError'));
  });

  it('iterate every item of every node exactly once', async () => {
    listing(A, a);
    listing(B, b);
    const ids = await createClient({ nodes: [A, B] }).projects.list({ limit: 2 }).toArray({ max: 100 });
    assert.deepEqual(ids.map((p) => p.id), newestFirst);
  });

  it('events merge soonest first, ideas by support', async () => {
    mock.server.use(
      http.get(`${A}/v1/events`, () => HttpResponse.json({ items: [event('ea', '2026-04-01T18:00:00-04:00'), event('ec', '2026-04-03T18:00:00-04:00')], nextCursor: null })),
      http.get(`${B}/v1/events`, () => HttpResponse.json({ items: [event('eb', '2026-04-02T09:00:00-04:00')], nextCursor: null })),
      http.get(`${A}/v1/ideas`, () => HttpResponse.json({ items: [idea('ia', 9), idea('ib', 2)], nextCursor: null })),
      http.get(`${B}/v1/ideas`, () => HttpResponse.json({ items: [idea('ic', 5)], nextCursor: null })),
    );
    const perron = createClient({ nodes: [A, B] });
    assert.deepEqual((await perron.events.list().toArray({ max: 10 })).map((e) => e.id), ['ea', 'eb', 'ec']);
    assert.deepEqual((await perron.ideas.list().toArray({ max: 10 })).map((i) => i.id), ['ia', 'ic', 'ib']);
  });

  it('one node down: the page comes with the other node items and a per-node error', async () => {
    listing(A, a);
    mock.server.use(http.get(`${B}/v1/projects`, () => problem('unavailable')));
    const perron = createClient({ nodes: [A, B], retries: 0 });
    const page = await perron.projects.list();
    assert.deepEqual(page.items.map((p) => p.id), ['a9', 'a5', 'a4', 'a1']);
    assert.equal(page.errors.length, 1);
    assert.equal(page.errors[0]!.node, B);
    assert.ok(isPerronError(page.errors[0]!.error, 'ServerError'));
    // Iterating goes on without the failed node.
    assert.equal((await perron.projects.list().toArray({ max: 100 })).length, 4);
  });

  it('an unreachable node too; only when every node fails does the page fail', async () => {
    listing(A, a);
    mock.server.use(http.get(`${B}/v1/projects`, () => HttpResponse.error()));
    const page = await createClient({ nodes: [A, B], retries: 0 }).projects.list();
    assert.ok(isPerronError(page.errors[0]!.error, 'NetworkError'));
    mock.server.use(http.get(`${A}/v1/projects`, () => HttpResponse.error()));
    await assert.rejects(createClient({ nodes: [A, B], retries: 0 }).projects.list(), (e) => isPerronError(e, 'NetworkError'));
  });

  it('get and writes go to the item origin', async () => {
    listing(A, a);
    listing(B, b);
    const pledged: string[] = [];
    mock.server.use(
      http.get(`${A}/v1/projects/:id`, () => problem('not_found')),
      http.get(`${B}/v1/projects/:id`, ({ params }) => HttpResponse.json(projectDetail(String(params.id)))),
      http.post(`${A}/v1/needs/:id/pledges`, () => problem('not_found')),
      http.post(`${B}/v1/needs/:id/pledges`, ({ params }) => (pledged.push(String(params.id)), HttpResponse.json(pledge('pl1', String(params.id)), { status: 201 }))),
    );
    const perron = createClient({ nodes: [A, B] });
    const [newest, second] = await perron.projects.list().toArray({ max: 2 });
    assert.equal(second!.origin, B);
    const detail = await perron.projects.get(second!.id);
    assert.equal(detail.origin, B);
    const need = detail.needs[0]!;
    assert.equal(need.origin, B);
    const created = await perron.pledges.create(need.id, pledgeBody);
    assert.equal(created.origin, B);
    assert.deepEqual(pledged, [need.id]);
    // An explicit origin wins; an origin that is not one of the client's nodes is refused.
    await assert.rejects(perron.projects.get(second!.id, { origin: A }), (e) => isPerronError(e, 'NotFoundError'));
    await assert.rejects(perron.projects.get(newest!.id, { origin: 'https://elsewhere.test' }), (e) => isPerronError(e, 'ValidationError'));
  });

  it('communities of every node, each with its origin', async () => {
    mock.server.use(
      http.get(`${A}/v1/communities`, () => HttpResponse.json({ items: [community('villeray')] })),
      http.get(`${B}/v1/communities`, () => HttpResponse.json({ items: [community('limoilou')] })),
    );
    const items = await createClient({ nodes: [A, B] }).communities.list();
    assert.deepEqual(items.map((c) => [c.slug, c.origin]), [['villeray', A], ['limoilou', B]]);
  });

  it('an API key cannot be spread over several nodes', () => {
    assert.throws(() => createClient({ nodes: [A, B], apiKey: 'key_123456789' }), (e) => isPerronError(e, 'ValidationError'));
  });
});

describe("a node's copy of a followed node's item", () => {
  it('routes the writes on it, and on its needs, to its origin, even for a client of one node', async () => {
    const detail = projectDetail('p-followed');
    const copy = { ...detail, origin: A, needs: detail.needs.map((n) => ({ ...n, origin: A })) };
    const pledgedAt: string[] = [];
    mock.server.use(
      http.get(`${B}/v1/projects/p-followed`, () => HttpResponse.json(copy)),
      http.post(`${A}/v1/needs/:id/pledges`, ({ request }) => (pledgedAt.push(new URL(request.url).href), HttpResponse.json(pledge('pl1', 'p-followed-n1'), { status: 201 }))),
      http.post(`${B}/v1/needs/:id/pledges`, () => HttpResponse.json(problem('not_found'), { status: 404 })),
    );
    const perron = createClient({ node: B, cache: false });
    const read = await perron.projects.get('p-followed');
    assert.equal(read.origin, A);
    assert.equal(read.needs[0]!.origin, A);
    await perron.pledges.create('p-followed-n1', pledgeBody);
    assert.deepEqual(pledgedAt, [`${A}/v1/needs/p-followed-n1/pledges`]);
  });

  it('never sends an API key to the origin a node names', async () => {
    const detail = projectDetail('p-keyed');
    mock.server.use(http.get(`${B}/v1/projects/p-keyed`, () => HttpResponse.json({ ...detail, origin: A })));
    const perron = createClient({ node: B, cache: false, apiKey: 'pk_secret' });
    assert.equal((await perron.projects.get('p-keyed')).origin, B);
  });
});
