// The curator's screen of imported directories (Open Referral HSDS 3): the list with how each last
// read went, in words; importing by URL with the API's rules (bad URL, private address, duplicate,
// this node's own); removing after a confirmation page. Curators only, as the API's routes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pollDirectories, type RunningNode } from '../../src/index.ts';
import { DEMO_KEYS, DEMO_STAFF } from '../../src/seed/demo-ids.ts';
import { addCurator, ensurePerson } from '../../src/services/people.ts';
import { api, startTestNode } from '../support/node.ts';
import { write } from '../support/requests.ts';
import { getPage as get, postForm as post, signIn } from '../support/workspace.ts';

let node: RunningNode;
let curator: string;
const PAGE = '/workspace/c/montreal/directories';
// A regional directory, served for the test by this node's own HSDS API under another name.
const REGIONAL = 'https://211.example.org/hsds';
const DOWN = 'https://down.example.org/hsds';

before(async () => {
  // Nothing runs by itself: the test reads the directories when it wants (pollDirectories).
  node = await startTestNode({ seed: true, workerPollMs: 0, followInterval: 0 });
  curator = await signIn(node, DEMO_STAFF.curator);
});
after(() => node?.close());

// French pages carry a narrow no-break space before « : ? »; the assertions are typed with plain spaces.
const plain = <A extends { text: string }>(a: A): A => ({ ...a, text: a.text.replace(/\u202f/g, ' ') });
const getPage = async (...args: Parameters<typeof get>) => plain(await get(...args));
const postForm = async (...args: Parameters<typeof post>) => plain(await post(...args));

const rows = () => node.db.query<{ url: string; lang: string }>('select url, lang from directories order by created_at, id');
const fieldError = (html: string) => /id="f-url-error">([^<]*)</.exec(html)?.[1];

test('the queue links to the screen; empty, it says so and offers the form, in French and English', async () => {
  const queue = await getPage(node, '/workspace/c/montreal', curator);
  assert.match(queue.text, new RegExp(`<a href="${PAGE}">Répertoires importés</a>`));
  const page = await getPage(node, PAGE, curator);
  assert.equal(page.status, 200);
  assert.match(page.text, /<h1>Répertoires importés<\/h1>/);
  assert.match(page.text, new RegExp(`<a href="${PAGE}" aria-current="page">Répertoires importés</a>`));
  assert.match(page.text, /Aucun répertoire importé pour l’instant\./);
  assert.match(page.text, /<label for="f-url">Adresse de l’API du répertoire<\/label>/);
  assert.match(page.text, /<input id="f-url" name="url" required="" aria-describedby="f-url-hint"[^>]* type="url"/);
  const en = await getPage(node, `${PAGE}?lang=en`, curator);
  assert.match(en.text, /<h1>Imported directories<\/h1>/);
  assert.match(en.text, /<button type="submit" class="ws-button ws-primary">Import the directory<\/button>/);
});

test('a bad address, a private one, this node’s own: refused at the field, with what was typed; nothing recorded', async () => {
  for (const [url, expected] of [
    ['211 Montréal', 'Entrez une adresse web complète, qui commence par https:// (ou http://).'],
    ['ftp://211.example.org/hsds', 'Entrez une adresse web complète, qui commence par https:// (ou http://).'],
    ['http://169.254.169.254/hsds', 'Cette adresse mène à cette machine ou à un réseau privé : seul un répertoire public peut être importé.'],
    ['http://localhost:8080/hsds', 'Cette adresse mène à cette machine ou à un réseau privé : seul un répertoire public peut être importé.'],
    [`${node.url}/hsds/`, 'Cette adresse mène à cette machine ou à un réseau privé : seul un répertoire public peut être importé.'],
  ] as const) {
    const refused = await postForm(node, PAGE, { url, lang: 'en' }, curator);
    assert.equal(refused.status, 422, url);
    assert.equal(fieldError(refused.text), expected, url);
    assert.match(refused.text, /role="alert"/);
    assert.match(refused.text, /aria-invalid="true"/);
    assert.ok(refused.text.includes(`value="${url}"`), `what was typed stays: ${url}`);
    assert.match(refused.text, /<option value="en" selected="">anglais<\/option>/);
  }
  const empty = await postForm(node, `${PAGE}?lang=en`, { url: ' ', lang: 'fr' }, curator);
  assert.equal(fieldError(empty.text), 'Enter a full web address, starting with https:// (or http://).');
  assert.equal((await rows()).length, 0);
});

test('imported by URL and language, listed; a second time it is refused as a duplicate', async () => {
  const done = await postForm(node, PAGE, { url: `${REGIONAL}/`, lang: 'en' }, curator);
  assert.equal(done.status, 303);
  assert.equal(done.location, `${PAGE}?done=directory_imported`);
  assert.deepEqual(await rows(), [{ url: REGIONAL, lang: 'en' }]);
  const page = await getPage(node, done.location!, curator);
  assert.match(page.text, /role="status" class="ws-flash">Le répertoire est ajouté/);
  assert.match(page.text, new RegExp(`<th scope="row"><span class="ws-url">${REGIONAL}</span></th><td>anglais</td><td>Pas encore lu</td><td class="ws-num">0</td><td>En attente de la première lecture</td>`));
  const again = await postForm(node, PAGE, { url: REGIONAL, lang: 'fr' }, curator);
  assert.equal(again.status, 422);
  assert.equal(fieldError(again.text), 'Ce répertoire est déjà importé : il figure dans la liste ci-dessus.');
  assert.equal((await rows()).length, 1);
  // The API sees what the screen did, and refuses the same duplicate.
  const listed = await api(node, 'GET', '/v1/directories', { headers: { authorization: `Bearer ${DEMO_KEYS.curator}` } });
  assert.deepEqual(listed.body.items.map((d: { url: string }) => d.url), [REGIONAL]);
  assert.equal((await api(node, 'POST', '/v1/directories', { headers: write(DEMO_KEYS.curator), body: { url: REGIONAL } })).status, 409);
});

test('after a read, the row says when and how many services; a failed read says so in words, not the error', async () => {
  const service = await api(node, 'POST', '/v1/services', { headers: write(DEMO_KEYS.tableHochelaga), body: { name: { fr: 'Comptoir alimentaire' }, description: { fr: 'Des denrées chaque semaine.' }, languages: ['fr'] } });
  assert.equal(service.status, 201, JSON.stringify(service.body));
  assert.equal((await postForm(node, PAGE, { url: DOWN, lang: 'fr' }, curator)).status, 303);
  const served = (await api(node, 'GET', '/hsds/services')).body.total_items as number;
  assert.ok(served >= 1);
  const logged: string[] = [];
  const polled = await pollDirectories(node.db, new Date(Date.now() + 60_000), {
    interval: 60_000,
    log: (line) => logged.push(line),
    fetch: async (input, init) => {
      const url = String(input);
      if (url.startsWith(DOWN)) throw new TypeError('fetch failed');
      return fetch(url.replace(REGIONAL, `${node.url}/hsds`), init);
    },
  });
  assert.equal(polled, 2);
  assert.equal(logged.length, 1);
  const page = (await getPage(node, PAGE, curator)).text;
  const row = (url: string) => new RegExp(`<th scope="row"><span class="ws-url">${url}</span></th>(.*?)</tr>`, 's').exec(page)?.[1] ?? '';
  assert.match(row(REGIONAL), new RegExp(String.raw`<td>\d{1,2} [a-zéû]+\.? \d{4}, \d{1,2} h \d{2}</td><td class="ws-num">${served}</td><td>À jour</td>`));
  assert.match(row(DOWN), /<td>Pas encore lu<\/td><td class="ws-num">0<\/td>/);
  assert.match(row(DOWN), /<strong class="ws-error-text">La dernière lecture a échoué<\/strong><br\/>Le site ne répond pas : il est peut-être en panne, ou l’adresse est erronée\. Nouvel essai vers /);
  assert.doesNotMatch(page, /fetch failed/);
  const en = (await getPage(node, `${PAGE}?lang=en`, curator)).text;
  assert.match(en, /The last read failed<\/strong><br\/>The site does not answer/);

  // Later the regional directory answers with an error: its copy stays, and the row says so.
  await pollDirectories(node.db, new Date(Date.now() + 86_400_000), { interval: 60_000, log: () => {}, fetch: async () => new Response('', { status: 500 }) });
  const later = (await getPage(node, PAGE, curator)).text;
  const regional = new RegExp(`<th scope="row"><span class="ws-url">${REGIONAL}</span></th>(.*?)</tr>`, 's').exec(later)?.[1] ?? '';
  assert.match(regional, new RegExp(`<td class="ws-num">${served}</td><td><span class="ws-state"><strong class="ws-error-text">La dernière lecture a échoué</strong><br/>Le site a répondu par une erreur : l’adresse n’est peut-être plus la bonne\\. Les services déjà importés restent affichés\\. Nouvel essai vers `));
  assert.doesNotMatch(later, /500 from/);
});

test('removed after a confirmation page that says what goes with it; its services leave', async () => {
  const [dir] = await node.db.query<{ id: string }>('select id from directories where url = $1', [REGIONAL]);
  const list = (await getPage(node, PAGE, curator)).text;
  assert.ok(list.includes(`<a href="${PAGE}/${dir!.id}/remove" aria-label="Retirer le répertoire ${REGIONAL}">Retirer</a>`));
  const confirm = await getPage(node, `${PAGE}/${dir!.id}/remove`, curator);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, new RegExp(`<h1>Retirer ce répertoire \\?</h1><div role="status" class="ws-flash-empty"></div><p class="ws-url"><strong>${REGIONAL}</strong></p>`));
  assert.match(confirm.text, /Ses \d+ services? disparaîtront de ce nœud/);
  assert.match(confirm.text, /<button type="submit" class="ws-button ws-danger" aria-describedby="import-remove-lead">Oui, retirer ce répertoire<\/button>/);
  assert.equal((await node.db.query('select 1 from directories where id = $1', [dir!.id])).length, 1, 'the confirmation page removes nothing');
  const removed = await postForm(node, `${PAGE}/${dir!.id}/remove`, {}, curator);
  assert.equal(removed.location, `${PAGE}?done=directory_removed`);
  assert.deepEqual((await rows()).map((r) => r.url), [DOWN]);
  assert.equal((await node.db.query('select 1 from directory_services where directory_id = $1', [dir!.id])).length, 0);
  assert.equal((await postForm(node, `${PAGE}/${dir!.id}/remove`, {}, curator)).status, 404, 'gone: nothing to remove');
  assert.equal((await getPage(node, `${PAGE}/not-an-id/remove`, curator)).status, 404);
});

test('another community’s curator cannot use this community’s screen; staff and strangers cannot at all; a form from elsewhere is refused', async () => {
  const [dir] = await node.db.query<{ id: string }>('select id from directories');
  const person = await ensurePerson(node.db, { email: 'curatrice.quebec@example.org' });
  const quebec = await node.db.query<{ id: string }>(`select id from communities where slug <> 'montreal' and id not in (select community_id from community_curators) order by slug limit 1`);
  await addCurator(node.db, person.id, quebec[0]!.id);
  const other = await signIn(node, 'curatrice.quebec@example.org');
  const staff = await signIn(node, DEMO_STAFF.tableHochelaga);
  for (const [who, cookie] of [['another community’s curator', other], ['an organization’s admin', staff]] as const) {
    assert.equal((await getPage(node, PAGE, cookie)).status, 404, who);
    assert.equal((await getPage(node, `${PAGE}/${dir!.id}/remove`, cookie)).status, 404, who);
    assert.equal((await postForm(node, PAGE, { url: 'https://autre.example.org/hsds', lang: 'fr' }, cookie)).status, 404, who);
    assert.equal((await postForm(node, `${PAGE}/${dir!.id}/remove`, {}, cookie)).status, 404, who);
  }
  assert.equal((await getPage(node, PAGE)).status, 303, 'signed out: to the sign-in page');
  assert.equal((await postForm(node, `${PAGE}/${dir!.id}/remove`, {}, curator, 'https://evil.example.org')).status, 403);
  assert.equal((await postForm(node, PAGE, { url: 'https://autre.example.org/hsds' }, curator, 'https://evil.example.org')).status, 403);
  assert.equal((await rows()).length, 1, 'nothing changed');
  // The API's rule, for comparison: an organization's key is refused.
  assert.equal((await api(node, 'GET', '/v1/directories', { headers: { authorization: `Bearer ${DEMO_KEYS.tableHochelaga}` } })).status, 403);
});
