// Two node processes on one PostgreSQL database, as behind a load balancer: the last places of a
// need are never over-pledged whichever process takes each pledge, because the rule is held by the
// database's row lock, not by a process. (PostgreSQL only: the embedded database has one process.)
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { startNode, type RunningNode } from '../src/index.ts';
import { DEMO_KEYS } from '../src/seed/demo-ids.ts';
import { api } from './support/node.ts';
import { linkTokenTo, NO_PLEDGE_CAPS, NO_RATE_LIMITS, pledgeBody, publishedProjectWithNeed, write } from './support/requests.ts';

const admin = process.env.DATABASE_URL;
const nodes: RunningNode[] = [];
const name = `perron_two_${randomBytes(6).toString('hex')}`;

async function sql(text: string) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(text);
  await client.end();
}

before(async () => {
  if (!admin) return;
  await sql(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  // Each with its own pool of connections, as two processes have.
  nodes.push(await startNode({ port: 0, databaseUrl: url.toString(), seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS, workerPollMs: 0 }));
  nodes.push(await startNode({ port: 0, databaseUrl: url.toString(), rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS, workerPollMs: 0 }));
});
after(async () => {
  for (const n of nodes) await n.close();
  if (admin) await sql(`drop database if exists ${name} with (force)`);
});

test('200 simultaneous pledges for 10 places, half through each node: 10 held, 190 told it is full; confirmed, the 10 count', { skip: !admin && 'PostgreSQL only (DATABASE_URL)' }, async () => {
  const [a, b] = nodes as [RunningNode, RunningNode];
  const { needId } = await publishedProjectWithNeed(a, DEMO_KEYS.tableHochelaga, DEMO_KEYS.curator, { category: 'human', title: { fr: 'Dix places' }, unit: 'people', wanted: 10 });
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      api(i % 2 ? a : b, 'POST', `/v1/needs/${needId}/pledges`, { headers: write(), body: pledgeBody(1, { contact: { name: 'Voisin', email: `voisin${i}@example.org` } }) }),
    ),
  );
  const by = (status: number) => answers.filter((r) => r.status === status).length;
  assert.equal(by(201), 10);
  assert.equal(by(409), 190);
  assert.ok(answers.filter((r) => r.status === 409).every((r) => r.body.code === 'over_pledged'));
  for (const [i, r] of answers.entries()) {
    if (r.status !== 201) continue;
    const token = await linkTokenTo(a, `voisin${i}@example.org`, '/pledges/confirm/');
    assert.equal((await api(i % 2 ? b : a, 'POST', '/v1/pledges/confirm', { headers: write(), body: { token } })).status, 200);
  }
  const [need] = await a.db.query<{ pledged: number; rows: string }>('select n.pledged, (select count(*) from pledges p where p.need_id = n.id) as rows from needs n where n.id = $1', [needId]);
  assert.deepEqual({ pledged: need!.pledged, rows: Number(need!.rows) }, { pledged: 10, rows: 10 });
  // Both nodes answer the same, full, progress.
  for (const n of [a, b]) assert.equal((await api(n, 'GET', `/v1/needs/${needId}`)).body.pledged, 10);
});
