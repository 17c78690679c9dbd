import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CONSENT_VERSION, VOTE_CONSENT_VERSION } from '@perron/contract';
import type { RunningNode } from '../../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS } from '../../src/seed/demo-ids.ts';
import { DEMO_EVENTS, DEMO_IDEAS } from '../../src/seed/engagement-data.ts';
import { tokenFor } from '../support/engagement.ts';
import { api, startTestNode } from '../support/node.ts';
import { bearer, confirmedPledge, linkTokenTo, NO_PLEDGE_CAPS, NO_RATE_LIMITS, pledgeBody, write } from '../support/requests.ts';
import { captureOutput, rowsNaming } from './personal-data.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS })));
after(() => node?.close());

const NAME = 'Zénobie Quintal-Ruelland';
const EMAIL = 'Zenobie.QR@example.org';
const contact = { name: NAME, email: EMAIL };
const VILLERAY = DEMO_KEYS.carrefourVilleray;

/** A form POST from the node's own page (the browser sends its Origin). */
const post = (path: string, form: Record<string, string> = {}, origin = node.url) =>
  fetch(`${node.url}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body: new URLSearchParams(form) });

const one = async <T>(sql: string, params: unknown[] = []) => (await node.db.query<T>(sql, params))[0]!;
const pledged = (needId: string) => one<{ pledged: number }>('select pledged from needs where id = $1', [needId]).then((r) => r.pledged);

test('a person exports and erases their pledge, registration, vote and idea through their link and nothing of them remains (rows, outbox, logs)', async () => {
  const output = captureOutput();
  try {
    // A pledge still in play, and one the organization marked fulfilled.
    const hours = DEMO_NEEDS.patinoireArrosage;
    const planks = DEMO_NEEDS.patinoireBandes;
    const before = { hours: await pledged(hours), planks: await pledged(planks) };
    const open = await confirmedPledge(node, hours, pledgeBody(3, { contact, message: 'Je peux arroser le mardi soir.' }));
    assert.equal(open.body.status, 'pending', JSON.stringify(open.body));
    const given = await confirmedPledge(node, planks, pledgeBody(4, { contact }));
    assert.equal(given.body.status, 'pending');
    for (const status of ['confirmed', 'fulfilled']) {
      assert.equal((await api(node, 'PATCH', `/v1/pledges/${given.body.id}`, { headers: write(VILLERAY), body: { status } })).status, 200);
    }
    assert.deepEqual({ hours: await pledged(hours), planks: await pledged(planks) }, { hours: before.hours + 3, planks: before.planks + 4 });

    const event = DEMO_EVENTS.corveeRuelle;
    const seats = async () => (await api(node, 'GET', `/v1/events/${event}`)).body.registeredCount as number;
    const seatsBefore = await seats();
    const registered = await api(node, 'POST', `/v1/events/${event}/registrations`, { headers: write(), body: { contact, seats: 2, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' } });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    // The registration's email opens the same page, with its own (cancel) token.
    const fromRegistration = await linkTokenTo(node, EMAIL, '/my-data/');
    assert.equal((await fetch(`${node.url}/my-data/${fromRegistration}`)).status, 200);

    const idea = DEMO_IDEAS.patinoireRuelle;
    const support = async () => (await api(node, 'GET', `/v1/ideas/${idea}`)).body.supportCount as number;
    const supportBefore = await support();
    assert.equal((await api(node, 'POST', `/v1/ideas/${idea}/votes`, { headers: write(), body: { email: EMAIL, consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' } })).status, 202);
    assert.equal((await api(node, 'POST', `/v1/confirmations/${await tokenFor(node, EMAIL.toLowerCase())}`, { headers: write(), body: {} })).status, 200);
    assert.equal(await support(), supportBefore + 1);

    const proposed = await api(node, 'POST', '/v1/ideas', {
      headers: write(),
      body: { title: 'Un banc près de la patinoire', description: 'Pour lacer ses patins au chaud.', community: 'villeray-saint-michel-parc-extension', author: contact, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' },
    });
    assert.equal(proposed.status, 202);
    assert.equal((await api(node, 'POST', `/v1/confirmations/${await tokenFor(node, EMAIL)}`, { headers: write(), body: {} })).status, 200);
    // Its curator published it (the queue's own test: ideas-moderation.test.ts): a public idea stays, without its author.
    await node.db.query("update ideas set status = 'published' where id = $1", [proposed.body.ideaId]);

    // Their link: the one in the receipt of the fulfilled pledge.
    const token = await linkTokenTo(node, EMAIL, '/my-data/');
    assert.ok(token, 'the receipt carries a link to the person’s data');
    const shown = await fetch(`${node.url}/my-data/${token}?lang=fr`);
    assert.equal(shown.status, 200);
    assert.equal(shown.headers.get('cache-control'), 'no-store');
    const page = await shown.text();
    for (const text of [NAME, EMAIL.toLowerCase(), 'Je peux arroser le mardi soir.', 'Un banc près de la patinoire', 'Arrosage de nuit de la glace', 'Corvée']) assert.ok(page.includes(text), `the page shows ${text}`);

    const exported = await fetch(`${node.url}/my-data/${token}/export.json`);
    assert.equal(exported.status, 200);
    assert.match(exported.headers.get('content-disposition') ?? '', /attachment/);
    const data = await exported.json();
    assert.deepEqual(
      { pledges: data.pledges.length, registrations: data.registrations.length, votes: data.votes.length, ideas: data.ideas.length },
      { pledges: 2, registrations: 1, votes: 1, ideas: 1 },
    );
    assert.deepEqual(data.pledges.map((p: { name: string; quantity: number; consent: { version: string } }) => [p.name, p.quantity, p.consent.version]), [[NAME, 3, CONSENT_VERSION], [NAME, 4, CONSENT_VERSION]]);
    assert.equal(data.votes[0].consent.version, VOTE_CONSENT_VERSION);
    assert.equal(data.registrations[0].seats, 2);
    assert.ok(data.mail.length >= 6, 'the emails sent to them are listed');

    // A form posted from another site erases nothing.
    assert.equal((await post(`/my-data/${token}/erase`, {}, 'https://evil.example')).status, 403);
    assert.ok(Object.keys(await rowsNaming(node, [EMAIL])).length > 0);

    const erased = await post(`/my-data/${token}/erase?lang=fr`);
    assert.equal(erased.status, 303);
    assert.equal(erased.headers.get('location'), '/my-data/erased?lang=fr');

    // Nothing of them remains, in any table.
    assert.deepEqual(await rowsNaming(node, [EMAIL, NAME, 'Je peux arroser le mardi soir.']), {});
    // What others rely on stays, without them: the fulfilled planks count, the open pledge gave its hours back.
    assert.deepEqual({ hours: await pledged(hours), planks: await pledged(planks) }, { hours: before.hours, planks: before.planks + 4 });
    assert.deepEqual(await one('select status, quantity, contact_name, contact_email, message from pledges where id = $1', [given.body.id]), {
      status: 'fulfilled',
      quantity: 4,
      contact_name: null,
      contact_email: null,
      message: null,
    });
    assert.equal((await node.db.query('select 1 from pledges where id = $1', [open.body.id])).length, 0);
    assert.equal(await seats(), seatsBefore, 'the event to come has its seats back');
    assert.equal(await support(), supportBefore, 'a support on an idea still open to votes is withdrawn');
    const kept = await one<{ status: string; author_name: string | null }>('select status, author_name from ideas where id = $1', [proposed.body.ideaId]);
    assert.deepEqual(kept, { status: 'published', author_name: null });

    assert.equal((await fetch(`${node.url}/my-data/${token}`)).status, 404, 'the link opens nothing more');
    // The organizations are told what was withdrawn and freed, without the name.
    const told = await node.db.query<{ subject: string; body_text: string }>(
      "select subject, body_text from mail_outbox where subject like 'Engagement retiré%' or subject like 'Inscription annulée%' order by created_at desc limit 10",
    );
    assert.ok(told.some((m) => m.body_text.includes('Un engagement a été retiré') && m.body_text.includes('Arrosage de nuit de la glace')), JSON.stringify(told));
    assert.ok(told.some((m) => m.body_text.includes('Une personne a annulé son inscription')));
    await node.worker.drain();
  } finally {
    output.stop();
  }
  const logged = output.text();
  for (const needle of [EMAIL, EMAIL.toLowerCase(), NAME]) assert.ok(!logged.includes(needle), `the logs name ${needle}`);
});

test('a "my data" request by email: the same answer for known and unknown addresses, a link only to a known one, limited per address and network', async () => {
  const known = 'connu.e@example.org';
  assert.equal((await api(node, 'POST', `/v1/ideas/${DEMO_IDEAS.patinoireRuelle}/votes`, { headers: write(), body: { email: known, consent: { version: VOTE_CONSENT_VERSION }, lang: 'en' } })).status, 202);
  const form = await fetch(`${node.url}/my-data?lang=en`);
  assert.equal(form.status, 200);
  assert.match(await form.text(), /<label for="email">Email<\/label>/);

  const ask = (email: string, lang = 'fr') => post(`/my-data?lang=${lang}`, { email });
  const mails = async (to: string) => node.db.query<{ body_text: string }>("select body_text from mail_outbox where recipient = $1 and subject like 'Vos données%'", [to]);
  const a = await ask(known);
  const b = await ask('inconnu.e@example.org');
  assert.deepEqual([a.status, a.headers.get('location')], [303, '/my-data/sent?lang=fr']);
  assert.deepEqual([b.status, b.headers.get('location')], [303, '/my-data/sent?lang=fr']);
  assert.equal((await mails('inconnu.e@example.org')).length, 0, 'nothing is sent to an address the node does not know');
  const [mail] = await mails(known);
  const token = /\/my-data\/([A-Za-z0-9_-]{20,})/.exec(mail?.body_text ?? '')?.[1];
  assert.ok(token);
  const page = await (await fetch(`${node.url}/my-data/${token}?lang=en`)).text();
  assert.match(page, /Support for ideas \(1\)/);

  for (let i = 0; i < 6; i++) assert.equal((await ask(known)).status, 303);
  assert.equal((await mails(known)).length, 5, 'at most 5 links to an address in an hour');

  const bad = await ask('pas-un-courriel');
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /aria-describedby="email-error"/);
  assert.equal((await post('/my-data', { email: known }, 'https://evil.example')).status, 403);

  let limited = 0;
  for (let i = 0; i < 30 && !limited; i++) if ((await ask(`x${i}@example.org`)).status === 429) limited = i;
  assert.ok(limited > 0, 'too many requests from one network are told');
});

test('a vote records the notice its voter read; without one it is refused', async () => {
  const refused = await api(node, 'POST', `/v1/ideas/${DEMO_IDEAS.patinoireRuelle}/votes`, { headers: write(), body: { email: 'sans.avis@example.org', lang: 'fr' } });
  assert.equal(refused.status, 400);
  assert.ok(refused.body.errors.some((e: { path: string }) => e.path === 'body.consent'), JSON.stringify(refused.body));
  const unknown = await api(node, 'POST', `/v1/ideas/${DEMO_IDEAS.patinoireRuelle}/votes`, { headers: write(), body: { email: 'sans.avis@example.org', consent: { version: 'nope' }, lang: 'fr' } });
  assert.equal(unknown.status, 400);
  const ok = await api(node, 'POST', `/v1/ideas/${DEMO_IDEAS.patinoireRuelle}/votes`, { headers: write(), body: { email: 'avec.avis@example.org', consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' } });
  assert.equal(ok.status, 202);
  const row = await one<{ consent_version: string; consent_at: Date | null }>('select consent_version, consent_at from votes where email = $1', ['avec.avis@example.org']);
  assert.equal(row.consent_version, VOTE_CONSENT_VERSION);
  assert.ok(row.consent_at instanceof Date);
  const missing = await node.db.query("select 1 from votes where consent_version is null or consent_at is null");
  assert.equal(missing.length, 0);
});

test('withdrawing a pledge erases its contact, and its link then shows nothing of the person', async () => {
  const email = 'retrait@example.org';
  const made = await confirmedPledge(node, DEMO_NEEDS.patinoireArrosage, pledgeBody(1, { contact: { name: 'Rémi Retrait', email } }));
  const token = await linkTokenTo(node, email, '/withdraw/');
  assert.equal((await api(node, 'POST', '/v1/pledges/withdraw', { headers: write(), body: { token } })).status, 200);
  assert.deepEqual(await one('select status, contact_name, contact_email, message from pledges where id = $1', [made.body.id]), { status: 'withdrawn', contact_name: null, contact_email: null, message: null });
  assert.equal((await fetch(`${node.url}/my-data/${token}`)).status, 404);
  assert.equal((await api(node, 'GET', '/v1/pledges', { headers: bearer(VILLERAY) })).body.items.some((p: { contact: { email: string } | null }) => p.contact?.email === email), false);
});
