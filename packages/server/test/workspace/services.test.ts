// The directory screen: an organization's staff describe a service in French and English with a
// plain HTML form; what they save is what the HSDS API serves; another organization sees none of it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningNode } from '../../src/index.ts';
import { DEMO_STAFF } from '../../src/seed/demo-ids.ts';
import { api, startTestNode } from '../support/node.ts';
import { getPage, postForm, signIn } from '../support/workspace.ts';

let node: RunningNode;
let staff: string;
let other: string;
const ORG = '/workspace/o/table-hochelaga';

before(async () => {
  node = await startTestNode({ seed: true, workerPollMs: 0 });
  staff = await signIn(node, DEMO_STAFF.tableHochelaga);
  other = await signIn(node, DEMO_STAFF.carrefourVilleray);
});
after(() => node?.close());

const form = {
  'name.fr': 'Halte-garderie',
  'name.en': 'Drop-in daycare',
  'description.fr': 'Trois heures de répit pour les parents.',
  'description.en': 'Three hours of respite for parents.',
  'audience.fr': 'Parents d’enfants de 18 mois à 5 ans',
  'languages[]': ['fr', 'es'],
  slots: '2',
  'hours.0.days[]': ['MO', 'WE'],
  'hours.0.opens': '9',
  'hours.0.closes': '12:00',
  'hours.1.opens': '',
  'hours.1.closes': '',
  'place.name': 'Carrefour familial',
  'place.address': '1611, rue Dézéry',
  'place.city': 'Montréal',
  'place.postalCode': 'H1W 2R8',
  website: 'https://halte.example.org/',
  phone: '514 555-0123',
  costKind: 'paid',
  'cost.amount': '2,50',
  status: 'active',
};

test('a staff member describes a service; the directory serves it in French and English', async () => {
  const page = await getPage(node, `${ORG}/services/new`, staff);
  assert.equal(page.status, 200);
  assert.match(page.text, /<h1[^>]*>Nouveau service/);

  const saved = await postForm(node, `${ORG}/services`, form, staff);
  assert.equal(saved.status, 303, saved.text.slice(0, 500));
  assert.equal(saved.location, `${ORG}/services?done=service_saved`);
  const list = await getPage(node, saved.location!, staff);
  assert.match(list.text, /Service enregistré au répertoire/);
  assert.match(list.text, />Halte-garderie</);
  assert.match(list.text, /français, espagnol/);

  const [row] = await node.db.query<{ id: string }>(`select id from org_services where organization_id = 'org_table-hochelaga'`);
  const service = (await api(node, 'GET', `/v1/services/${row!.id}`)).body;
  assert.deepEqual(service.hours, [{ days: ['MO', 'WE'], opens: '09:00', closes: '12:00' }], 'the empty second line is left out');
  assert.deepEqual(service.cost, { free: false, amount: 250, note: null });
  assert.deepEqual(service.place, { name: 'Carrefour familial', address: '1611, rue Dézéry', city: 'Montréal', postalCode: 'H1W 2R8' });
  const en = (await api(node, 'GET', `/hsds/services/${row!.id}?lang=en`)).body;
  assert.deepEqual([en.name, en.schedules[0].byday, en.cost_options[0].amount], ['Drop-in daycare', 'MO,WE', 2.5]);
});

test('a wrong field: the same form again, the error at its field and on its own hours line, nothing typed lost, nothing saved', async () => {
  const before = (await node.db.query<{ n: number }>('select count(*) as n from org_services'))[0]!.n;
  const bad = await postForm(node, `${ORG}/services`, { ...form, 'name.fr': 'Cuisine collective', 'hours.0.days[]': [], 'hours.0.opens': '', 'hours.0.closes': '', 'hours.1.days[]': ['FR'], 'hours.1.opens': '25:00', 'hours.1.closes': '13:00', 'place.postalCode': '12345' }, staff);
  assert.equal(bad.status, 422);
  assert.match(bad.text, /id="f-place-postalCode-error"/);
  assert.match(bad.text, /id="f-hours-1-opens-error"/, 'the error is on the line that was typed');
  assert.match(bad.text, /value="Cuisine collective"/);
  assert.match(bad.text, /name="hours\.1\.days\[\]" value="FR" checked/);
  assert.equal((await node.db.query<{ n: number }>('select count(*) as n from org_services'))[0]!.n, before);
});

test('edited in full: a field emptied in the form is emptied; another organization finds nothing to edit or remove', async () => {
  const [row] = await node.db.query<{ id: string }>(`select id from org_services where organization_id = 'org_table-hochelaga'`);
  const path = `${ORG}/services/${row!.id}`;
  const edit = await getPage(node, path, staff);
  assert.equal(edit.status, 200);
  assert.match(edit.text, /value="Drop-in daycare"/);
  assert.match(edit.text, /name="hours\.0\.days\[\]" value="WE" checked/);
  assert.match(edit.text, /value="2\.50"/);

  assert.equal((await getPage(node, `/workspace/o/table-hochelaga/services/${row!.id}`, other)).status, 404);
  assert.equal((await postForm(node, `/workspace/o/carrefour-villeray/services/${row!.id}/remove`, {}, other)).status, 404);

  const saved = await postForm(node, path, { ...form, 'name.fr': 'Halte-garderie du Carrefour', website: '', costKind: 'free', 'cost.amount': '' }, staff);
  assert.equal(saved.status, 303);
  const service = (await api(node, 'GET', `/v1/services/${row!.id}`)).body;
  assert.equal(service.name.fr, 'Halte-garderie du Carrefour');
  assert.equal(service.website, null);
  assert.deepEqual(service.cost, { free: true, amount: null, note: null });

  const removed = await postForm(node, `${path}/remove`, {}, staff);
  assert.equal(removed.location, `${ORG}/services?done=service_removed`);
  assert.equal((await api(node, 'GET', `/v1/services/${row!.id}`)).status, 404);
  assert.match((await getPage(node, removed.location!, staff)).text, /Aucun service au répertoire/);
});
