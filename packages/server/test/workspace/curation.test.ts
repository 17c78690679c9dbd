// The curator's queue: approve or reject with a reason (the organization is emailed), hide a
// published project; a curator acts only in their communities, others not at all.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningNode } from '../../src/index.ts';
import { DEMO_KEYS, DEMO_PROJECTS, DEMO_STAFF } from '../../src/seed/demo-ids.ts';
import { addCurator, ensurePerson } from '../../src/services/people.ts';
import { api, startTestNode } from '../support/node.ts';
import { pledgeBody, projectBody, write } from '../support/requests.ts';
import { getPage, postForm, signIn } from '../support/workspace.ts';

let node: RunningNode;
let curator: string;
const QUEUE = '/workspace/c/montreal';

before(async () => {
  node = await startTestNode({ seed: true });
  curator = await signIn(node, DEMO_STAFF.curator);
});
after(() => node?.close());

async function submitted(title: string): Promise<string> {
  const made = await api(node, 'POST', '/v1/projects', { headers: write(DEMO_KEYS.carrefourVilleray), body: projectBody({ title: { fr: title, en: `${title} (en)` }, communities: ['villeray'] }) });
  assert.equal(made.status, 201);
  await api(node, 'POST', `/v1/projects/${made.body.id}/needs`, { headers: write(DEMO_KEYS.carrefourVilleray), body: { category: 'material', title: { fr: 'Terreau' }, unit: { fr: 'sacs', en: 'bags' }, wanted: 12 } });
  assert.equal((await api(node, 'POST', `/v1/projects/${made.body.id}/submit`, { headers: write(DEMO_KEYS.carrefourVilleray), body: {} })).status, 200);
  return made.body.id;
}

const mailsTo = (email: string, like: string) =>
  node.db.query<{ body_text: string }>(`select body_text from mail_outbox where recipient = $1 and subject like $2 order by created_at`, [email, like]);

test('the queue lists the submissions of the community and those within it', async () => {
  const id = await submitted('Bacs de la rue Jarry');
  const page = await getPage(node, QUEUE, curator);
  assert.equal(page.status, 200);
  assert.match(page.text, /<h1>Projets à réviser — Montréal<\/h1>/);
  assert.ok(page.text.includes(`href="${QUEUE}/projects/${id}"`));
  assert.ok(page.text.includes(`href="${QUEUE}/projects/${DEMO_PROJECTS.bibliothequeOutils}"`), "the demo's submitted project, in Côte-des-Neiges");
  const review = await getPage(node, `${QUEUE}/projects/${id}`, curator);
  assert.match(review.text, /Bacs de la rue Jarry/);
  assert.match(review.text, /Terreau — 12 sacs/);
  assert.match(review.text, /Approuver et publier/);
});

test('a rejection needs a reason, which the organization gets by email', async () => {
  const id = await submitted('Jardin du parc Jarry');
  const empty = await postForm(node, `${QUEUE}/projects/${id}/reject`, { reason: '  ' }, curator);
  assert.equal(empty.status, 422);
  assert.match(empty.text, /id="f-reason-error">Ce champ est obligatoire/);
  const rejected = await postForm(node, `${QUEUE}/projects/${id}/reject`, { reason: 'Précisez où seront les bacs.' }, curator);
  assert.equal(rejected.location, `${QUEUE}?done=rejected`);
  const project = await api(node, 'GET', `/v1/projects/${id}`, { headers: { authorization: `Bearer ${DEMO_KEYS.carrefourVilleray}` } });
  assert.equal(project.body.status, 'rejected');
  assert.equal(project.body.rejectionReason, 'Précisez où seront les bacs.');
  for (const staff of [DEMO_STAFF.carrefourVilleray, DEMO_STAFF.carrefourEditor]) {
    const mails = await mailsTo(staff, '%Projet refusé : Jardin du parc Jarry%');
    assert.equal(mails.length, 1, staff);
    assert.match(mails[0]!.body_text, /Précisez où seront les bacs\./);
  }
});

test('an approval publishes; a hidden project leaves the public and takes no pledge', async () => {
  const id = await submitted('Corvée de la ruelle Saint-Gérard');
  const approved = await postForm(node, `${QUEUE}/projects/${id}/approve`, {}, curator);
  assert.equal(approved.location, `${QUEUE}?done=approved`);
  assert.match((await getPage(node, approved.location!, curator)).text, /Le projet est approuvé et publié/);
  const open = await api(node, 'GET', `/v1/projects/${id}`);
  assert.equal(open.status, 200);
  assert.equal(open.body.status, 'published');
  assert.equal((await mailsTo(DEMO_STAFF.carrefourVilleray, '%Projet approuvé : Corvée de la ruelle Saint-Gérard%')).length, 1);
  const again = await postForm(node, `${QUEUE}/projects/${id}/approve`, {}, curator);
  assert.equal(again.status, 409, 'approved twice: said, not an error');

  const needId = open.body.needs[0].id;
  const hidden = await postForm(node, `${QUEUE}/projects/${id}/hide`, {}, curator);
  assert.equal(hidden.location, `${QUEUE}?done=hidden`);
  assert.equal((await api(node, 'GET', `/v1/projects/${id}`)).status, 404);
  const list = await api(node, 'GET', '/v1/projects?community=villeray&limit=100');
  assert.ok(!list.body.items.some((p: { id: string }) => p.id === id));
  assert.equal((await fetch(`${node.url}/projects/${id}`)).status, 404);
  assert.equal((await api(node, 'POST', `/v1/needs/${needId}/pledges`, { headers: write(), body: pledgeBody(1) })).status, 404);
  assert.equal((await api(node, 'GET', `/v1/projects/${id}`, { headers: { authorization: `Bearer ${DEMO_KEYS.carrefourVilleray}` } })).status, 200, 'its organization still sees it');

  const log = await getPage(node, '/workspace/o/carrefour-villeray/activity', await signIn(node, DEMO_STAFF.carrefourVilleray));
  for (const what of ['Projet approuvé et publié', 'Projet refusé', 'Projet masqué']) assert.ok(log.text.includes(what), what);
});

test('a curator acts only in their communities; staff are no curators', async () => {
  const id = await submitted('Friperie de Villeray');
  const outside = await api(node, 'POST', '/v1/projects', { headers: write(DEMO_KEYS.tableHochelaga), body: projectBody() });
  await api(node, 'POST', `/v1/projects/${outside.body.id}/submit`, { headers: write(DEMO_KEYS.tableHochelaga), body: {} });

  const person = await ensurePerson(node.db, { email: 'curatrice.villeray@example.org' });
  await addCurator(node.db, person.id, 'com_villeray');
  const local = await signIn(node, 'curatrice.villeray@example.org');
  assert.equal((await getPage(node, QUEUE, local)).status, 404, 'not a curator of Montréal');
  const queue = await getPage(node, '/workspace/c/villeray', local);
  assert.ok(queue.text.includes(id));
  assert.ok(!queue.text.includes(outside.body.id), "Hochelaga's submission is not in Villeray's queue");
  const refused = await postForm(node, `/workspace/c/villeray/projects/${outside.body.id}/approve`, {}, local);
  assert.equal(refused.status, 404);
  assert.equal((await api(node, 'GET', `/v1/projects/${outside.body.id}`, { headers: { authorization: `Bearer ${DEMO_KEYS.tableHochelaga}` } })).body.status, 'submitted');

  const staff = await signIn(node, DEMO_STAFF.carrefourVilleray);
  assert.equal((await getPage(node, QUEUE, staff)).status, 404);
  assert.equal((await postForm(node, `${QUEUE}/projects/${id}/approve`, {}, staff)).status, 404);
});
