import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningNode } from '../src/index.ts';
import { api, startTestNode } from './support/node.ts';
import { NO_RATE_LIMITS } from './support/requests.ts';

// The node's lists as ActivityStreams 2.0 collections, read as a fediverse or linked-data reader
// would: from /.well-known/perron.json to the collection, then page by page through `next`.

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, workerPollMs: 0 })));
after(() => node.close());

const AS = 'https://www.w3.org/ns/activitystreams';

async function activity(url: string) {
  const res = await fetch(url, { headers: { accept: 'application/activity+json' } });
  assert.equal(res.status, 200, url);
  assert.match(res.headers.get('content-type') ?? '', /^application\/activity\+json/);
  return { body: (await res.json()) as any, etag: res.headers.get('etag') };
}

/** Every item of a collection, from its `first` page to the last `next`. */
async function walk(collectionUrl: string) {
  const { body: collection } = await activity(collectionUrl);
  assert.equal(collection['@context'], AS);
  assert.equal(collection.type, 'OrderedCollection');
  const items: any[] = [];
  let next: string | undefined = collection.first;
  let pages = 0;
  while (next && pages < 50) {
    const { body: page } = await activity(next);
    assert.equal(page.type, 'OrderedCollectionPage');
    assert.equal(page['@context'], AS);
    assert.equal(page.partOf, collection.id);
    items.push(...page.orderedItems);
    next = page.next;
    pages++;
  }
  return { items, pages };
}

/** The same list through the JSON API, every page. */
async function apiIds(path: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await api(node, 'GET', `${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...res.body.items.map((i: { url: string }) => i.url));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}

describe('ActivityStreams collections', () => {
  test('the node info links them', async () => {
    const { body } = await api(node, 'GET', '/.well-known/perron.json');
    assert.deepEqual(body.activityStreams, { projects: `${node.url}/v1/activitystreams/projects`, events: `${node.url}/v1/activitystreams/events` });
  });

  test('projects: every published project as a Page, newest first, page by page without a gap or a repeat', async () => {
    const { items, pages } = await walk(`${node.url}/v1/activitystreams/projects?limit=4`);
    assert.ok(pages >= 3, `${pages} pages`);
    const expected = await apiIds('/v1/projects?status=published');
    assert.ok(expected.length >= 8);
    assert.deepEqual(
      items.map((i) => i.id),
      expected,
    );
    for (const item of items) {
      assert.equal(item.type, 'Page');
      assert.equal(item.url, item.id);
      assert.ok(item.name && item.nameMap.fr && item.summaryMap.fr, JSON.stringify(item));
      assert.equal(item.attributedTo.type, 'Organization');
      assert.match(item.published, /^\d{4}-\d\d-\d\dT/);
    }
  });

  test('in English: name and summary in English, both languages in the maps', async () => {
    const { body } = await activity(`${node.url}/v1/activitystreams/projects?page=true&lang=en`);
    const withEnglish = body.orderedItems.filter((i: any) => i.nameMap.en);
    assert.ok(withEnglish.length > 0);
    for (const item of withEnglish) assert.equal(item.name, item.nameMap.en);
    assert.ok(body.orderedItems[0].nameMap.fr);
  });

  test('the organization: its English name in English when it has one, its French one otherwise, both in the map', async () => {
    const { items: en } = await walk(`${node.url}/v1/activitystreams/projects?lang=en&limit=100`);
    const { items: fr } = await walk(`${node.url}/v1/activitystreams/projects?lang=fr&limit=100`);
    const authors = (items: any[]) => new Map(items.map((i) => [i.attributedTo.url, i.attributedTo]));
    const cdn = [...authors(en).values()].find((a) => a.url.endsWith('/v1/organizations/maison-de-quartier-cdn'));
    assert.deepEqual(cdn, { type: 'Organization', name: 'Côte-des-Neiges Neighbourhood House', nameMap: { fr: 'Maison de quartier Côte-des-Neiges', en: 'Côte-des-Neiges Neighbourhood House' }, url: cdn.url });
    assert.equal(authors(fr).get(cdn.url).name, 'Maison de quartier Côte-des-Neiges');
    const frenchOnly = [...authors(en).values()].find((a) => !a.nameMap.en);
    assert.equal(frenchOnly.name, frenchOnly.nameMap.fr);
  });

  test('events: the coming events as Event objects with times and a place, filtered like the list', async () => {
    const { items } = await walk(`${node.url}/v1/activitystreams/events?community=montreal&limit=5`);
    const expected = await apiIds('/v1/events?community=montreal');
    assert.ok(expected.length >= 5);
    assert.deepEqual(
      items.map((i) => i.id),
      expected,
    );
    for (const item of items) {
      assert.equal(item.type, 'Event');
      assert.ok(Date.parse(item.startTime) <= Date.parse(item.endTime));
      assert.equal(item.location.type, 'Place');
      assert.ok(item.location.name);
    }
  });

  test('a page is cacheable and revalidates with its ETag', async () => {
    const url = `${node.url}/v1/activitystreams/events?page=true`;
    const { etag } = await activity(url);
    assert.ok(etag);
    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  test('a malformed cursor is a 400 naming it', async () => {
    const res = await api(node, 'GET', '/v1/activitystreams/projects?page=true&cursor=%24%24');
    assert.equal(res.status, 400);
    assert.ok(res.body.errors.some((e: { path: string }) => e.path === 'query.cursor'), JSON.stringify(res.body));
  });
});
