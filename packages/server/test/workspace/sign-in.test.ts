// Sign-in by emailed link and the session it opens: the trust rules of issue 12.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningNode } from '../../src/index.ts';
import { DEMO_STAFF } from '../../src/seed/demo-ids.ts';
import { SIGN_IN_LIMITS, SIGN_IN_TTL_MS } from '../../src/services/sign-in.ts';
import { startTestNode } from '../support/node.ts';
import { NO_RATE_LIMITS } from '../support/requests.ts';
import { cookieOf, getPage, lastSignInToken, postForm, signIn, signInMails } from '../support/workspace.ts';

let node: RunningNode;
// The node's clock: moved past the sign-in windows between tests, and past a link's life.
let clock = Date.now();
const nextHour = () => (clock += 2 * SIGN_IN_LIMITS.windowMs);

before(async () => {
  // The node's general rate limits would stop this file's own traffic first: the sign-in limits are under test.
  node = await startTestNode({ seed: true, now: () => new Date(clock), rateLimits: NO_RATE_LIMITS });
});
after(() => node?.close());

test('a known address gets a link; its page signs in only with the POST; the cookie is HttpOnly, Lax, on the node only', async () => {
  nextHour();
  const email = DEMO_STAFF.carrefourVilleray;
  const asked = await postForm(node, '/workspace/sign-in', { email: email.toUpperCase() });
  assert.equal(asked.status, 303);
  assert.match(asked.location!, /^\/workspace\/sign-in\/sent/);
  const token = await lastSignInToken(node, email);
  assert.ok(token);
  const [row] = await node.db.query<{ n: number }>('select count(*) as n from sign_in_tokens where hash = $1', [token]);
  assert.equal(Number(row!.n), 0, 'only the hash of the token is stored');

  // A mail scanner opening the link twice spends nothing.
  for (let i = 0; i < 2; i++) {
    const opened = await getPage(node, `/workspace/sign-in/link?token=${token}`);
    assert.equal(opened.status, 200);
    assert.equal(opened.setCookie.length, 0);
    assert.match(opened.text, /<button type="submit"[^>]*>Me connecter<\/button>/);
  }
  const done = await postForm(node, '/workspace/sign-in/link', { token });
  assert.equal(done.status, 303);
  const setCookie = done.setCookie.find((c) => c.startsWith('perron_session='));
  assert.ok(setCookie, done.setCookie.join('\n'));
  assert.match(setCookie, /; HttpOnly/);
  assert.match(setCookie, /; SameSite=Lax/);
  assert.match(setCookie, /; Path=\//);
  assert.doesNotMatch(setCookie, /Domain=/);
  assert.doesNotMatch(setCookie, /; Secure/, 'http://localhost: no Secure (and so no __Host- prefix)');

  const home = await getPage(node, '/workspace', cookieOf(done));
  assert.equal(home.status, 303);
  assert.equal(home.location, '/workspace/o/carrefour-villeray');
  const org = await getPage(node, home.location, cookieOf(done));
  assert.equal(org.status, 200);
  assert.match(org.text, /<h1>Carrefour communautaire Villeray<\/h1>/);
  const [logged] = await node.db.query<{ n: number }>(`select count(*) as n from activity_log where organization_id = 'org_carrefour-villeray' and action = 'signed_in'`);
  assert.ok(Number(logged!.n) >= 1);
});

test('an unknown address gets the same answer and no mail', async () => {
  nextHour();
  const before = await node.db.query<{ n: number }>('select count(*) as n from mail_outbox');
  const unknown = await postForm(node, '/workspace/sign-in', { email: 'personne@example.org' });
  const known = await postForm(node, '/workspace/sign-in', { email: DEMO_STAFF.curator });
  assert.equal(unknown.status, known.status);
  assert.equal(unknown.location, known.location);
  const after = await node.db.query<{ n: number }>('select count(*) as n from mail_outbox');
  assert.equal(Number(after[0]!.n) - Number(before[0]!.n), 1, 'one mail: to the known address only');
  assert.equal(await signInMails(node, 'personne@example.org'), 0);
});

test('a used, expired or foreign token signs no one in', async () => {
  nextHour();
  const email = DEMO_STAFF.tableHochelaga;
  await postForm(node, '/workspace/sign-in', { email });
  const used = (await lastSignInToken(node, email))!;
  assert.equal((await postForm(node, '/workspace/sign-in/link', { token: used })).status, 303);
  const again = await postForm(node, '/workspace/sign-in/link', { token: used });
  assert.equal(again.status, 400);
  assert.equal(again.setCookie.length, 0);
  assert.match(again.text, /Lien expiré ou déjà utilisé/);

  await postForm(node, '/workspace/sign-in', { email });
  const late = (await lastSignInToken(node, email))!;
  clock += SIGN_IN_TTL_MS + 1000;
  const expired = await postForm(node, '/workspace/sign-in/link', { token: late });
  assert.equal(expired.status, 400);
  assert.equal(expired.setCookie.length, 0);

  const foreign = await postForm(node, '/workspace/sign-in/link', { token: 'x'.repeat(32) });
  assert.equal(foreign.status, 400);
  assert.equal(foreign.setCookie.length, 0);
  const garbage = await postForm(node, '/workspace/sign-in/link', { token: "'; drop table sessions; --" });
  assert.equal(garbage.status, 400);
});

test('signing out ends the session; signing out everywhere ends all of them', async () => {
  nextHour();
  const email = DEMO_STAFF.carrefourEditor;
  const first = await signIn(node, email);
  const second = await signIn(node, email);
  assert.equal((await getPage(node, '/workspace/o/carrefour-villeray', first)).status, 200);

  const out = await postForm(node, '/workspace/sign-out', {}, first);
  assert.equal(out.status, 303);
  assert.match(out.setCookie.join(), /perron_session=;.*Max-Age=0/);
  assert.equal((await getPage(node, '/workspace/o/carrefour-villeray', first)).status, 303, 'the old cookie no longer works');
  assert.equal((await getPage(node, '/workspace/o/carrefour-villeray', second)).status, 200, 'the other session still does');

  const third = await signIn(node, email);
  assert.equal((await postForm(node, '/workspace/sign-out-everywhere', {}, third)).status, 303);
  for (const cookie of [second, third]) assert.equal((await getPage(node, '/workspace/o/carrefour-villeray', cookie)).status, 303);
});

test('a form posted from another origin is refused and changes nothing', async () => {
  nextHour();
  const cookie = await signIn(node, DEMO_STAFF.carrefourVilleray);
  const refused = await postForm(node, '/workspace/sign-out-everywhere', {}, cookie, 'https://evil.example');
  assert.equal(refused.status, 403);
  assert.match(refused.text, /Formulaire refusé/);
  assert.equal((await getPage(node, '/workspace/o/carrefour-villeray', cookie)).status, 200, 'still signed in');
  const noOrigin = await fetch(`${node.url}/workspace/sign-out-everywhere`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'sec-fetch-site': 'cross-site' },
    body: '',
  });
  assert.equal(noOrigin.status, 403);
});

test("a second organization's staff sees nothing of the first's pages, and nobody signed out", async () => {
  nextHour();
  const other = await signIn(node, DEMO_STAFF.tableHochelaga);
  const mine = await getPage(node, '/workspace/o/table-hochelaga', other);
  assert.equal(mine.status, 200);
  for (const path of ['/workspace/o/carrefour-villeray']) {
    const page = await getPage(node, path, other);
    assert.equal(page.status, 404, path);
    assert.doesNotMatch(page.text, /Carrefour communautaire Villeray/, path);
  }
  const editor = await signIn(node, DEMO_STAFF.carrefourEditor);
  assert.equal((await getPage(node, '/workspace/o/carrefour-villeray', editor)).status, 200);
  assert.equal((await getPage(node, '/workspace/o/carrefour-villeray', undefined)).status, 303, 'signed out: to the sign-in page');
});

test('the session cookie is never set on the API or the elements, and never authorizes the API', async () => {
  nextHour();
  const cookie = await signIn(node, DEMO_STAFF.carrefourVilleray);
  for (const path of ['/v1/projects', '/v1/openapi.json', '/elements/perron.js', '/v1/events.ics', '/.well-known/perron.json']) {
    const res = await fetch(`${node.url}${path}`, { headers: { cookie } });
    assert.deepEqual(res.headers.getSetCookie(), [], path);
    await res.arrayBuffer();
  }
  const write = await fetch(`${node.url}/v1/projects`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'idempotency-key': 'cookie-write-1', origin: node.url },
    body: JSON.stringify({ title: { fr: 'Essai' }, summary: { fr: 'Essai' }, themes: ['culture'], communities: ['villeray'] }),
  });
  assert.equal(write.status, 401);
  assert.deepEqual(write.headers.getSetCookie(), []);
});

test('20 sign-in requests for one address send no more links than the limit; one IP is limited too', async () => {
  nextHour();
  const email = DEMO_STAFF.admin('cooperative-verte');
  const answers = [];
  for (let i = 0; i < 20; i++) answers.push((await postForm(node, '/workspace/sign-in', { email })).status);
  assert.equal(answers.length, 20);
  assert.ok(answers.every((s) => s === 303), 'the same answer every time');
  assert.equal(await signInMails(node, email), SIGN_IN_LIMITS.perAddress);

  nextHour();
  const statuses: number[] = [];
  for (let i = 0; i < SIGN_IN_LIMITS.perIp + 2; i++) statuses.push((await postForm(node, '/workspace/sign-in', { email: `inconnu${i}@example.org` })).status);
  assert.equal(statuses.filter((s) => s === 303).length, SIGN_IN_LIMITS.perIp);
  assert.equal(statuses.at(-1), 429);
});
