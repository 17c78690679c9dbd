import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS } from '../src/seed/demo-ids.ts';
import { api, startTestNode } from './support/node.ts';
import { bearer, NO_RATE_LIMITS, pledgeBody, projectBody, publishedProjectWithNeed, write } from './support/requests.ts';

// Two organizations side by side: each acts on its own data only, and another's looks like nothing at all.
const A = DEMO_KEYS.tableHochelaga;
const B = DEMO_KEYS.maisonCdn;

let node: RunningNode;
let draftOfA: string;
let needOfA: string;
let pledgeOfA: string;
let projectOfA: string;
const snapshot = async () => ({
  projects: await node.db.query('select * from projects order by id'),
  needs: await node.db.query('select * from needs order by id'),
  pledges: await node.db.query('select * from pledges order by id'),
});

before(async () => {
  node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS });
  draftOfA = (await api(node, 'POST', '/v1/projects', { headers: write(A), body: projectBody() })).body.id;
  ({ projectId: projectOfA, needId: needOfA } = await publishedProjectWithNeed(node, A, DEMO_KEYS.curator, { category: 'material', title: { fr: 'Pelles' }, unit: { fr: 'pelles' }, wanted: 10 }));
  pledgeOfA = (await api(node, 'POST', `/v1/needs/${needOfA}/pledges`, { headers: write(), body: pledgeBody(2, { contact: { name: 'Secret', email: 'secret@example.org' } }) })).body.id;
});
after(() => node.close());

describe('between two organizations', () => {
  test("B can't read A's draft, alone or in a list", async () => {
    const one = await api(node, 'GET', `/v1/projects/${draftOfA}`, { headers: bearer(B) });
    assert.equal(one.status, 404);
    assert.equal(one.body.code, 'not_found');
    assert.ok(!JSON.stringify(one.body).includes('Adam'));
    const drafts = await api(node, 'GET', '/v1/projects?status=draft&limit=100', { headers: bearer(B) });
    assert.equal(drafts.status, 200);
    // B's draft list is exactly B's own drafts, as the database holds them: A's never joins it.
    const ownDrafts = await node.db.query<{ id: string }>(`select id from projects where organization_id = 'org_maison-de-quartier-cdn' and status = 'draft' order by id`);
    assert.deepEqual(drafts.body.items.map((p: any) => p.id).sort(), ownDrafts.map((r) => r.id));
    assert.ok(!drafts.body.items.some((p: any) => p.id === draftOfA));
    const all = await api(node, 'GET', '/v1/projects?limit=100', { headers: bearer(B) });
    assert.ok(!all.body.items.some((p: any) => p.id === draftOfA));
  });

  test("B can't change A's projects and needs: every attempt is a 404 and no row moves", async () => {
    const before = await snapshot();
    const attempts = [
      api(node, 'PATCH', `/v1/projects/${draftOfA}`, { headers: bearer(B), body: { title: { fr: 'Pris' } } }),
      api(node, 'PATCH', `/v1/projects/${projectOfA}`, { headers: bearer(B), body: { title: { fr: 'Pris' } } }),
      api(node, 'POST', `/v1/projects/${draftOfA}/submit`, { headers: write(B), body: {} }),
      api(node, 'POST', `/v1/projects/${projectOfA}/complete`, { headers: write(B), body: {} }),
      api(node, 'POST', `/v1/projects/${projectOfA}/cancel`, { headers: write(B), body: {} }),
      api(node, 'POST', `/v1/projects/${projectOfA}/needs`, { headers: write(B), body: { category: 'financial', title: { fr: 'X' }, wanted: 1000 } }),
      api(node, 'PATCH', `/v1/needs/${needOfA}`, { headers: bearer(B), body: { wanted: 99 } }),
      api(node, 'PATCH', `/v1/needs/${needOfA}`, { headers: bearer(B), body: { status: 'closed' } }),
    ];
    for (const res of await Promise.all(attempts)) {
      assert.equal(res.status, 404, JSON.stringify(res.body));
      assert.equal(res.body.code, 'not_found');
    }
    assert.deepEqual(await snapshot(), before);
  });

  test("B never sees A's pledges or their contacts, and can't change them", async () => {
    const list = await api(node, 'GET', '/v1/pledges?limit=100', { headers: bearer(B) });
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length > 0); // B's own demo pledges
    const projects = new Set((await node.db.query<{ id: string }>(`select id from projects where organization_id = 'org_maison-de-quartier-cdn'`)).map((r) => r.id));
    assert.ok(list.body.items.every((p: any) => projects.has(p.projectId)));
    assert.ok(!JSON.stringify(list.body).includes('secret@example.org'));
    const filtered = await api(node, 'GET', `/v1/pledges?project=${projectOfA}`, { headers: bearer(B) });
    assert.deepEqual(filtered.body.items, []);
    const byNeed = await api(node, 'GET', `/v1/pledges?need=${needOfA}`, { headers: bearer(B) });
    assert.deepEqual(byNeed.body.items, []);

    const before = await snapshot();
    const update = await api(node, 'PATCH', `/v1/pledges/${pledgeOfA}`, { headers: bearer(B), body: { status: 'declined' } });
    assert.equal(update.status, 404);
    const erase = await api(node, 'DELETE', `/v1/pledges/${pledgeOfA}/contact`, { headers: bearer(B) });
    assert.equal(erase.status, 404);
    assert.ok(!JSON.stringify([update.body, erase.body]).includes('secret'));
    assert.deepEqual(await snapshot(), before);
  });

  test('A sees its own pledge with the contact; the public and curators see no contact at all', async () => {
    const mine = await api(node, 'GET', `/v1/pledges?project=${projectOfA}`, { headers: bearer(A) });
    assert.deepEqual(mine.body.items.map((p: any) => p.contact), [{ name: 'Secret', email: 'secret@example.org' }]);
    assert.equal((await api(node, 'GET', '/v1/pledges')).status, 401);
    const curator = await api(node, 'GET', '/v1/pledges', { headers: bearer(DEMO_KEYS.curator) });
    assert.equal(curator.status, 403);
    const publicProject = await api(node, 'GET', `/v1/projects/${projectOfA}`);
    assert.ok(!JSON.stringify(publicProject.body).includes('secret@example.org'));
  });

  test("a curator can't edit an organization's project, and B can't use A's key by guessing", async () => {
    const res = await api(node, 'PATCH', `/v1/projects/${draftOfA}`, { headers: bearer(DEMO_KEYS.curator), body: { title: { fr: 'X' } } });
    assert.equal(res.status, 403);
    const guessed = await api(node, 'PATCH', `/v1/projects/${draftOfA}`, { headers: bearer('pk_demo_table-hochelagaa'), body: { title: { fr: 'X' } } });
    assert.equal(guessed.status, 401);
    assert.equal((await node.db.query<any>('select title from projects where id = $1', [draftOfA]))[0].title.fr, 'Bacs à fleurs de la rue Adam');
  });
});
