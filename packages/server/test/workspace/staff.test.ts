// The staff screens through HTTP: a project drafted with an image and three needs, submitted;
// the inbox confirms and declines, exports its CSV; an event is created, its registrants listed and
// exported, then it is cancelled. Another organization's staff reach none of it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningNode } from '../../src/index.ts';
import { DEMO_STAFF } from '../../src/seed/demo-ids.ts';
import { jpegWithGps } from '../support/images.ts';
import { api, startTestNode } from '../support/node.ts';
import { confirmedPledge, NO_RATE_LIMITS, pledgeBody, write } from '../support/requests.ts';
import { getPage, postForm, signIn } from '../support/workspace.ts';

let node: RunningNode;
let staff: string;
let other: string;
before(async () => {
  node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS });
  staff = await signIn(node, DEMO_STAFF.tableHochelaga);
  other = await signIn(node, DEMO_STAFF.carrefourVilleray);
});
after(() => node.close());

const ORG = '/workspace/o/table-hochelaga';
const idIn = (location: string | null, kind: string) => new RegExp(`/${kind}/([A-Za-z0-9_-]+)`).exec(location ?? '')?.[1];

async function postMultipart(path: string, fields: Record<string, string | string[]>, file: Uint8Array | null, cookie: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
  if (file) form.append('image.file', new Blob([Buffer.from(file)], { type: 'image/jpeg' }), 'photo.jpg');
  const res = await fetch(`${node.url}${path}`, { method: 'POST', body: form, redirect: 'manual', headers: { cookie, origin: node.url } });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

describe('the staff screens', () => {
  test('a project: draft with an image, errors in French tied to their fields, three needs, submitted', async () => {
    const empty = await postMultipart(`${ORG}/projects`, { 'title.en': 'Only English' }, null, staff);
    assert.equal(empty.status, 422);
    assert.match(empty.text, /Ce champ est obligatoire\./);
    assert.match(empty.text, /id="f-title-fr"[^>]*aria-describedby="f-title-fr-error"|aria-describedby="f-title-fr-error"/);
    assert.match(empty.text, /value="Only English"/, 'nothing typed is lost');

    const created = await postMultipart(
      `${ORG}/projects`,
      { 'title.fr': 'Ruelle fleurie', 'title.en': 'Flowered alley', 'summary.fr': 'Des fleurs dans la ruelle.', 'communities[]': 'hochelaga', 'themes[]': ['environment', 'culture'], 'image.alt.fr': 'Une ruelle verte' },
      jpegWithGps(),
      staff,
    );
    assert.equal(created.status, 303, created.text.slice(0, 500));
    const id = idIn(created.location, 'projects')!;
    const row = (await node.db.query<any>('select status, image_url from projects where id = $1', [id]))[0];
    assert.equal(row.status, 'draft');
    assert.match(row.image_url, /\/images\/[0-9a-f]{64}\.jpg$/);

    for (const need of <Record<string, string | string[]>[]>[
      { category: 'human', 'title.fr': 'Bénévoles', wanted: '6', unit: 'people', 'skills[]': ['gardening', 'handiwork'], skillsOther: 'bonne humeur, Premiers soins' },
      { category: 'material', 'title.fr': 'Sacs de terreau', wanted: '20', 'unitLabel.fr': 'sacs' },
      { category: 'financial', 'title.fr': 'Semences', wanted: '150,50' },
    ]) {
      const res = await postForm(node, `${ORG}/projects/${id}/needs`, need, staff);
      assert.equal(res.status, 303, res.text.slice(0, 800));
    }
    const needs = await node.db.query<any>('select category, wanted, unit, unit_label, skills from needs where project_id = $1 order by position', [id]);
    assert.deepEqual(needs.map((n) => [n.category, n.wanted]), [['human', 6], ['material', 20], ['financial', 15_050]], 'money typed in dollars is stored in cents');
    assert.deepEqual(needs[0].skills, ['gardening', 'handiwork', 'bonne humeur', 'first-aid'], 'ticked codes, then typed text (a label typed becomes its skill)');

    const page = await getPage(node, `${ORG}/projects/${id}?done=need_saved`, staff);
    assert.match(page.text, /Besoin enregistré\./);
    assert.match(page.text, /150,50\s\$/);
    assert.equal((await postForm(node, `${ORG}/projects/${id}/submit`, {}, staff)).status, 303);
    assert.equal((await node.db.query<any>('select status from projects where id = $1', [id]))[0].status, 'submitted');
    const list = await getPage(node, `${ORG}/projects`, staff);
    assert.match(list.text, /Ruelle fleurie/);
    assert.match(list.text, /En attente de la révision/);

    // Another organization's staff: a 404 for the page and every action.
    assert.equal((await getPage(node, `${ORG}/projects/${id}`, other)).status, 404);
    assert.equal((await getPage(node, `/workspace/o/carrefour-villeray/projects/${id}`, other)).status, 404);
    assert.equal((await postForm(node, `/workspace/o/carrefour-villeray/projects/${id}/submit`, {}, other)).status, 404);
  });

  test('the inbox: the count, confirm, decline with a reason emailed, the CSV of the filtered list', async () => {
    const [need] = await node.db.query<any>(`select n.id from needs n join projects p on p.id = n.project_id where p.organization_id = 'org_table-hochelaga' and p.status = 'published' and n.category = 'financial' and n.status = 'open' limit 1`);
    const a = await confirmedPledge(node, need.id, pledgeBody(2_500, { contact: { name: 'Éloïse Bérubé', email: 'eloise@example.org' } }));
    const b = await confirmedPledge(node, need.id, pledgeBody(1_000, { lang: 'en', contact: { name: '=cmd', email: 'b@example.org' } }));
    const inbox = await getPage(node, `${ORG}/inbox`, staff);
    assert.equal(inbox.status, 200);
    assert.match(inbox.text, /Éloïse Bérubé/);
    assert.match(inbox.text, /class="ws-count"> \d+</);

    assert.equal((await postForm(node, `${ORG}/inbox/${a.body.id}?status=pending`, { status: 'confirmed' }, staff)).location, `${ORG}/inbox?status=pending&done=confirmed`);
    const declined = await postForm(node, `${ORG}/inbox/${b.body.id}`, { status: 'declined', [`reason-${b.body.id}`]: 'Merci, le but est atteint.' }, staff);
    assert.equal(declined.status, 303);
    const [mail] = await node.db.query<any>(`select subject, body_text from mail_outbox where recipient = 'b@example.org' order by created_at desc limit 1`);
    assert.match(mail.subject, /was declined/);
    assert.match(mail.body_text, /Merci, le but est atteint\./);
    const after = await getPage(node, `${ORG}/inbox`, staff);
    assert.doesNotMatch(after.text, /Éloïse Bérubé/, 'handled pledges leave the queue');
    assert.match((await getPage(node, `${ORG}/inbox?status=confirmed`, staff)).text, /Éloïse Bérubé/, 'and stay findable');

    const csv = await fetch(`${node.url}${ORG}/inbox.csv?status=&lang=fr`, { headers: { cookie: staff } });
    assert.equal(csv.status, 200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    assert.ok(text.startsWith('\uFEFFDate,Statut,Projet,Besoin'));
    assert.match(text, /Confirmé,[^\r\n]*,25\.00,\$ CAD,Éloïse Bérubé/);
    assert.match(text, /,'=cmd,/);
    assert.equal((await fetch(`${node.url}${ORG}/inbox.csv`, { headers: { cookie: other }, redirect: 'manual' })).status, 404);
    assert.equal((await postForm(node, `${ORG}/inbox/${a.body.id}`, { status: 'fulfilled' }, other)).status, 404);
  });

  test('partners: named on the project form (organization and role), shown again, an unknown one refused at its field, removed by choosing none', async () => {
    const base = { 'title.fr': 'Frigo partagé', 'summary.fr': 'Un frigo libre-service devant le centre.', 'communities[]': 'hochelaga', 'themes[]': 'food_security' };
    const created = await postMultipart(`${ORG}/projects`, { ...base, 'partners.0.organization': 'caisse-du-centre', 'partners.0.role': 'funder', 'partners.1.organization': '', 'partners.1.role': 'partner' }, null, staff);
    assert.equal(created.status, 303, created.text.slice(0, 500));
    const id = idIn(created.location, 'projects')!;
    const partners = async () => (await node.db.query<any>('select o.slug, pp.role from project_partners pp join organizations o on o.id = pp.organization_id where pp.project_id = $1 order by o.slug', [id])).map((r) => `${r.slug}:${r.role}`);
    assert.deepEqual(await partners(), ['caisse-du-centre:funder'], 'a blank row is no partner');

    const page = await getPage(node, `${ORG}/projects/${id}`, staff);
    assert.match(page.text, /<label for="f-partners-0-organization">Organisme partenaire 1<span/);
    assert.match(page.text, /<option value="caisse-du-centre" selected="">/);
    assert.match(page.text, /id="f-partners-1-organization"/, 'one more row, blank, to add a partner');
    assert.doesNotMatch(page.text, /<option value="table-hochelaga"/, 'the organization is not offered as its own partner');

    const bad = await postMultipart(`${ORG}/projects/${id}?lang=en`, { ...base, 'partners.0.organization': 'caisse-du-centre', 'partners.0.role': 'funder', 'partners.1.organization': 'nobody-here', 'partners.1.role': 'sponsor' }, null, staff);
    assert.equal(bad.status, 422);
    assert.match(bad.text, /id="f-partners-1-organization-error">This organization is not on this node\./);
    assert.deepEqual(await partners(), ['caisse-du-centre:funder'], 'nothing changed');

    const moved = await postMultipart(`${ORG}/projects/${id}`, { ...base, 'partners.0.organization': '', 'partners.0.role': 'funder', 'partners.1.organization': 'quincaillerie-ontario', 'partners.1.role': 'sponsor' }, null, staff);
    assert.equal(moved.status, 303);
    assert.deepEqual(await partners(), ['quincaillerie-ontario:sponsor']);
  });

  test('a need edited in place: its name and target through the API’s rules, an error at its field in French and English, then closed', async () => {
    const [need] = await node.db.query<any>(`select n.id, p.id as project from needs n join projects p on p.id = n.project_id where p.organization_id = 'org_table-hochelaga' and p.status = 'published' and n.category = 'material' and n.status = 'open' and n.wanted - n.pledged >= 2 order by n.id limit 1`);
    await confirmedPledge(node, need.id, pledgeBody(2));
    const [{ pledged }] = await node.db.query<any>('select pledged from needs where id = $1', [need.id]);
    assert.ok(pledged >= 2);
    const path = `${ORG}/projects/${need.project}/needs/${need.id}`;
    const page = await getPage(node, `${ORG}/projects/${need.project}`, staff);
    assert.match(page.text, new RegExp(`<form[^>]*action="${path}"`), 'each need has its own form');
    assert.match(page.text, new RegExp(`id="f-${need.id}-wanted"`));

    const low = await postForm(node, path, { [`${need.id}.title.fr`]: 'Semences bio', [`${need.id}.wanted`]: '1', [`${need.id}.status`]: 'open' }, staff);
    assert.equal(low.status, 422);
    assert.match(low.text, /déjà promis\s:\sla quantité voulue ne peut pas être plus basse\./);
    assert.match(low.text, new RegExp(`aria-describedby="f-${need.id}-wanted-error"`), 'the error is tied to the field');
    assert.match(low.text, /value="Semences bio"/, 'nothing typed is lost');
    const en = await postForm(node, `${path}?lang=en`, { [`${need.id}.title.fr`]: '', [`${need.id}.wanted`]: '100', [`${need.id}.status`]: 'open' }, staff);
    assert.equal(en.status, 422, 'French is required, in English too');
    assert.match(en.text, new RegExp(`id="f-${need.id}-title-fr-error"`));
    assert.match(en.text, /This field is required\./);

    const wanted = String(pledged + 10);
    const saved = await postForm(node, path, { [`${need.id}.title.fr`]: 'Semences bio', [`${need.id}.title.en`]: 'Organic seeds', [`${need.id}.wanted`]: wanted, [`${need.id}.status`]: 'open' }, staff);
    assert.equal(saved.status, 303, saved.text.slice(0, 500));
    let [row] = await node.db.query<any>('select title, wanted, status from needs where id = $1', [need.id]);
    assert.deepEqual([row.title, row.wanted, row.status], [{ fr: 'Semences bio', en: 'Organic seeds' }, pledged + 10, 'open']);

    const closed = await postForm(node, path, { [`${need.id}.title.fr`]: 'Semences bio', [`${need.id}.wanted`]: wanted, [`${need.id}.status`]: 'closed' }, staff);
    assert.equal(closed.location, `${ORG}/projects/${need.project}?done=need_closed#needs`);
    [row] = await node.db.query<any>('select status from needs where id = $1', [need.id]);
    assert.equal(row.status, 'closed');
    assert.equal((await api(node, 'POST', `/v1/needs/${need.id}/pledges`, { headers: write(), body: pledgeBody(1) })).status, 409, 'a closed need takes no pledge');
    assert.equal((await postForm(node, path, { [`${need.id}.status`]: 'open' }, other)).status, 404, 'another organization’s staff');
  });

  test('a volunteer need edited in place: hours or people, skills and its shift; blank ones removed; the unit kept once pledged', async () => {
    const [need] = await node.db.query<any>(`select n.id, p.id as project, n.pledged, n.unit from needs n join projects p on p.id = n.project_id where p.organization_id = 'org_table-hochelaga' and p.status = 'published' and n.category = 'human' and n.pledged > 0 order by n.id limit 1`);
    assert.ok(need, 'the demo has a pledged volunteer need');
    const path = `${ORG}/projects/${need.project}/needs/${need.id}`;
    const field = (name: string) => `${need.id}.${name}`;
    const base = { [field('title.fr')]: 'Bénévoles', [field('wanted')]: String(need.pledged + 5), [field('status')]: 'open' };
    const page = await getPage(node, `${ORG}/projects/${need.project}`, staff);
    for (const name of ['unit', 'skillsOther', 'shift-day', 'shift-from', 'shift-to']) assert.match(page.text, new RegExp(`id="f-${need.id}-${name}"`), name);
    assert.match(page.text, new RegExp(`<label><input type="checkbox" name="${need.id}.skills\\[\\]" value="carpentry"/> menuiserie</label>`), 'the taxonomy, in French');

    const saved = await postForm(node, path, { ...base, [field('unit')]: need.unit, [field('skills[]')]: ['carpentry'], [field('skillsOther')]: 'premiers soins, bonne humeur', [field('shift.day')]: '2027-05-15', [field('shift.from')]: '9', [field('shift.to')]: '12:30' }, staff);
    assert.equal(saved.status, 303, saved.text.slice(0, 500));
    let [row] = await node.db.query<any>('select skills, shift_starts_at, shift_ends_at from needs where id = $1', [need.id]);
    assert.deepEqual(row.skills, ['carpentry', 'first-aid', 'bonne humeur']);
    assert.equal(new Date(row.shift_starts_at).toISOString(), '2027-05-15T13:00:00.000Z', '9 h in Montréal (EDT)');
    assert.equal(new Date(row.shift_ends_at).toISOString(), '2027-05-15T16:30:00.000Z');
    const again = await getPage(node, `${ORG}/projects/${need.project}`, staff);
    assert.match(again.text, new RegExp(`name="${need.id}.skills\\[\\]" value="carpentry" checked=""/> menuiserie<`), 'the form shows what is saved');
    assert.match(again.text, new RegExp(`name="${need.id}.skills\\[\\]" value="first-aid" checked=""/> premiers soins<`));
    assert.match(again.text, /lang="fr" [^>]*value="bonne humeur"|value="bonne humeur"[^>]*lang="fr"/, 'text typed is French, and said so');
    const english = await getPage(node, `${ORG}/projects/${need.project}?lang=en`, staff);
    assert.match(english.text, new RegExp(`value="carpentry" checked=""/> carpentry<`), 'the taxonomy, in English');
    const tooMany = await postForm(node, path, { ...base, [field('unit')]: need.unit, [field('skills[]')]: ['carpentry'], [field('skillsOther')]: 'x'.repeat(61) }, staff);
    assert.equal(tooMany.status, 422);
    assert.match(tooMany.text, new RegExp(`href="#f-${need.id}-skillsOther"`), 'a typed skill too long: the error leads to its field');
    assert.match(tooMany.text, new RegExp(`value="carpentry" checked=""`), 'what was ticked stays ticked');
    assert.match(again.text, /value="2027-05-15"/);

    const people = await postForm(node, `${path}?lang=en`, { ...base, [field('unit')]: need.unit === 'hours' ? 'people' : 'hours' }, staff);
    assert.equal(people.status, 422);
    assert.match(people.text, /Pledges are already counted in this unit: it can no longer change\./);
    assert.match(people.text, new RegExp(`aria-describedby="f-${need.id}-unit-error"`));

    const cleared = await postForm(node, path, { ...base, [field('unit')]: need.unit }, staff);
    assert.equal(cleared.status, 303);
    [row] = await node.db.query<any>('select skills, shift_starts_at from needs where id = $1', [need.id]);
    assert.deepEqual([row.skills, row.shift_starts_at], [[], null], 'blank skills and day remove them');
  });

  test('a need: its edit link opens its own form, then it is deleted after a confirmation; one with pledges is refused, saying to close it', async () => {
    const [project] = await node.db.query<any>(`select p.id from projects p where p.organization_id = 'org_table-hochelaga' and p.status = 'published' and exists (select 1 from needs n where n.project_id = p.id and n.pledge_count > 0) order by p.id limit 1`);
    const page = `${ORG}/projects/${project.id}`;
    assert.equal((await postForm(node, `${page}/needs`, { category: 'material', 'title.fr': 'Râteaux', 'title.en': 'Rakes', wanted: '3', 'unitLabel.fr': 'râteaux' }, staff)).status, 303);
    const [need] = await node.db.query<any>(`select id from needs where project_id = $1 and title->>'fr' = 'Râteaux'`, [project.id]);
    const [pledged] = await node.db.query<any>('select id from needs where project_id = $1 and pledge_count > 0 order by id limit 1', [project.id]);
    const openDetails = (html: string) => [...html.matchAll(/<details[^>]*id="edit-([^"]+)"[^>]*>/g)].filter((m) => / open/.test(m[0])).map((m) => m[1]);

    const list = await getPage(node, page, staff);
    const edit = `${page}?edit=${need.id}#f-${need.id}-title-fr`;
    assert.ok(list.text.includes(`href="${edit}"`), 'the edit link loads the page with that form open, its first field the fragment');
    assert.match(list.text, new RegExp(`id="f-${need.id}-title-fr"`), 'the fragment is the name field');
    assert.deepEqual(openDetails(list.text), [], 'every form closed at first');
    const opened = await getPage(node, `${page}?edit=${need.id}`, staff);
    assert.deepEqual(openDetails(opened.text), [need.id], 'only that need’s form is open');

    assert.ok(opened.text.includes(`href="${page}/needs/${need.id}/delete"`), 'its form links to the delete step');
    const confirm = await getPage(node, `${page}/needs/${need.id}/delete`, staff);
    assert.equal(confirm.status, 200);
    assert.match(confirm.text, /<h1>Supprimer le besoin «\s?Râteaux\s?»\s?\?<\/h1>/);
    assert.match(confirm.text, /Cette action est définitive\./);
    assert.match(confirm.text, new RegExp(`<form method="post" action="${page}/needs/${need.id}/delete"`), 'a plain form: no JavaScript needed');
    assert.ok(await node.db.query('select 1 from needs where id = $1', [need.id]).then((r) => r.length === 1), 'nothing is deleted by looking');
    assert.equal((await postForm(node, `/workspace/o/carrefour-villeray/projects/${project.id}/needs/${need.id}/delete`, {}, other)).status, 404, 'another organization’s staff');
    const deleted = await postForm(node, `${page}/needs/${need.id}/delete`, {}, staff);
    assert.equal(deleted.status, 303);
    assert.equal(deleted.location, `${page}?done=need_deleted#needs`);
    assert.deepEqual(await node.db.query('select 1 from needs where id = $1', [need.id]), []);
    assert.match((await getPage(node, `${page}?done=need_deleted`, staff)).text, /Besoin supprimé\./);
    const [log] = await node.db.query<any>(`select subject, person_id from activity_log where action = 'need_deleted' and subject like 'Râteaux%'`);
    assert.ok(log?.person_id, 'the activity log says who');
    assert.match((await getPage(node, `${ORG}/activity`, staff)).text, /Besoin supprimé/);

    const refused = await getPage(node, `${page}/needs/${pledged.id}/delete?lang=en`, staff);
    assert.match(refused.text, /This need has pledges: it can’t be deleted, since a pledge is never lost\. Close it instead/);
    assert.doesNotMatch(refused.text, /action="[^"]*\/delete"/, 'no delete button');
    assert.ok(refused.text.includes(`href="${page}?edit=${pledged.id}#f-${pledged.id}-status"`), 'a link to its form, at its status');
    const posted = await postForm(node, `${page}/needs/${pledged.id}/delete`, {}, staff);
    assert.equal(posted.status, 409);
    assert.match(posted.text, /Ce besoin a reçu des engagements\s:\sil ne peut pas être supprimé/);
    assert.equal((await node.db.query('select 1 from needs where id = $1', [pledged.id])).length, 1);
  });

  test('a need’s deadline: on the add and edit forms, a date that does not exist refused at its field in French and English, blank removes it', async () => {
    const [project] = await node.db.query<any>(`select id from projects where organization_id = 'org_table-hochelaga' and status = 'published' order by id limit 1`);
    const page = `${ORG}/projects/${project.id}`;
    const bad = await postForm(node, `${page}/needs`, { category: 'material', 'title.fr': 'Bâches', wanted: '2', 'unitLabel.fr': 'bâches', deadline: '2026-02-30' }, staff);
    assert.equal(bad.status, 422);
    assert.match(bad.text, /id="f-deadline-error">Entrez une date réelle au format AAAA-MM-JJ, par exemple 2026-12-15\./);
    assert.match(bad.text, /id="f-deadline"[^>]*aria-describedby="f-deadline-hint f-deadline-error"|aria-describedby="f-deadline-hint f-deadline-error"[^>]*id="f-deadline"/);
    assert.match(bad.text, /value="Bâches"/, 'nothing typed is lost');
    assert.equal((await postForm(node, `${page}/needs`, { category: 'material', 'title.fr': 'Bâches', wanted: '2', 'unitLabel.fr': 'bâches', deadline: '2027-03-20' }, staff)).status, 303);
    const [need] = await node.db.query<any>(`select id, deadline::text as deadline from needs where project_id = $1 and title->>'fr' = 'Bâches'`, [project.id]);
    assert.equal(need.deadline, '2027-03-20');
    assert.match((await getPage(node, page, staff)).text, new RegExp(`id="f-${need.id}-deadline"[^>]*value="2027-03-20"|value="2027-03-20"[^>]*id="f-${need.id}-deadline"`), 'the edit form shows it');

    const path = `${page}/needs/${need.id}`;
    const base = { [`${need.id}.title.fr`]: 'Bâches', [`${need.id}.wanted`]: '2', [`${need.id}.status`]: 'open', [`${need.id}.unitLabel.fr`]: 'bâches' };
    const en = await postForm(node, `${path}?lang=en`, { ...base, [`${need.id}.deadline`]: 'March 20' }, staff);
    assert.equal(en.status, 422);
    assert.match(en.text, new RegExp(`id="f-${need.id}-deadline-error">Enter a real date as YYYY-MM-DD, for example 2026-12-15\\.`));
    assert.match(en.text, /value="March 20"/);
    assert.equal((await postForm(node, path, { ...base, [`${need.id}.deadline`]: '2027-04-01' }, staff)).status, 303);
    assert.equal((await node.db.query<any>('select deadline::text as d from needs where id = $1', [need.id]))[0].d, '2027-04-01');
    assert.equal((await postForm(node, path, base, staff)).status, 303);
    assert.equal((await node.db.query<any>('select deadline from needs where id = $1', [need.id]))[0].deadline, null, 'left blank: none');
  });

  test('an event: created in French and English with a place, its registrant listed and exported, then cancelled', async () => {
    const day = new Date(Date.now() + 10 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'America/Toronto' });
    const bad = await postForm(node, `${ORG}/events`, { 'title.fr': 'Corvée', category: 'workshop', community: 'hochelaga', date: day, start: '10:00', end: '09:00', registration: 'on' }, staff);
    assert.equal(bad.status, 422);
    assert.match(bad.text, /La fin vient avant le début\./);
    const created = await postForm(node, `${ORG}/events`, { 'title.fr': 'Corvée de ruelle', 'title.en': 'Alley clean-up', category: 'workshop', community: 'hochelaga', date: day, start: '10:00', end: '12:30', 'place.name': 'Parc Morgan', 'place.address': '1875, avenue Morgan', capacity: '25', registration: 'on' }, staff);
    assert.equal(created.status, 303, created.text.slice(0, 500));
    const id = idIn(created.location, 'events')!;
    assert.equal((await api(node, 'POST', `/v1/events/${id}/registrations`, { headers: write(), body: { contact: { name: 'Zoë Lévesque', email: 'zoe.l@example.org' }, consent: { version: '2026-11', shareWithOrganizers: true }, lang: 'fr' } })).status, 201);
    const page = await getPage(node, `${ORG}/events/${id}`, staff);
    assert.match(page.text, /Zoë Lévesque/);
    const csv = await fetch(`${node.url}${ORG}/events/${id}/registrations.csv`, { headers: { cookie: staff } });
    assert.match(await csv.text(), /Zoë Lévesque,zoe\.l@example\.org,1,français/);
    assert.equal((await getPage(node, `/workspace/o/carrefour-villeray/events/${id}`, other)).status, 404);
    assert.equal((await postForm(node, `${ORG}/events/${id}/cancel`, { reason: 'Pluie prévue.' }, staff)).status, 303);
    const [mail] = await node.db.query<any>(`select subject from mail_outbox where recipient = 'zoe.l@example.org' order by created_at desc limit 1`);
    assert.match(mail.subject, /^Événement annulé : Corvée de ruelle/);
  });
});
