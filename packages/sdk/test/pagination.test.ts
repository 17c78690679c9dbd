import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { createClient, isPerronError } from '@perron/sdk';
import { A, mockNodes, project } from './fixtures.ts';

const mock = mockNodes();
before(mock.start);
afterEach(mock.reset);
after(mock.stop);

/** A node with `total` projects, answering pages of `limit` (default 2) with an opaque cursor. */
function projectsNode(total: number) {
  const seen: URL[] = [];
  const all = Array.from({ length: total }, (_, i) => project(`p${i + 1}`));
  mock.server.use(
    http.get(`${A}/v1/projects`, ({ request }) => {
      const url = new URL(request.url);
      seen.push(url);
      const limit = Number(url.searchParams.get('limit') ?? 2);
      const start = url.searchParams.has('cursor') ? Number(atob(url.searchParams.get('cursor')!)) : 0;
      const end = start + limit;
      return HttpResponse.json({ items: all.slice(start, end), nextCursor: end < total ? btoa(String(end)).replaceAll('=', '') : null });
    }),
  );
  return seen;
}
const perron = () => createClient({ node: A, retries: 0 });

describe('lists', () => {
  it('await gives the first page', async () => {
    const seen = projectsNode(5);
    const page = await perron().projects.list({ community: 'villeray' });
    assert.deepEqual(page.items.map((p) => p.id), ['p1', 'p2']);
    assert.ok(page.nextCursor);
    assert.deepEqual(page.errors, []);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.searchParams.get('community'), 'villeray');
  });

  it('for await walks every item of every page, to the end', async () => {
    const seen = projectsNode(5);
    const ids: string[] = [];
    for await (const p of perron().projects.list({ community: 'villeray' })) ids.push(p.id);
    assert.deepEqual(ids, ['p1', 'p2', 'p3', 'p4', 'p5']);
    assert.equal(seen.length, 3);
    // The filter travels with every page.
    assert.ok(seen.every((u) => u.searchParams.get('community') === 'villeray'));
  });

  it('pages() gives the pages; a cursor resumes', async () => {
    projectsNode(5);
    const client = perron();
    const pages = [];
    for await (const page of client.projects.list({ limit: 3 }).pages()) pages.push(page.items.map((p) => p.id));
    assert.deepEqual(pages, [['p1', 'p2', 'p3'], ['p4', 'p5']]);
    const first = await client.projects.list({ limit: 3 });
    const second = await client.projects.list({ limit: 3, cursor: first.nextCursor! });
    assert.deepEqual(second.items.map((p) => p.id), ['p4', 'p5']);
    assert.equal(second.nextCursor, null);
  });

  it('toArray stops at max without fetching further pages', async () => {
    const seen = projectsNode(10);
    const items = await perron().projects.list().toArray({ max: 3 });
    assert.deepEqual(items.map((p) => p.id), ['p1', 'p2', 'p3']);
    assert.equal(seen.length, 2);
    assert.equal((await perron().projects.list().toArray({ max: 100 })).length, 10);
  });

  it('toArray requires a maximum', async () => {
    projectsNode(1);
    await assert.rejects(perron().projects.list().toArray({} as never), (e) => isPerronError(e, 'ValidationError'));
  });

  it('awaiting and iterating the same list asks for the first page once', async () => {
    const seen = projectsNode(3);
    const list = perron().projects.list();
    const first = await list;
    const ids = [];
    for await (const p of list) ids.push(p.id);
    assert.equal(first.items.length, 2);
    assert.deepEqual(ids, ['p1', 'p2', 'p3']);
    assert.equal(seen.length, 2);
  });

  it('a list is a real promise', async () => {
    projectsNode(3);
    const list = perron().projects.list();
    assert.ok(list instanceof Promise);
    const [page] = await Promise.all([list]);
    assert.equal(page.items.length, 2);
  });

  it('a first page that fails reaches whoever iterates, and nobody else', async () => {
    mock.server.use(http.get(`${A}/v1/projects`, () => HttpResponse.error()));
    const list = perron().projects.list();
    await assert.rejects(async () => {
      for await (const _ of list) assert.fail('no item expected');
    }, (e) => isPerronError(e, 'NetworkError'));
  });
});
