// Item 8 of the trust audit: a published project's title edited by its organization went live on
// every site at once. Now its title, summary, image and new money needs (and an event's texts, in a
// community that reviews events) wait for a curator; the public keeps the live version meanwhile.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CONSENT_VERSION } from '@perron/contract';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS, DEMO_STAFF } from '../src/seed/demo-ids.ts';
import { api, startTestNode } from './support/node.ts';
import { approvePendingChanges, bearer, NO_PLEDGE_CAPS, NO_RATE_LIMITS, pledgeBody, publishedProjectWithNeed, write } from './support/requests.ts';
import { getPage, postForm, signIn } from './support/workspace.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS })));
after(() => node?.close());

const TABLE = DEMO_KEYS.tableHochelaga;
const CURATOR = DEMO_KEYS.curator;
const people = { category: 'human', title: { fr: 'Bénévoles' }, unit: 'people', wanted: 10 };
const published = (title = 'Bacs de la rue Adam') => publishedProjectWithNeed(node, TABLE, CURATOR, people, { title: { fr: title, en: `${title} (en)` } });

/** What anyone sees: the API without a key, the list, and the project's page. */
async function publicTitle(id: string) {
  const one = await api(node, 'GET', `/v1/projects/${id}`);
  const list = await api(node, 'GET', '/v1/projects?organization=table-hochelaga&limit=100');
  const page = await fetch(`${node.url}/projects/${id}`).then((r) => r.text());
  const listed = list.body.items.find((p: any) => p.id === id);
  assert.equal(listed.title.fr, one.body.title.fr, 'the list says what the project says');
  return { title: one.body.title.fr as string, page, detail: one.body };
}

const pendingOf = async (id: string) => {
  const list = await api(node, 'GET', '/v1/revisions', { headers: bearer(CURATOR) });
  assert.equal(list.status, 200);
  return list.body.items.find((r: any) => r.subjectId === id);
};

const mailsTo = (email: string, like: string) =>
  node.db.query<{ body_text: string }>('select body_text from mail_outbox where recipient = $1 and subject like $2 order by created_at', [email, like]);

describe('a published project', () => {
  test('a new title is not public until a curator approves it', async () => {
    const { projectId: id } = await published();
    const edited = await api(node, 'PATCH', `/v1/projects/${id}`, { headers: write(TABLE), body: { title: { fr: 'Bacs géants de la rue Adam', en: 'Giant boxes' } } });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.title.fr, 'Bacs de la rue Adam', 'the answer shows the live title');
    assert.deepEqual(edited.body.pendingChanges.changes, { title: { fr: 'Bacs géants de la rue Adam', en: 'Giant boxes' } });

    const seen = await publicTitle(id);
    assert.equal(seen.title, 'Bacs de la rue Adam');
    assert.equal(seen.detail.pendingChanges, undefined, 'the public is not told what waits');
    assert.ok(seen.page.includes('Bacs de la rue Adam') && !seen.page.includes('Bacs géants'));

    const revision = await pendingOf(id);
    assert.equal(revision.status, 'pending');
    assert.deepEqual(revision.live.title, { fr: 'Bacs de la rue Adam', en: 'Bacs de la rue Adam (en)' });
    assert.deepEqual(revision.changes.title, { fr: 'Bacs géants de la rue Adam', en: 'Giant boxes' });
    // An organization's key is no curator's.
    assert.equal((await api(node, 'POST', `/v1/revisions/${revision.id}/approve`, { headers: write(TABLE), body: {} })).status, 403);

    const approved = await api(node, 'POST', `/v1/revisions/${revision.id}/approve`, { headers: write(CURATOR), body: {} });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'approved');
    assert.equal((await publicTitle(id)).title, 'Bacs géants de la rue Adam');
    const [row] = await node.db.query<{ search: string }>('select search from projects where id = $1', [id]);
    assert.match(row!.search, /^bacs geants de la rue adam/, 'search finds the new title');
    assert.equal((await api(node, 'POST', `/v1/revisions/${revision.id}/approve`, { headers: write(CURATOR), body: {} })).body.code, 'invalid_state');
    assert.equal((await mailsTo(DEMO_STAFF.tableHochelaga, '%Modifications approuvées%Bacs géants%')).length, 1);
  });

  test('a rejection keeps the live version and tells the organization why', async () => {
    const { projectId: id } = await published('Frigo de la rue Ontario');
    await api(node, 'PATCH', `/v1/projects/${id}`, { headers: write(TABLE), body: { summary: { fr: 'Un frigo pour tout le quartier, gratuit, 24 h sur 24.' } } });
    // A second edit joins the same revision: one diff per project.
    await api(node, 'PATCH', `/v1/projects/${id}`, { headers: write(TABLE), body: { image: { url: 'https://example.org/frigo.jpg', alt: { fr: 'Le frigo' } } } });
    const revision = await pendingOf(id);
    assert.deepEqual(Object.keys(revision.changes).sort(), ['image', 'summary']);
    assert.equal((await api(node, 'POST', `/v1/revisions/${revision.id}/reject`, { headers: write(CURATOR), body: { reason: ' ' } })).status, 400);
    const rejected = await api(node, 'POST', `/v1/revisions/${revision.id}/reject`, { headers: write(CURATOR), body: { reason: 'Cette photo montre des personnes reconnaissables.' } });
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.reason, 'Cette photo montre des personnes reconnaissables.');
    const seen = await publicTitle(id);
    assert.equal(seen.detail.summary.fr, 'Des bacs fleuris devant les commerces de la rue Adam.');
    assert.equal(seen.detail.image, null);
    const mails = await mailsTo(DEMO_STAFF.tableHochelaga, '%Modifications refusées%Frigo de la rue Ontario%');
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.body_text, /Cette photo montre des personnes reconnaissables\./);
    assert.equal((await api(node, 'GET', `/v1/projects/${id}`, { headers: bearer(TABLE) })).body.pendingChanges, undefined, 'nothing waits any more');
  });

  test('a change to a field that is not reviewed is live at once, beside a title that waits', async () => {
    const { projectId: id } = await published('Serre de l’école');
    const edited = await api(node, 'PATCH', `/v1/projects/${id}`, { headers: write(TABLE), body: { title: { fr: 'Grande serre' }, themes: ['education', 'environment'], endsOn: '2027-06-30' } });
    assert.equal(edited.status, 200);
    const seen = await publicTitle(id);
    assert.deepEqual(seen.detail.themes, ['education', 'environment']);
    assert.equal(seen.detail.endsOn, '2027-06-30');
    assert.equal(seen.title, 'Serre de l’école');
    // The same title sent again (a form sends every field) is no change.
    const same = await api(node, 'PATCH', `/v1/projects/${id}`, { headers: write(TABLE), body: { title: { fr: 'Serre de l’école', en: 'Serre de l’école (en)' }, themes: ['education'] } });
    assert.deepEqual(same.body.pendingChanges.changes, { title: { fr: 'Grande serre' } });
    assert.deepEqual((await publicTitle(id)).detail.themes, ['education']);
  });

  test('a new money need is kept from the public and from pledges until approved; other needs are public at once', async () => {
    const { projectId: id } = await published('Cuisine collective');
    const money = await api(node, 'POST', `/v1/projects/${id}/needs`, { headers: write(TABLE), body: { category: 'financial', title: { fr: 'Four' }, wanted: 150_000 } });
    assert.equal(money.status, 201);
    assert.equal(money.body.inReview, true);
    const hands = await api(node, 'POST', `/v1/projects/${id}/needs`, { headers: write(TABLE), body: { ...people, title: { fr: 'Cuisiniers' } } });
    assert.equal(hands.body.inReview, undefined);
    const seen = await publicTitle(id);
    assert.deepEqual(seen.detail.needs.map((n: any) => n.title.fr).sort(), ['Bénévoles', 'Cuisiniers']);
    assert.equal(seen.detail.progress.financial.needs, 0);
    assert.equal((await api(node, 'GET', `/v1/needs/${money.body.id}`)).status, 404);
    assert.equal((await api(node, 'POST', `/v1/needs/${money.body.id}/pledges`, { headers: write(), body: pledgeBody(1000) })).status, 404);

    const revision = await pendingOf(id);
    assert.deepEqual(revision.newNeeds.map((n: any) => n.id), [money.body.id]);
    await api(node, 'POST', `/v1/revisions/${revision.id}/approve`, { headers: write(CURATOR), body: {} });
    const after = (await publicTitle(id)).detail;
    assert.equal(after.progress.financial.needs, 1);
    assert.equal(after.progress.financial.wantedCents, 150_000);
    assert.equal((await api(node, 'POST', `/v1/needs/${money.body.id}/pledges`, { headers: write(), body: pledgeBody(1000) })).status, 201);
  });
});

describe('the workspace', () => {
  test('an edit by the staff waits in the curator queue, which shows the diff and approves it', async () => {
    const { projectId: id } = await published('Ruelle verte Adam');
    const staff = await signIn(node, DEMO_STAFF.tableHochelaga);
    const form = { 'title.fr': 'Ruelle verte et fleurie', 'title.en': 'Ruelle verte Adam (en)', 'summary.fr': 'Des bacs fleuris devant les commerces de la rue Adam.', 'summary.en': 'Flower boxes in front of the shops on Adam Street.', 'communities[]': 'hochelaga', 'themes[]': 'environment' };
    const saved = await postForm(node, `/workspace/o/table-hochelaga/projects/${id}`, form, staff);
    assert.equal(saved.status, 303, saved.text.slice(0, 500));
    assert.match(saved.location!, /done=sent_for_review/);
    const own = await getPage(node, saved.location!, staff);
    assert.match(own.text, /En attente de révision/);
    assert.match(own.text, /Ruelle verte et fleurie/);
    assert.equal((await publicTitle(id)).title, 'Ruelle verte Adam');

    const curator = await signIn(node, DEMO_STAFF.curator);
    const queue = await getPage(node, '/workspace/c/montreal', curator);
    const link = new RegExp(`href="(/workspace/c/montreal/revisions/[^"]+)">Projet — Ruelle verte Adam<`).exec(queue.text)?.[1];
    assert.ok(link, 'the queue lists the changes');
    const diff = await getPage(node, link, curator);
    assert.equal(diff.status, 200);
    assert.match(diff.text, /<th scope="col">En ligne<\/th><th scope="col">Proposé<\/th>/);
    assert.match(diff.text, /Ruelle verte Adam<\/span>/);
    assert.match(diff.text, /Ruelle verte et fleurie<\/span>/);
    assert.doesNotMatch(diff.text, /<td>Résumé<\/td>/, 'an unchanged summary is no change');
    const approved = await postForm(node, `${link}/approve`, {}, curator);
    assert.equal(approved.location, '/workspace/c/montreal?done=changes_approved');
    assert.equal((await publicTitle(id)).title, 'Ruelle verte et fleurie');
  });
});

describe('an event', () => {
  const eventBody = (community: string) => ({
    title: { fr: 'Corvée de la ruelle' },
    category: 'workshop',
    community,
    startsAt: '2027-05-15T10:00:00-04:00',
    endsAt: '2027-05-15T12:00:00-04:00',
    place: { name: 'Parc Morgan', address: '1875, avenue Morgan' },
    capacity: 20,
    registration: true,
  });

  test('of a community that reviews events: its title waits, its capacity changes at once; elsewhere all is live', async () => {
    await node.db.query(`update communities set events_require_review = true where slug = 'hochelaga-maisonneuve'`);
    const made = await api(node, 'POST', '/v1/events', { headers: write(TABLE), body: eventBody('hochelaga') });
    assert.equal(made.status, 201);
    const id = made.body.id;
    await approvePendingChanges(node, CURATOR, id); // new, it waited for a curator too (next test)
    const edited = await api(node, 'PATCH', `/v1/events/${id}`, { headers: write(TABLE), body: { title: { fr: 'Grande corvée' }, capacity: 30 } });
    assert.equal(edited.status, 200);
    assert.deepEqual(edited.body.pendingChanges.changes, { title: { fr: 'Grande corvée' } });
    const seen = await api(node, 'GET', `/v1/events/${id}`);
    assert.equal(seen.body.title.fr, 'Corvée de la ruelle');
    assert.equal(seen.body.capacity, 30);
    const ics = await fetch(`${node.url}/v1/events/${id}.ics`).then((r) => r.text());
    assert.match(ics, /SUMMARY:Corvée de la ruelle/);

    const revision = await pendingOf(id);
    assert.equal(revision.subject, 'event');
    await api(node, 'POST', `/v1/revisions/${revision.id}/approve`, { headers: write(CURATOR), body: {} });
    assert.equal((await api(node, 'GET', `/v1/events/${id}`)).body.title.fr, 'Grande corvée');

    const elsewhere = await api(node, 'POST', '/v1/events', { headers: write(TABLE), body: eventBody('villeray') });
    const live = await api(node, 'PATCH', `/v1/events/${elsewhere.body.id}`, { headers: write(TABLE), body: { title: { fr: 'Autre titre' } } });
    assert.equal(live.body.title.fr, 'Autre titre');
    assert.equal(live.body.pendingChanges, undefined);
  });

  test('new, in a community that reviews events: public nowhere until a curator approves it in the queue (fr, en); declined, it stays private until edited', async () => {
    await node.db.query(`update communities set events_require_review = true where slug = 'hochelaga-maisonneuve'`);
    const made = await api(node, 'POST', '/v1/events', { headers: write(TABLE), body: { ...eventBody('hochelaga'), title: { fr: 'Soirée des voisins', en: 'Neighbours’ evening' } } });
    assert.equal(made.status, 201);
    const id = made.body.id;
    assert.equal(made.body.inReview, true);
    const isPublic = async () => {
      const one = await api(node, 'GET', `/v1/events/${id}`);
      const list = await api(node, 'GET', '/v1/events?community=hochelaga&limit=100');
      const feed = await fetch(`${node.url}/v1/events.ics`).then((r) => r.text());
      const ics = await fetch(`${node.url}/v1/events/${id}.ics`);
      const page = await fetch(`${node.url}/events/${id}`);
      await ics.body?.cancel();
      await page.body?.cancel();
      const seen = [one.status === 200, list.body.items.some((e: any) => e.id === id), feed.includes('Soirée des voisins'), ics.status === 200, page.status === 200];
      assert.ok(seen.every((x) => x === seen[0]), `all or nothing: ${seen}`);
      return seen[0];
    };
    assert.equal(await isPublic(), false);
    const register = await api(node, 'POST', `/v1/events/${id}/registrations`, { headers: write(), body: { contact: { name: 'Noé', email: 'noe@example.org' }, seats: 1, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' } });
    assert.equal(register.status, 404);
    const own = await api(node, 'GET', `/v1/events?organization=table-hochelaga&limit=100`, { headers: bearer(TABLE) });
    assert.ok(!own.body.items.some((e: any) => e.id === id), 'the public list, even with its key');

    const revision = await pendingOf(id);
    assert.equal(revision.newItem, true);
    assert.equal(revision.changes.title.fr, 'Soirée des voisins');
    assert.deepEqual(revision.live, {});

    const curator = await signIn(node, DEMO_STAFF.curator);
    const queue = await getPage(node, '/workspace/c/montreal', curator);
    assert.match(queue.text, new RegExp(`href="/workspace/c/montreal/revisions/${revision.id}">Nouvel événement — Soirée des voisins<`));
    const queueEn = await getPage(node, '/workspace/c/montreal?lang=en', curator);
    assert.match(queueEn.text, /New event — Neighbours’ evening/);
    const link = `/workspace/c/montreal/revisions/${revision.id}`;
    const view = await getPage(node, link, curator);
    assert.match(view.text, /<h1>Nouvel événement\s:\sSoirée des voisins<\/h1>/);
    // When and where, in Montréal's time, so the curator judges the whole event.
    assert.match(view.text, /<dt>Quand<\/dt><dd>samedi 15 mai 2027, 10\sh\s00\s(à|–)\s12\sh\s00<\/dd>/);
    assert.match(view.text, /<dt>Où<\/dt><dd>Parc Morgan, 1875, avenue Morgan<\/dd>/);
    const viewEn = (await getPage(node, `${link}?lang=en`, curator)).text;
    assert.match(viewEn, /<dt>When<\/dt><dd>Saturday, May 15, 2027, 10:00\sa\.m\.\s?(–|to)\s?12:00\sp\.m\.<\/dd>/);
    assert.match(view.text, />Approuver et publier l’événement</);
    assert.match((await getPage(node, `${link}?lang=en`, curator)).text, />Reject the event</);

    const declined = await postForm(node, `${link}/reject`, { reason: 'Précisez le lieu exact.' }, curator);
    assert.equal(declined.status, 303);
    assert.equal(await isPublic(), false);
    const staff = await signIn(node, DEMO_STAFF.tableHochelaga);
    assert.match((await getPage(node, '/workspace/o/table-hochelaga/events', staff)).text, /En attente d’un curateur/);
    const [mail] = await node.db.query<{ subject: string; body_text: string }>(`select subject, body_text from mail_outbox where recipient = $1 and subject like 'Événement refusé%' order by created_at desc limit 1`, [DEMO_STAFF.tableHochelaga]);
    assert.match(mail?.body_text ?? '', /Précisez le lieu exact\./);

    // Edited, it is back in the queue, as it is now; approved, it is public everywhere at once.
    const edited = await api(node, 'PATCH', `/v1/events/${id}`, { headers: write(TABLE), body: { place: { name: 'Parc Morgan, chalet', address: '1875, avenue Morgan' } } });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.place.name, 'Parc Morgan, chalet');
    const again = await pendingOf(id);
    assert.equal(again.newItem, true);
    assert.equal(again.changes.place.name, 'Parc Morgan, chalet');
    const approved = await postForm(node, `/workspace/c/montreal/revisions/${again.id}/approve`, {}, curator);
    assert.equal(approved.status, 303);
    assert.equal(await isPublic(), true);
    assert.equal((await api(node, 'GET', `/v1/events/${id}`)).body.inReview, undefined);
    await node.db.query(`update communities set events_require_review = false where slug = 'hochelaga-maisonneuve'`);
  });
});
