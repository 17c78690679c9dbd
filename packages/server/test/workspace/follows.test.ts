// The curator's screen of followed nodes: the list with how each last read went, in words; following
// by URL (and communities) with the API's rules (bad URL, private address, this node's own,
// duplicate); unfollowing after a confirmation page that says what leaves. Curators only, as the API's routes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pollFollows, type RunningNode } from '../../src/index.ts';
import { DEMO_KEYS, DEMO_STAFF } from '../../src/seed/demo-ids.ts';
import { addCurator, ensurePerson } from '../../src/services/people.ts';
import { api, startTestNode } from '../support/node.ts';
import { write } from '../support/requests.ts';
import { getPage as get, postForm as post, signIn } from '../support/workspace.ts';

let node: RunningNode;
let curator: string;
const PAGE = '/workspace/c/montreal/follows';
// A borough's node, served for the test by this node itself under another name.
const BOROUGH = 'https://arrondissement.example.org';
const DOWN = 'https://en-panne.example.org';

before(async () => {
  // Nothing runs by itself: the test reads the followed nodes when it wants (pollFollows).
  node = await startTestNode({ seed: true, workerPollMs: 0, followInterval: 0 });
  curator = await signIn(node, DEMO_STAFF.curator);
});
after(() => node?.close());

// French pages carry a narrow no-break space before « : ? »; the assertions are typed with plain spaces.
const plain = <A extends { text: string }>(a: A): A => ({ ...a, text: a.text.replace(/\u202f/g, ' ') });
const getPage = async (...args: Parameters<typeof get>) => plain(await get(...args));
const postForm = async (...args: Parameters<typeof post>) => plain(await post(...args));

const rows = () => node.db.query<{ url: string; communities: string[] }>('select url, communities from follows order by created_at, id');
const fieldError = (html: string, field = 'url') => new RegExp(`id="f-${field}-error">([^<]*)<`).exec(html)?.[1];

test('the curator’s navigation links to the screen; empty, it says so and offers the form, in French and English', async () => {
  const queue = await getPage(node, '/workspace/c/montreal', curator);
  assert.match(queue.text, new RegExp(`<a href="${PAGE}">Nœuds suivis</a>`));
  const page = await getPage(node, PAGE, curator);
  assert.equal(page.status, 200);
  assert.match(page.text, /<h1>Nœuds suivis<\/h1>/);
  assert.match(page.text, new RegExp(`<a href="${PAGE}" aria-current="page">Nœuds suivis</a>`));
  assert.match(page.text, /Aucun nœud suivi pour l’instant\./);
  assert.match(page.text, /<label for="f-url">Adresse du nœud<\/label>/);
  assert.match(page.text, /<label for="f-communities">Communautés à suivre<span class="ws-optional"> \(facultatif\)<\/span><\/label>/);
  const en = await getPage(node, `${PAGE}?lang=en`, curator);
  assert.match(en.text, /<h1>Followed nodes<\/h1>/);
  assert.match(en.text, /<button type="submit" class="ws-button ws-primary">Follow this node<\/button>/);
});

test('a bad address, a private one, this node’s own, bad communities: refused at the field, with what was typed; nothing recorded', async () => {
  const PRIVATE = 'Cette adresse mène à cette machine ou à un réseau privé : seul un nœud public peut être suivi.';
  for (const [url, expected] of [
    ['Arrondissement Villeray', 'Entrez une adresse web complète, qui commence par https:// (ou http://).'],
    ['ftp://arrondissement.example.org', 'Entrez une adresse web complète, qui commence par https:// (ou http://).'],
    ['http://169.254.169.254', PRIVATE],
    ['http://10.0.0.7:8080/', PRIVATE],
    [`${node.url}/`, 'C’est l’adresse de ce nœud-ci : ses projets y sont déjà.'],
  ] as const) {
    const refused = await postForm(node, PAGE, { url, communities: 'villeray' }, curator);
    assert.equal(refused.status, 422, url);
    assert.equal(fieldError(refused.text), expected, url);
    assert.match(refused.text, /role="alert"/);
    assert.match(refused.text, /aria-invalid="true"/);
    assert.ok(refused.text.includes(`value="${url}"`), `what was typed stays: ${url}`);
    assert.ok(refused.text.includes('value="villeray"'), 'the communities typed stay');
  }
  const communities = await postForm(node, `${PAGE}?lang=en`, { url: BOROUGH, communities: 'Villeray, Parc Ex' }, curator);
  assert.equal(communities.status, 422);
  assert.equal(fieldError(communities.text, 'communities'), 'Enter community identifiers (lowercase letters, digits and hyphens), 20 at most, separated by commas.');
  assert.equal(fieldError(communities.text), undefined, 'the address was right');
  assert.equal((await rows()).length, 0);
});

test('followed by URL, with communities or all of them, listed; a second time it is refused as a duplicate', async () => {
  const done = await postForm(node, PAGE, { url: `${BOROUGH}/`, communities: 'villeray, parc-extension' }, curator);
  assert.equal(done.status, 303);
  assert.equal(done.location, `${PAGE}?done=node_followed`);
  assert.deepEqual(await rows(), [{ url: BOROUGH, communities: ['villeray', 'parc-extension'] }]);
  const page = await getPage(node, done.location!, curator);
  assert.match(page.text, /role="status" class="ws-flash">Le nœud est suivi/);
  assert.match(page.text, new RegExp(`<th scope="row"><span class="ws-url">${BOROUGH}</span></th><td>villeray, parc-extension</td><td>Pas encore lu</td><td>0 projet, 0 événement</td><td>En attente de la première lecture</td>`));
  const again = await postForm(node, PAGE, { url: BOROUGH, communities: '' }, curator);
  assert.equal(again.status, 422);
  assert.equal(fieldError(again.text), 'Ce nœud est déjà suivi : il figure dans la liste ci-dessus.');
  assert.equal((await postForm(node, PAGE, { url: DOWN, communities: ' ' }, curator)).status, 303);
  assert.deepEqual(await rows(), [
    { url: BOROUGH, communities: ['villeray', 'parc-extension'] },
    { url: DOWN, communities: [] },
  ]);
  // The API sees what the screen did, and refuses the same duplicate.
  const listed = await api(node, 'GET', '/v1/follows', { headers: { authorization: `Bearer ${DEMO_KEYS.curator}` } });
  assert.deepEqual(listed.body.items.map((f: { url: string }) => f.url), [BOROUGH, DOWN]);
  assert.equal((await api(node, 'POST', '/v1/follows', { headers: write(DEMO_KEYS.curator), body: { url: BOROUGH } })).status, 409);
  assert.equal((await api(node, 'POST', '/v1/follows', { headers: write(DEMO_KEYS.curator), body: { url: 'http://192.168.1.20' } })).body.errors[0].code, 'private_address');
});

test('after a read, the row names the node, when, and what it brought; a failed read says so in words, not the error', async () => {
  const logged: string[] = [];
  const polled = await pollFollows(node.db, new Date(Date.now() + 60_000), {
    interval: 60_000,
    log: (line) => logged.push(line),
    fetch: async (input, init) => {
      const url = String(input);
      if (url.startsWith(DOWN)) throw new TypeError('fetch failed');
      return fetch(url.replace(BOROUGH, node.url), init);
    },
  });
  assert.equal(polled, 2);
  assert.equal(logged.length, 1);
  const [counts] = await node.db.query<{ projects: number; events: number }>(
    `select (select count(*) from followed_projects x join follows f on f.id = x.follow_id where f.url = $1)::int as projects,
            (select count(*) from followed_events x join follows f on f.id = x.follow_id where f.url = $1)::int as events`,
    [BOROUGH],
  );
  assert.ok(counts!.projects > 0, 'the demo has projects in Villeray or Parc-Extension');
  const page = (await getPage(node, PAGE, curator)).text;
  const row = (url: string) => new RegExp(`<span class="ws-url">${url}</span></th>(.*?)</tr>`, 's').exec(page)?.[1] ?? '';
  const s = (n: number) => (n > 1 ? 's' : '');
  assert.match(page, new RegExp(`<th scope="row">Perron<br/><span class="ws-url">${BOROUGH}</span></th>`), 'named as its node info names it');
  assert.match(row(BOROUGH), new RegExp(String.raw`<td>\d{1,2} [a-zéû]+\.? \d{4}, \d{1,2} h \d{2}</td><td>${counts!.projects} projet${s(counts!.projects)}, ${counts!.events} événement${s(counts!.events)}</td><td>À jour</td>`));
  assert.match(row(DOWN), /<td>Toutes<\/td><td>Pas encore lu<\/td><td>0 projet, 0 événement<\/td>/);
  assert.match(row(DOWN), /<strong class="ws-error-text">La dernière lecture a échoué<\/strong><br\/>Le nœud ne répond pas : il est peut-être en panne, ou l’adresse est erronée\. Nouvel essai vers /);
  assert.doesNotMatch(page, /fetch failed/);
  const en = (await getPage(node, `${PAGE}?lang=en`, curator)).text;
  assert.match(en, /The last read failed<\/strong><br\/>The node does not answer/);
  assert.match(en, /<td>All<\/td>/);

  // Later the borough's node answers with an error: its copy stays, and the row says so.
  await pollFollows(node.db, new Date(Date.now() + 86_400_000), { interval: 60_000, log: () => {}, fetch: async () => new Response('', { status: 500 }) });
  const later = (await getPage(node, PAGE, curator)).text;
  const borough = new RegExp(`<span class="ws-url">${BOROUGH}</span></th>(.*?)</tr>`, 's').exec(later)?.[1] ?? '';
  assert.match(borough, /<strong class="ws-error-text">La dernière lecture a échoué<\/strong><br\/>Le site a répondu par une erreur : l’adresse n’est peut-être pas celle d’un nœud Perron\. Ce qu’il avait déjà apporté reste affiché\. Nouvel essai vers /);
  assert.doesNotMatch(later, /500 from/);
});

test('unfollowed after a confirmation page that says how many items leave with it; its copies go', async () => {
  const [follow] = await node.db.query<{ id: string }>('select id from follows where url = $1', [BOROUGH]);
  const [counts] = await node.db.query<{ projects: number; events: number }>(
    'select (select count(*) from followed_projects where follow_id = $1)::int as projects, (select count(*) from followed_events where follow_id = $1)::int as events',
    [follow!.id],
  );
  const list = (await getPage(node, PAGE, curator)).text;
  assert.ok(list.includes(`<a href="${PAGE}/${follow!.id}/remove" aria-label="Ne plus suivre le nœud ${BOROUGH}">Ne plus suivre</a>`));
  const confirm = await getPage(node, `${PAGE}/${follow!.id}/remove`, curator);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, new RegExp(`<h1>Ne plus suivre ce nœud \\?</h1><div role="status" class="ws-flash-empty"></div><p class="ws-url"><strong>Perron — ${BOROUGH}</strong></p>`));
  const s = (n: number) => (n > 1 ? 's' : '');
  assert.ok(confirm.text.includes(`Ses ${counts!.projects} projet${s(counts!.projects)} et ${counts!.events} événement${s(counts!.events)} disparaîtront de ce nœud`));
  assert.match(confirm.text, /<button type="submit" class="ws-button ws-danger" aria-describedby="follow-remove-lead">Oui, ne plus suivre ce nœud<\/button>/);
  const en = await getPage(node, `${PAGE}/${follow!.id}/remove?lang=en`, curator);
  assert.match(en.text, /will leave this node, and it will no longer be read/);
  assert.equal((await rows()).length, 2, 'the confirmation page removes nothing');
  const removed = await postForm(node, `${PAGE}/${follow!.id}/remove`, {}, curator);
  assert.equal(removed.location, `${PAGE}?done=node_unfollowed`);
  assert.deepEqual((await rows()).map((r) => r.url), [DOWN]);
  assert.equal((await node.db.query('select 1 from followed_projects where follow_id = $1', [follow!.id])).length, 0);
  assert.equal((await postForm(node, `${PAGE}/${follow!.id}/remove`, {}, curator)).status, 404, 'gone: nothing to remove');
  assert.equal((await getPage(node, `${PAGE}/not-an-id!/remove`, curator)).status, 404);
  // A node that brought nothing says so.
  const [down] = await node.db.query<{ id: string }>('select id from follows where url = $1', [DOWN]);
  assert.match((await getPage(node, `${PAGE}/${down!.id}/remove`, curator)).text, /Ce nœud n’a encore apporté aucun projet ni événement\. Il ne sera plus lu\./);
});

test('another community’s curator cannot use this community’s screen; staff and strangers cannot at all; a form from elsewhere is refused', async () => {
  const [follow] = await node.db.query<{ id: string }>('select id from follows');
  const person = await ensurePerson(node.db, { email: 'curatrice.ailleurs@example.org' });
  const elsewhere = await node.db.query<{ id: string }>(`select id from communities where slug <> 'montreal' and id not in (select community_id from community_curators) order by slug limit 1`);
  await addCurator(node.db, person.id, elsewhere[0]!.id);
  const other = await signIn(node, 'curatrice.ailleurs@example.org');
  const staff = await signIn(node, DEMO_STAFF.tableHochelaga);
  for (const [who, cookie] of [['another community’s curator', other], ['an organization’s admin', staff]] as const) {
    assert.equal((await getPage(node, PAGE, cookie)).status, 404, who);
    assert.equal((await getPage(node, `${PAGE}/${follow!.id}/remove`, cookie)).status, 404, who);
    assert.equal((await postForm(node, PAGE, { url: 'https://autre.example.org' }, cookie)).status, 404, who);
    assert.equal((await postForm(node, `${PAGE}/${follow!.id}/remove`, {}, cookie)).status, 404, who);
  }
  assert.equal((await getPage(node, PAGE)).status, 303, 'signed out: to the sign-in page');
  assert.equal((await postForm(node, `${PAGE}/${follow!.id}/remove`, {}, curator, 'https://evil.example.org')).status, 403);
  assert.equal((await postForm(node, PAGE, { url: 'https://autre.example.org' }, curator, 'https://evil.example.org')).status, 403);
  assert.equal((await rows()).length, 1, 'nothing changed');
  // The API's rule, for comparison: an organization's key is refused.
  assert.equal((await api(node, 'GET', '/v1/follows', { headers: { authorization: `Bearer ${DEMO_KEYS.tableHochelaga}` } })).status, 403);
});
