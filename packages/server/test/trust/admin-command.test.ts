// Issue 10, item 1: a production node has no demo data and no demo key; its operator creates
// communities, organizations, people and keys with the admin command, and revokes keys.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { AdminError } from '../../src/cli/admin.ts';
import { DEMO_KEYS } from '../../src/seed/demo-ids.ts';
import { startNode } from '../../src/index.ts';
import { admin } from '../support/admin.ts';
import { embeddedOnly, perron, runToEnd, startNodeProcess } from '../support/process.ts';
import { projectBody, write } from '../support/requests.ts';

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'perron-admin-'));
  dirs.push(dir);
  return join(dir, 'node');
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// One empty node directory for the file (an embedded database's first start is its slowest);
// the first test leaves it empty.
const emptyNode = dataDir();

// The embedded database in a directory of its own, whatever the test run uses.
const production = (dir: string) => ({ NODE_ENV: 'production', PERRON_DATA_DIR: dir, DATABASE_URL: '', PERRON_DEMO: '' });

const post = (url: string, key: string, body: unknown = {}) =>
  fetch(url, { method: 'POST', headers: { ...write(key), 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('a fresh production node has no demo data: the demo curator key is a 401', embeddedOnly, async () => {
  const node = await startNodeProcess(production(emptyNode));
  try {
    const res = await post(`${node.url}/v1/projects/prj_jardin-ontario/publish`, DEMO_KEYS.curator);
    assert.equal(res.status, 401);
    assert.equal((await res.json()).code, 'unauthorized');
    const org = await post(`${node.url}/v1/projects`, DEMO_KEYS.carrefourVilleray, projectBody());
    assert.equal(org.status, 401);
    const projects = await (await fetch(`${node.url}/v1/projects`)).json();
    assert.deepEqual(projects.items, []);
    assert.equal((await fetch(`${node.url}/dev/mail`)).status, 404, 'no dev mailbox in production');
    assert.doesNotMatch(node.output(), /pk_demo_/);
  } finally {
    await node.stop();
  }
});

test('asking for the demo in production is refused unless a second, explicit opt-in says so', embeddedOnly, async () => {
  const refused = await runToEnd('packages/server/src/main.ts', ['--demo'], { ...production(dataDir()), PORT: '0' });
  assert.equal(refused.code, 1);
  assert.match(refused.out, /Refused: demo data asked for with NODE_ENV=production/);
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await assert.rejects(startNode({ port: 0, seed: true }), /Refusing to load the demo data/);
  } finally {
    process.env.NODE_ENV = env;
  }
});

test('the admin command creates a community, an organization, its admin and a key, and revokes the key', embeddedOnly, async () => {
  const dir = emptyNode;
  const [, , person, created, list] = await admin(
    dir,
    ['community', 'add', 'montreal', '--name', 'Montréal', '--level', 'city'],
    ['organization', 'add', 'carrefour', '--name', 'Carrefour communautaire', '--community', 'montreal'],
    ['person', 'add', 'lea@example.org', '--name', 'Léa', '--admin', 'carrefour'],
    ['key', 'create', '--organization', 'carrefour', '--label', 'Site web'],
    ['list'],
  );
  assert.match(person!, /admin: carrefour/);
  const secret = /^\s+(pk_\S+)$/m.exec(created!)?.[1];
  const keyId = /key created: (key_\S+)/.exec(created!)?.[1];
  assert.ok(secret && keyId, created);
  assert.match(list!, /lea@example\.org {2}admin:carrefour/);

  // A wrong command or value says so and changes nothing.
  await assert.rejects(admin(dir, ['organization', 'add', 'Not A Slug', '--name', 'x']), (e: Error) => e instanceof AdminError && /slug/.test(e.message));

  // The node as its operator starts it; while it holds the embedded database, the command refuses to open it.
  const running = await startNodeProcess(production(dir));
  try {
    const made = await post(`${running.url}/v1/projects`, secret, projectBody({ communities: ['montreal'] }));
    assert.equal(made.status, 201, await made.clone().text());
    assert.equal((await made.json()).organization.slug, 'carrefour');
    const busy = await perron(['list'], production(dir));
    assert.equal(busy.code, 1);
    assert.match(busy.out, /stop it first/);
  } finally {
    await running.stop();
  }

  const [revoked, , relabelled, skills] = await admin(
    dir,
    ['key', 'revoke', keyId],
    ['skill', 'add', 'bike-delivery', '--name', 'livraison vélo', '--name-en', 'bike courier'],
    ['skill', 'add', 'bike-delivery', '--name', 'livraison à vélo', '--name-en', 'bike delivery'],
    ['skill', 'list'],
  );
  assert.match(revoked!, /key revoked/);
  assert.match(relabelled!, /skill: bike-delivery {2}livraison à vélo \/ bike delivery/);
  assert.match(skills!, /^bike-delivery +livraison à vélo \/ bike delivery$/m);
  const node = await startNode({ port: 0, dataDir: dir });
  try {
    const res = await post(`${node.url}/v1/projects`, secret, projectBody({ communities: ['montreal'] }));
    assert.equal(res.status, 401);
    const taxonomy = await (await fetch(`${node.url}/v1/skills`)).json();
    assert.deepEqual(taxonomy.items.find((x: { code: string }) => x.code === 'bike-delivery'), { code: 'bike-delivery', label: { fr: 'livraison à vélo', en: 'bike delivery' } }, 'a skill the operator added, for every form and page');
  } finally {
    await node.close();
  }
});
