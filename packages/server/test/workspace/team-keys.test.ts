// The admin's screens: team (invite, remove), API keys (shown once, revoked), profile, activity;
// and a second organization's staff changes nothing of the first's.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningNode } from '../../src/index.ts';
import { DEMO_KEYS, DEMO_STAFF } from '../../src/seed/demo-ids.ts';
import { startTestNode } from '../support/node.ts';
import { projectBody, write } from '../support/requests.ts';
import { getPage, postForm, signIn } from '../support/workspace.ts';

let node: RunningNode;
let admin: string;
let other: string;
const ORG = '/workspace/o/carrefour-villeray';

before(async () => {
  node = await startTestNode({ seed: true });
  admin = await signIn(node, DEMO_STAFF.carrefourVilleray);
  other = await signIn(node, DEMO_STAFF.tableHochelaga);
});
after(() => node?.close());

const count = async (sql: string, params: unknown[] = []) => Number((await node.db.query<{ n: number }>(sql, params))[0]!.n);

test('an admin invites a person, who signs in, then removes them; the last admin stays', async () => {
  const team = await getPage(node, `${ORG}/team`, admin);
  assert.equal(team.status, 200);
  assert.match(team.text, /editeur\.carrefour-villeray@example\.org/);

  const bad = await postForm(node, `${ORG}/team/invite`, { email: 'pas une adresse', role: 'editor' }, admin);
  assert.equal(bad.status, 422);
  assert.match(bad.text, /id="f-email-error">Entrez une adresse courriel/);

  const invited = await postForm(node, `${ORG}/team/invite`, { email: 'nouvelle@example.org', name: 'Nadia', role: 'editor' }, admin);
  assert.equal(invited.status, 303);
  assert.equal(invited.location, `${ORG}/team?done=invited`);
  assert.match((await getPage(node, invited.location!, admin)).text, /La personne a été ajoutée/);
  assert.equal(await count(`select count(*) as n from mail_outbox where recipient = 'nouvelle@example.org' and subject like '%Carrefour communautaire Villeray%'`), 1);
  const newcomer = await signIn(node, 'nouvelle@example.org');
  assert.equal((await getPage(node, ORG, newcomer)).status, 200);
  assert.equal((await getPage(node, `${ORG}/team`, newcomer)).status, 403, 'an editor sees no admin page');

  const [person] = await node.db.query<{ id: string }>(`select id from people where email_key = 'nouvelle@example.org'`);
  const removed = await postForm(node, `${ORG}/team/remove`, { person: person!.id }, admin);
  assert.equal(removed.location, `${ORG}/team?done=removed`);
  assert.equal((await getPage(node, ORG, newcomer)).status, 404, 'removed: the organization is gone from their workspace');

  const [me] = await node.db.query<{ id: string }>(`select id from people where email_key = $1`, [DEMO_STAFF.carrefourVilleray]);
  const last = await postForm(node, `${ORG}/team/remove`, { person: me!.id }, admin);
  assert.equal(last.location, `${ORG}/team?done=last_admin`);
  assert.equal(await count(`select count(*) as n from memberships where organization_id = 'org_carrefour-villeray' and role = 'admin'`), 1);
});

test('a key is shown once, works on the API, and stops working when revoked', async () => {
  const made = await postForm(node, `${ORG}/keys`, { label: 'Site web du Carrefour' }, admin);
  assert.equal(made.status, 201);
  const secret = /id="secret">(pk_[A-Za-z0-9_-]+)</.exec(made.text)?.[1];
  assert.ok(secret, 'the new key is on the page');
  assert.equal(await count('select count(*) as n from api_keys where hash = $1', [secret]), 0, 'only its hash is kept');
  const list = await getPage(node, `${ORG}/keys`, admin);
  assert.match(list.text, /Site web du Carrefour/);
  assert.ok(!list.text.includes(secret), 'never shown again');

  const api = await fetch(`${node.url}/v1/projects`, { method: 'POST', headers: { ...write(secret), 'content-type': 'application/json' }, body: JSON.stringify(projectBody({ communities: ['villeray'] })) });
  assert.equal(api.status, 201);
  assert.equal((await api.json()).organization.slug, 'carrefour-villeray');

  const [key] = await node.db.query<{ id: string }>(`select id from api_keys where label = 'Site web du Carrefour'`);
  // Another organization's admin can't revoke it.
  assert.equal((await postForm(node, `${ORG}/keys/revoke`, { key: key!.id }, other)).status, 404);
  assert.equal((await postForm(node, '/workspace/o/table-hochelaga/keys/revoke', { key: key!.id }, other)).location, '/workspace/o/table-hochelaga/keys', 'not its key: nothing revoked');
  assert.equal(await count('select count(*) as n from api_keys where id = $1 and revoked_at is null', [key!.id]), 1);

  const revoked = await postForm(node, `${ORG}/keys/revoke`, { key: key!.id }, admin);
  assert.equal(revoked.location, `${ORG}/keys?done=revoked`);
  const after = await fetch(`${node.url}/v1/projects`, { method: 'POST', headers: { ...write(secret), 'content-type': 'application/json' }, body: JSON.stringify(projectBody({ communities: ['villeray'] })) });
  assert.equal(after.status, 401);
});

test('the profile is edited in French and English; a bad website is said at its field', async () => {
  const bad = await postForm(node, `${ORG}/profile?lang=en`, { 'name.fr': 'Carrefour communautaire Villeray', website: 'javascript:alert(1)' }, admin);
  assert.equal(bad.status, 422);
  assert.match(bad.text, /id="f-website-error">Enter a web address starting with https:\/\//);
  const saved = await postForm(
    node,
    `${ORG}/profile`,
    { 'name.fr': 'Carrefour communautaire Villeray', 'name.en': 'Villeray Community Hub', 'description.fr': 'Un lieu pour tous.', 'description.en': 'A place for all.', website: 'https://carrefour.example.org', logoUrl: 'https://carrefour.example.org/logo.png' },
    admin,
  );
  assert.equal(saved.location, `${ORG}/profile?done=profile_saved`);
  const org = await (await fetch(`${node.url}/v1/organizations/carrefour-villeray`)).json();
  assert.deepEqual(org.description, { fr: 'Un lieu pour tous.', en: 'A place for all.' });
  assert.equal(org.website, 'https://carrefour.example.org/');
  assert.equal(org.name, 'Carrefour communautaire Villeray');
  assert.equal(org.nameEn, 'Villeray Community Hub');
  assert.equal(org.logo, 'https://carrefour.example.org/logo.png');
  const me = await (await fetch(`${node.url}/v1/me`, { headers: { authorization: `Bearer ${DEMO_KEYS.carrefourVilleray}` } })).json();
  assert.equal(me.organization.nameEn, 'Villeray Community Hub');
  const page = await getPage(node, `${ORG}/profile`, admin);
  assert.match(page.text, /value="Villeray Community Hub"/);

  // Its projects carry the English name beside the French one; English pages show it, French ones the French name.
  const projects = (await (await fetch(`${node.url}/v1/projects?limit=100`)).json()).items as any[];
  const own = projects.filter((p) => p.organization.slug === 'carrefour-villeray');
  assert.ok(own.length > 0);
  for (const p of own) assert.deepEqual(p.organization, { id: 'org_carrefour-villeray', slug: 'carrefour-villeray', name: 'Carrefour communautaire Villeray', nameEn: 'Villeray Community Hub', kind: 'community_organization' });
  const others = projects.filter((p) => p.organization.slug !== 'carrefour-villeray');
  assert.ok(others.length > 0);
  // The others keep what they had: the demo's Côte-des-Neiges house has an English name of its own.
  for (const p of others) assert.equal(p.organization.nameEn, p.organization.slug === 'maison-de-quartier-cdn' ? 'Côte-des-Neiges Neighbourhood House' : undefined, p.organization.slug);
  const en = await getPage(node, `/projects/${own[0].id}?lang=en`);
  assert.match(en.text, /<dt>Led by<\/dt><dd>Villeray Community Hub<\/dd>/);
  assert.match(en.text, /"parentOrganization":\{"@type":"Organization","name":"Villeray Community Hub"/);
  const fr = await getPage(node, `/projects/${own[0].id}?lang=fr`);
  assert.match(fr.text, /<dd>Carrefour communautaire Villeray<\/dd>/);
  assert.doesNotMatch(fr.text, /Villeray Community Hub/);

  // Without an English name nor a logo, the answer has neither; English pages fall back to the French name.
  await postForm(node, `${ORG}/profile`, { 'name.fr': 'Carrefour communautaire Villeray', website: 'https://carrefour.example.org' }, admin);
  const plain = await (await fetch(`${node.url}/v1/organizations/carrefour-villeray`)).json();
  assert.equal('nameEn' in plain, false);
  assert.equal('logo' in plain, false);
  assert.match((await getPage(node, `/projects/${own[0].id}?lang=en`)).text, /<dd>Carrefour communautaire Villeray<\/dd>/);
});

test("another organization's admin changes nothing of the first's team, keys or profile", async () => {
  const before = await count(`select count(*) as n from memberships where organization_id = 'org_carrefour-villeray'`);
  for (const path of ['', '/team', '/keys', '/profile', '/activity']) assert.equal((await getPage(node, `${ORG}${path}`, other)).status, 404, path);
  assert.equal((await postForm(node, `${ORG}/team/invite`, { email: 'intrus@example.org', role: 'admin' }, other)).status, 404);
  assert.equal((await postForm(node, `${ORG}/profile`, { 'name.fr': 'Piraté' }, other)).status, 404);
  assert.equal(await count(`select count(*) as n from memberships where organization_id = 'org_carrefour-villeray'`), before);
  assert.equal(await count(`select count(*) as n from organizations where name = 'Piraté'`), 0);
});

test('the activity log says who did what, in French and in English', async () => {
  const fr = await getPage(node, `${ORG}/activity`, admin);
  assert.equal(fr.status, 200);
  for (const what of ['Connexion', 'Membre ajouté', 'Membre retiré', 'Clé d’API créée', 'Clé d’API révoquée', 'Profil modifié']) assert.ok(fr.text.includes(what), what);
  assert.match(fr.text, /Admin Carrefour communautaire Villeray/);
  const en = await getPage(node, `${ORG}/activity?lang=en`, admin);
  assert.match(en.text, /API key revoked/);
  assert.doesNotMatch((await getPage(node, '/workspace/o/table-hochelaga/activity', other)).text, /Site web du Carrefour/, "another organization's log shows none of it");
});
