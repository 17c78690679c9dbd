// "My data" for a person who is also staff: their workspace account is shown and exported; erasing
// removes it with its memberships and sessions, unless they are an organization's last admin; an
// organization's block on their address survives erasure as a salted hash only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningNode } from '../../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_STAFF } from '../../src/seed/demo-ids.ts';
import { api, startTestNode } from '../support/node.ts';
import { confirmedPledge, linkTokenTo, NO_PLEDGE_CAPS, NO_RATE_LIMITS, pledgeBody, write } from '../support/requests.ts';
import { getPage, signIn } from '../support/workspace.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS })));
after(() => node?.close());

/** A form POST from the node's own page (the browser sends its Origin). */
const post = (path: string, form: Record<string, string> = {}) =>
  fetch(`${node.url}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: node.url }, body: new URLSearchParams(form) });

/** The person asks for their link at /my-data, as anyone would, and opens it from their mailbox. */
async function myDataLink(email: string): Promise<string> {
  assert.equal((await post('/my-data', { email })).status, 303);
  const token = await linkTokenTo(node, email, '/my-data/');
  assert.ok(token, `a link was mailed to ${email}`);
  return token;
}

test('the last admin of an organization sees their account and memberships, and erasing is refused with a clear message; nothing is erased', async () => {
  const email = DEMO_STAFF.tableHochelaga;
  const token = await myDataLink(email);
  const page = await fetch(`${node.url}/my-data/${token}`).then((r) => r.text());
  assert.match(page, /<h2 id="staff">Compte de l’espace des organismes<\/h2>/);
  assert.match(page, /<td>Table de quartier Hochelaga-Maisonneuve<\/td><td>Administration<\/td>/);
  const exported = await fetch(`${node.url}/my-data/${token}/export.json`).then((r) => r.json());
  assert.equal(exported.staff.email, email);
  assert.deepEqual(exported.staff.organizations.map((o: any) => [o.organization, o.role]), [['Table de quartier Hochelaga-Maisonneuve', 'admin']]);

  const refused = await post(`/my-data/${token}/erase?lang=fr`);
  assert.equal(refused.status, 409);
  const text = await refused.text();
  assert.match(text, /Rien n’a été effacé/);
  assert.match(text, /seule personne à administrer «\sTable de quartier Hochelaga-Maisonneuve\s»/);
  assert.match(text, /class="lang" href="\/my-data\/[^"/]+\?lang=en"/, 'the other language opens the data page, not the POST-only address');
  const en = await fetch(`${node.url}/my-data/${token}/erase?lang=en`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: node.url } });
  assert.match(await en.text(), /You are the only administrator of “Table de quartier Hochelaga-Maisonneuve”/);
  const [kept] = await node.db.query<{ n: number }>('select count(*) as n from people p join memberships m on m.person_id = p.id where p.email_key = $1', [email]);
  assert.equal(Number(kept!.n), 1, 'the account and its membership stay');
});

test('the last curator of a community is refused too, with what to do instead; nothing is erased', async () => {
  const email = DEMO_STAFF.curator;
  const token = await myDataLink(email);
  const refused = await post(`/my-data/${token}/erase?lang=fr`);
  assert.equal(refused.status, 409);
  const text = await refused.text();
  assert.match(text, /Rien n’a été effacé/);
  assert.match(text, /seule personne à réviser les projets et événements de «\sAgriculture urbaine\s» et «\sMontréal\s»\./);
  assert.match(text, /Demandez d’abord à l’équipe de ce site de nommer une autre personne à la révision/);
  const en = await fetch(`${node.url}/my-data/${token}/erase?lang=en`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: node.url } });
  assert.equal(en.status, 409);
  assert.match(await en.text(), /You are the only person who reviews the projects and events of “Urban agriculture” and “Montréal”\./);
  const [kept] = await node.db.query<{ n: number }>('select count(*) as n from people p join community_curators cc on cc.person_id = p.id where p.email_key = $1', [email]);
  assert.equal(Number(kept!.n), 2, 'the account and its curators’ roles stay');
});

test('an editor erases their data: their account, memberships, curators’ roles and sessions go; the activity log keeps what was done without them', async () => {
  const email = DEMO_STAFF.carrefourEditor;
  const cookie = await signIn(node, email);
  assert.equal((await getPage(node, '/workspace/o/carrefour-villeray', cookie)).status, 200);
  const [person] = await node.db.query<{ id: string }>('select id from people where email_key = $1', [email]);
  const [logged] = await node.db.query<{ n: number }>('select count(*) as n from activity_log where person_id = $1', [person!.id]);
  assert.ok(Number(logged!.n) >= 1, 'signing in is in the log');

  const token = await myDataLink(email);
  const page = await fetch(`${node.url}/my-data/${token}?lang=en`).then((r) => r.text());
  assert.match(page, /<td>Carrefour communautaire Villeray<\/td><td>Editing<\/td>/);
  assert.match(page, /Open sessions: 1\./);
  const erased = await post(`/my-data/${token}/erase?lang=en`);
  assert.equal(erased.status, 303);

  for (const table of ['people', 'memberships', 'community_curators', 'sessions', 'sign_in_tokens']) {
    const column = table === 'people' ? 'id' : 'person_id';
    const [row] = await node.db.query<{ n: number }>(`select count(*) as n from ${table} where ${column} = $1`, [person!.id]);
    assert.equal(Number(row!.n), 0, table);
  }
  const [unnamed] = await node.db.query<{ n: number }>(`select count(*) as n from activity_log where person_id is null and action = 'signed_in'`);
  assert.ok(Number(unnamed!.n) >= 1, 'the entries stay, without the person');
  const after = await getPage(node, '/workspace/o/carrefour-villeray', cookie);
  assert.notEqual(after.status, 200, 'the session is over');
  const [mail] = await node.db.query<{ n: number }>('select count(*) as n from mail_outbox where lower(recipient) = $1', [email]);
  assert.equal(Number(mail!.n), 0);
});

test('an organization’s block outlives the erasure as a salted hash: the address is gone, its pledges are still refused', async () => {
  const email = 'Bloquee.Tremblay@example.org';
  const need = DEMO_NEEDS.patinoireArrosage;
  const pledge = await confirmedPledge(node, need, pledgeBody(1, { contact: { name: 'Odile Tremblay', email } }));
  assert.equal(pledge.status, 200, JSON.stringify(pledge.body));
  const declined = await api(node, 'PATCH', `/v1/pledges/${pledge.body.id}`, { headers: write(DEMO_KEYS.carrefourVilleray), body: { status: 'declined', block: true } });
  assert.equal(declined.status, 200, JSON.stringify(declined.body));

  const token = await myDataLink(email);
  assert.match(await fetch(`${node.url}/my-data/${token}`).then((r) => r.text()), /empreinte de l’adresse \(un hachage salé\)/);
  assert.equal((await post(`/my-data/${token}/erase`)).status, 303);

  const blocks = await node.db.query<{ email: string }>(`select email from pledge_blocks where organization_id = 'org_carrefour-villeray'`);
  assert.ok(blocks.length >= 1);
  assert.ok(blocks.every((b) => !b.email.includes('@')), 'no address is kept');
  assert.ok(blocks.some((b) => /^sha256:[0-9a-f]{64}$/.test(b.email)));
  const again = await api(node, 'POST', `/v1/needs/${need}/pledges`, { headers: write(), body: pledgeBody(1, { contact: { name: 'Odile', email: email.toLowerCase() } }) });
  assert.equal(again.status, 403);
  assert.equal(again.body.code, 'blocked');
  // Another organization is not affected.
  const elsewhere = await api(node, 'POST', `/v1/needs/${DEMO_NEEDS.jardinTerreau}/pledges`, { headers: write(), body: pledgeBody(1, { contact: { name: 'Odile', email } }) });
  assert.equal(elsewhere.status, 201, JSON.stringify(elsewhere.body));
});
