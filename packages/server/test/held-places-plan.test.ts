// A need's held places are summed at every public pledge: through the index of holds by need,
// whatever the table's statistics say, never by walking every hold of the node.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningNode } from '../src/index.ts';
import { DEMO_NEEDS, DEMO_PROJECTS } from '../src/seed/demo-ids.ts';
import { held } from '../src/services/pledge-holds.ts';
import { startTestNode } from './support/node.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true })));
after(() => node.close());

test('the places a need holds are read through its own index, even when the statistics were taken with no hold', async () => {
  // A node with years of pledges, and statistics taken on a quiet night: nothing held.
  await node.db.query(`update pledges set status = 'expired' where status = 'held'`);
  await node.db.query(
    `insert into pledges (id, need_id, project_id, quantity, status, consent_version, consent_share, consent_updates, consent_at, lang, withdraw_token_hash, created_at)
     select 'pl_past-' || i, n.id, n.project_id, 1, 'confirmed', '1', false, false, now(), 'fr', 'past-' || i, now() - i * interval '5 minutes'
       from generate_series(1, 100000) i join (select id, project_id, row_number() over (order by id) - 1 as k, count(*) over () as total from needs) n on n.k = i % n.total`,
  );
  await node.db.query('analyze pledges');
  // Then a campaign's morning: 2,000 holds on one need, which those statistics have not seen.
  await node.db.query(
    `insert into pledges (id, need_id, project_id, quantity, status, consent_version, consent_share, consent_updates, consent_at, lang, withdraw_token_hash, held_until)
     select 'pl_hold-' || i, $1, $2, 1, 'held', '1', false, false, now(), 'fr', 'hash-' || i, now() + interval '30 minutes' from generate_series(1, 2000) i`,
    [DEMO_NEEDS.patinoireArrosage, DEMO_PROJECTS.patinoire],
  );
  // The plan a named statement settles on after its first runs: generic, for any need.
  const plan = await node.db.tx(async (q) => {
    await q.query('set local plan_cache_mode = force_generic_plan');
    await q.query(`prepare held_places (text, timestamptz) as select * from ${held('$1', '$2')} h`);
    const rows = await q.query<Record<string, string>>(`explain execute held_places ('${DEMO_NEEDS.jardinTerreau}', now())`);
    await q.query('deallocate held_places');
    return rows.map((r) => Object.values(r)[0]).join('\n');
  });
  assert.match(plan, /pledges_held/, plan);
  assert.doesNotMatch(plan, /pledges_status_created/, plan);
});
