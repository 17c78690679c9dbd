import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningNode } from '../src/index.ts';
import { seedDemo } from '../src/seed/index.ts';
import { api, startTestNode } from './support/node.ts';
import { NO_RATE_LIMITS } from './support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS })));
after(() => node.close());

describe('communities', () => {
  test('are listed territorial first, from the city down, each naming its parent, then those of interest', async () => {
    const res = await api(node, 'GET', '/v1/communities');
    assert.equal(res.status, 200);
    const items = res.body.items as any[];
    assert.equal(items.length, (await node.db.query('select id from communities')).length);
    assert.equal(items[0].slug, 'montreal');
    assert.equal(items[0].parent, null);
    assert.equal(items.at(-1).slug, 'agriculture-urbaine');
    assert.equal(items.at(-1).kind, 'interest');
    const levels = items.filter((c) => c.kind === 'territorial').map((c) => c.level);
    assert.deepEqual(levels, [...levels].sort((a, b) => ['city', 'borough', 'neighbourhood'].indexOf(a) - ['city', 'borough', 'neighbourhood'].indexOf(b)));
    const parcEx = items.find((c) => c.slug === 'parc-extension');
    assert.deepEqual(parcEx, {
      id: 'com_parc-extension',
      slug: 'parc-extension',
      kind: 'territorial',
      level: 'neighbourhood',
      parent: 'villeray-saint-michel-parc-extension',
      name: { fr: 'Parc-Extension', en: 'Park Extension' },
      description: null,
    });
  });

  test('one by slug, or a 404', async () => {
    const res = await api(node, 'GET', '/v1/communities/hochelaga-maisonneuve');
    assert.equal(res.status, 200);
    assert.equal(res.body.level, 'borough');
    assert.equal(res.body.parent, 'montreal');
    const missing = await api(node, 'GET', '/v1/communities/atlantis');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not_found');
  });
});

describe('organizations', () => {
  test('are paged by slug with an opaque cursor', async () => {
    const slugs: string[] = [];
    let cursor = '';
    for (let pages = 0; pages < 10; pages++) {
      const res = await api(node, 'GET', `/v1/organizations?limit=3${cursor}`);
      assert.equal(res.status, 200);
      assert.ok(res.body.items.length <= 3);
      slugs.push(...res.body.items.map((o: any) => o.slug));
      if (!res.body.nextCursor) break;
      assert.doesNotMatch(res.body.nextCursor, /[^A-Za-z0-9_-]/);
      cursor = `&cursor=${res.body.nextCursor}`;
    }
    const rows = await node.db.query<{ slug: string }>('select slug from organizations order by slug');
    assert.deepEqual(slugs, rows.map((r) => r.slug));
  });

  test('of a community include those of the communities nested in it', async () => {
    const slugs = async (community: string) => (await api(node, 'GET', `/v1/organizations?community=${community}&limit=100`)).body.items.map((o: any) => o.slug);
    assert.deepEqual(await slugs('parc-extension'), ['accueil-parc-extension']);
    assert.deepEqual(await slugs('villeray-saint-michel-parc-extension'), ['accueil-parc-extension', 'carrefour-villeray']);
    // Every demo organization is in Montréal or in a borough or neighbourhood of it.
    const every = (await node.db.query<{ slug: string }>('select slug from organizations order by slug')).map((r) => r.slug);
    assert.deepEqual(await slugs('montreal'), every);
    assert.deepEqual(await slugs('plateau-mont-royal'), ['cooperative-verte', 'ressourcerie-du-plateau']);
    assert.deepEqual(await slugs('agriculture-urbaine'), ['cooperative-verte']);
  });

  test('one by slug, with its communities, kind and website', async () => {
    const res = await api(node, 'GET', '/v1/organizations/caisse-du-centre');
    assert.equal(res.status, 200);
    assert.equal(res.body.kind, 'funder');
    assert.deepEqual(res.body.communities, ['montreal']);
    assert.equal(res.body.website, 'https://example.org/caisse-du-centre');
    assert.equal((await api(node, 'GET', '/v1/organizations/nobody')).status, 404);
  });
});

describe('the demo seed', () => {
  test('has every kind of organization the design names and projects in every status', async () => {
    const kinds = (await node.db.query<{ kind: string }>('select distinct kind from organizations order by kind')).map((r) => r.kind);
    for (const kind of ['community_organization', 'neighbourhood_table', 'social_economy', 'funder']) assert.ok(kinds.includes(kind), kind);
    const statuses = (await node.db.query<{ status: string }>('select distinct status from projects')).map((r) => r.status).sort();
    assert.deepEqual(statuses, ['cancelled', 'completed', 'draft', 'published', 'rejected', 'submitted']);
    assert.ok((await node.db.query('select id from projects')).length >= 12);
    const categories = (await node.db.query<{ category: string }>(`select distinct category from needs where pledged > 0 and pledged < wanted`)).map((r) => r.category).sort();
    assert.deepEqual(categories, ['financial', 'human', 'material']);
  });

  test("keeps each need's progress equal to the pledges that count", async () => {
    const drift = await node.db.query(
      `select n.id from needs n
        where n.pledged <> (select coalesce(sum(quantity), 0) from pledges p where p.need_id = n.id and p.status in ('pending', 'confirmed', 'fulfilled'))
           or n.pledge_count <> (select count(*) from pledges p where p.need_id = n.id and p.status in ('pending', 'confirmed', 'fulfilled'))`,
    );
    assert.deepEqual(drift, []);
  });

  test('runs once: a second run on a seeded database changes nothing', async () => {
    const before = (await node.db.query<{ n: number }>('select count(*) as n from projects'))[0]!.n;
    assert.equal(await seedDemo(node.db, { now: new Date() }), false);
    assert.equal((await node.db.query<{ n: number }>('select count(*) as n from projects'))[0]!.n, before);
  });
});
