// B follows A: A's published projects, needs and events join B's public lists and feed with their
// origin, kept up to date by polling A's public API; what leaves A leaves B; A down costs a log line.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_COMMUNITIES, DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../src/seed/demo-ids.ts';
import { createApiKey, pollFollows, type FollowingOptions, type RunningNode } from '../src/index.ts';
import { addFollow } from '../src/services/following.ts';
import { api, startTestNode } from './support/node.ts';
import { bearer, confirmedPledge, NO_RATE_LIMITS, pledgeBody, write } from './support/requests.ts';

/** Every item of a list, page after page. */
async function all(node: RunningNode, path: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api(node, 'GET', `${path}${cursor ? `${sep}cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

describe('a node follows another node', () => {
  let a: RunningNode;
  let b: RunningNode;
  let curator: string;
  let followId: string;
  const logged: string[] = [];
  const statuses: { path: string; status: number }[] = [];
  const options: FollowingOptions = {
    interval: 60_000,
    log: (line) => logged.push(line),
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      statuses.push({ path: new URL(String(input)).pathname, status: res.status });
      return res;
    },
  };
  // Each poll runs as if the last one's interval had passed.
  let clock = Date.now();
  const poll = () => pollFollows(b.db, new Date((clock += 3_600_000 * 2)), options);

  before(async () => {
    a = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, followInterval: 0 });
    b = await startTestNode({ rateLimits: NO_RATE_LIMITS, followInterval: 0, readPrivateOrigins: true });
    curator = await createApiKey(b.db, { role: 'curator', label: 'B admin' });
  });
  let aRunning = true;
  after(async () => {
    await b?.close();
    if (aRunning) await a?.close();
  });

  test('only a curator key adds a node; the node is read in the background', async () => {
    assert.equal((await api(b, 'POST', '/v1/follows', { headers: write(), body: { url: a.url } })).status, 401);
    const res = await api(b, 'POST', '/v1/follows', { headers: write(curator), body: { url: `${a.url}/` } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.url, a.url);
    assert.equal(res.body.state, 'pending');
    followId = res.body.id;
    assert.equal((await api(b, 'POST', '/v1/follows', { headers: write(curator), body: { url: a.url } })).body.code, 'conflict');
    assert.equal((await api(b, 'GET', '/v1/projects')).body.items.length, 0, 'nothing before the first poll');
  });

  test("after one poll, A's published projects and events are in B's lists and feed, with their origin", async () => {
    assert.equal(await poll(), 1);
    const ofA = await all(a, '/v1/projects');
    const onB = await all(b, '/v1/projects?limit=5');
    assert.ok(ofA.length > 5);
    assert.deepEqual(onB.map((p) => p.id), ofA.map((p) => p.id), 'the same projects, in the same order, across pages');
    for (const p of onB) {
      assert.equal(p.origin, a.url);
      assert.ok(p.url.startsWith(`${a.url}/projects/`), p.url);
    }
    assert.deepEqual(await all(b, '/v1/projects?origin=local'), []);
    const villeray = (await all(b, `/v1/projects?community=${DEMO_COMMUNITIES.villerayBorough}`)).map((p) => p.id);
    assert.ok(villeray.includes(DEMO_PROJECTS.patinoire), 'a community of the origin filters its copies, sub-communities included');
    assert.deepEqual(villeray, (await all(a, `/v1/projects?community=${DEMO_COMMUNITIES.villerayBorough}`)).map((p) => p.id));

    const detail = await api(b, 'GET', `/v1/projects/${DEMO_PROJECTS.patinoire}`);
    assert.equal(detail.status, 200);
    assert.ok(detail.body.needs.length > 0);
    assert.ok(detail.body.needs.every((n: { origin: string }) => n.origin === a.url));
    const need = await api(b, 'GET', `/v1/needs/${DEMO_NEEDS.patinoireArrosage}`);
    assert.equal(need.body.origin, a.url);

    const eventsOfA = await all(a, '/v1/events');
    assert.ok(eventsOfA.length > 0);
    assert.deepEqual((await all(b, '/v1/events')).map((e) => [e.id, e.origin]), eventsOfA.map((e) => [e.id, a.url]));
    const ics = (await api(b, 'GET', '/v1/events.ics')).body as string;
    const host = new URL(a.url).host;
    for (const e of eventsOfA) assert.ok(ics.includes(`UID:${e.id}@${host}`), `the feed keeps the origin's UID of ${e.id}`);
    assert.equal((await api(b, 'GET', '/v1/events.ics?origin=local')).body.includes('BEGIN:VEVENT'), false);

    const page = await fetch(`${b.url}/projects/${DEMO_PROJECTS.patinoire}`, { redirect: 'manual' });
    assert.equal(page.status, 302);
    assert.equal(page.headers.get('location'), `${a.url}/projects/${DEMO_PROJECTS.patinoire}`);

    const follow = await api(b, 'GET', `/v1/follows/${followId}`, { headers: bearer(curator) });
    assert.equal(follow.body.state, 'ok');
    assert.equal(follow.body.projectCount, ofA.length);
    assert.equal(follow.body.eventCount, eventsOfA.length);
  });

  test('an unchanged origin answers 304 to every revalidation', async () => {
    statuses.length = 0;
    await poll();
    const revalidated = statuses.filter((s) => s.path !== '/.well-known/perron.json');
    assert.ok(revalidated.length > 5);
    assert.deepEqual(revalidated.filter((s) => s.status !== 304), []);
  });

  test("a pledge on A shows on B after a poll; the pledger's contact never reaches B", async () => {
    const before = (await api(b, 'GET', `/v1/needs/${DEMO_NEEDS.patinoireArrosage}`)).body.pledged;
    const pledged = await confirmedPledge(a, DEMO_NEEDS.patinoireArrosage, pledgeBody(2, { contact: { name: 'Rémi Tremblay', email: 'remi.follow@example.org' } }));
    assert.equal(pledged.status, 200, JSON.stringify(pledged.body));
    await poll();
    assert.equal((await api(b, 'GET', `/v1/needs/${DEMO_NEEDS.patinoireArrosage}`)).body.pledged, before + 2);
    const [row] = await b.db.query<{ n: number }>(
      `select count(*) as n from (select data::text as t from followed_projects union all select data::text from followed_needs
         union all select data::text from followed_events) x where t like '%remi.follow%' or t like '%Rémi%'`,
    );
    assert.equal(Number(row?.n), 0);
  });

  test('a project cancelled on A leaves B', async () => {
    const cancelled = await api(a, 'POST', `/v1/projects/${DEMO_PROJECTS.patinoire}/cancel`, { headers: write(DEMO_KEYS.carrefourVilleray), body: {} });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    await poll();
    assert.equal((await api(b, 'GET', `/v1/projects/${DEMO_PROJECTS.patinoire}`)).status, 404);
    assert.equal((await api(b, 'GET', `/v1/needs/${DEMO_NEEDS.patinoireArrosage}`)).status, 404);
    assert.ok(!(await all(b, '/v1/projects')).some((p) => p.id === DEMO_PROJECTS.patinoire));
  });

  test('A down: B keeps serving its copy, logs one line per try and backs off', async () => {
    const count = (await all(b, '/v1/projects')).length;
    await a.close();
    aRunning = false;
    logged.length = 0;
    const at = new Date((clock += 3_600_000 * 2));
    assert.equal(await pollFollows(b.db, at, options), 1);
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, new RegExp(`${a.url} unreachable`));
    assert.equal((await all(b, '/v1/projects')).length, count);
    const follow = (await api(b, 'GET', `/v1/follows/${followId}`, { headers: bearer(curator) })).body;
    assert.equal(follow.state, 'unreachable');
    assert.ok(Date.parse(follow.nextPollAt) - at.getTime() > options.interval, 'waits longer than the interval after a failure');
    assert.equal(await pollFollows(b.db, new Date(at.getTime() + options.interval), options), 0, 'not retried before its back-off');
  });

  test('stopping to follow removes the copies', async () => {
    assert.equal((await api(b, 'DELETE', `/v1/follows/${followId}`, { headers: bearer(curator) })).status, 200);
    assert.deepEqual(await all(b, '/v1/projects'), []);
    assert.deepEqual(await all(b, '/v1/events'), []);
  });
});

describe('following chosen communities', () => {
  test('only the projects of those communities are copied', async () => {
    const a = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, followInterval: 0 });
    const b = await startTestNode({ rateLimits: NO_RATE_LIMITS, followInterval: 0, readPrivateOrigins: true });
    try {
      const curator = await createApiKey(b.db, { role: 'curator', label: 'B admin' });
      const res = await api(b, 'POST', '/v1/follows', { headers: write(curator), body: { url: a.url, communities: [DEMO_COMMUNITIES.villeray] } });
      assert.equal(res.status, 201);
      await pollFollows(b.db, new Date(), { interval: 60_000 });
      const expected = (await all(a, `/v1/projects?community=${DEMO_COMMUNITIES.villeray}`)).map((p) => p.id);
      assert.ok(expected.length > 0 && expected.length < (await all(a, '/v1/projects')).length);
      assert.deepEqual((await all(b, '/v1/projects')).map((p) => p.id), expected);
    } finally {
      await b.close();
      await a.close();
    }
  });
});

describe('a public node reads other servers at public addresses only', () => {
  test('a followed name that now resolves to this machine is refused after resolution; an address on it before any connection', async () => {
    const a = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, followInterval: 0 });
    // As in production: readPrivateOrigins is off, and the worker reads with its own follow job.
    const b = await startTestNode({ rateLimits: NO_RATE_LIMITS, followInterval: 60_000, workerPollMs: 0 });
    try {
      // Both passed when saved (a public name); they now lead here, as a rebinding name would: 'localhost' stands in for it.
      const port = new URL(a.url).port;
      const [named, literal] = await b.db.tx(async (q) => [await addFollow(q, `http://localhost:${port}`, [], new Date()), await addFollow(q, `http://127.0.0.1:${port}`, [], new Date())]);
      await b.worker.runOnce(new Date(Date.now() + 120_000));
      const rows = await b.db.query<{ id: string; state: string; last_error: string }>('select id, state, last_error from follows order by id');
      const of = (id: string | null) => rows.find((r) => r.id === id)!;
      assert.equal(of(named).state, 'unreachable');
      assert.match(of(named).last_error, /^localhost resolves to a private address \((127\.0\.0\.1|::1)\)$/);
      assert.equal(of(literal).state, 'unreachable');
      assert.match(of(literal).last_error, /^127\.0\.0\.1 is a private address$/);
      assert.deepEqual(await all(b, '/v1/projects'), [], 'nothing of A was copied');
    } finally {
      await b.close();
      await a.close();
    }
  });
});
