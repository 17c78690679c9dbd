// The public list reads each project's progress from its row (migration 050): every way a need
// changes must move it in the same transaction, as the list and the project itself show it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS } from '../src/seed/demo-ids.ts';
import { api, startTestNode } from './support/node.ts';
import { approvePendingChanges, confirmedPledge, NO_RATE_LIMITS, pledgeBody, publishedProjectWithNeed, write } from './support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS })));
after(() => node.close());

const TABLE = DEMO_KEYS.tableHochelaga;
const listed = async (id: string, q = 'adam') => {
  const res = await api(node, 'GET', `/v1/projects?q=${q}&limit=100`);
  assert.equal(res.status, 200);
  return res.body.items.find((p: { id: string }) => p.id === id);
};

test('a project’s progress in the list follows its needs: pledges, a new need, an edit, a closed need, a pledge withdrawn', async () => {
  const { projectId, needId } = await publishedProjectWithNeed(node, TABLE, DEMO_KEYS.curator, { category: 'human', title: { fr: 'Bénévoles' }, unit: 'people', wanted: 4 });
  assert.deepEqual((await listed(projectId)).progress.human, { needs: 1, filled: 0, ratio: 0 });

  const pledge = await confirmedPledge(node, needId, pledgeBody(1));
  assert.equal(pledge.status, 200);
  assert.deepEqual((await listed(projectId)).progress.human, { needs: 1, filled: 0, ratio: 0.25 });

  const money = await api(node, 'POST', `/v1/projects/${projectId}/needs`, { headers: write(TABLE), body: { category: 'financial', title: { fr: 'Dons' }, wanted: 10_000 } });
  assert.equal(money.status, 201);
  // A money need added to a published project waits for a curator (docs/node.md, review): approved, it counts.
  assert.deepEqual((await listed(projectId)).progress.financial.needs, 0);
  await approvePendingChanges(node, DEMO_KEYS.curator, projectId);
  await confirmedPledge(node, money.body.id, pledgeBody(2_500));
  const both = (await listed(projectId)).progress;
  assert.deepEqual(both.financial, { needs: 1, filled: 0, ratio: 0.25, wantedCents: 10_000, pledgedCents: 2_500 });

  // The organization asks for fewer people: the one pledged now fills it.
  const edited = await api(node, 'PATCH', `/v1/needs/${needId}`, { headers: write(TABLE), body: { wanted: 1 } });
  assert.equal(edited.status, 200);
  assert.deepEqual((await listed(projectId)).progress.human, { needs: 1, filled: 1, ratio: 1 });

  const closed = await api(node, 'PATCH', `/v1/needs/${money.body.id}`, { headers: write(TABLE), body: { status: 'closed' } });
  assert.equal(closed.status, 200);
  assert.equal((await listed(projectId)).progress.financial.needs, 0);

  // Any writer of needs, here plain SQL (as a later rule that counts pledges only once confirmed would), moves it too.
  await node.db.query("update needs set pledged = 0, status = 'open' where id = $1", [needId]);
  const after = await listed(projectId);
  assert.deepEqual(after.progress.human, { needs: 1, filled: 0, ratio: 0 });
  // The list and the project itself agree.
  assert.deepEqual((await api(node, 'GET', `/v1/projects/${projectId}`)).body.progress, after.progress);
});

test('search is accent-free and goes through the trigram index, not a scan of every project', async () => {
  const { projectId } = await publishedProjectWithNeed(node, TABLE, DEMO_KEYS.curator, { category: 'material', title: { fr: 'Pots' }, unit: { fr: 'pots' }, wanted: 3 }, { title: { fr: 'Fête de la rue Ste-Cécile' } });
  assert.ok(await listed(projectId, 'CECILE'));
  assert.ok(await listed(projectId, 'f%C3%AAte'));
  assert.equal(await listed(projectId, 'cecilia'), undefined);
  // With sequential scans priced out, the planner must have an index for `search like '%…%'`.
  const plan = await node.db.tx(async (q) => {
    await q.query('set local enable_seqscan = off');
    return q.query<Record<string, string>>(`explain select id from projects where search like '%cecile%'`);
  });
  assert.match(plan.map((r) => Object.values(r)[0]).join('\n'), /projects_search/);
});
