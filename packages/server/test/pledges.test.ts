import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CONSENT_VERSION, PLEDGE_HOLD_MINUTES } from '@perron/contract';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../src/seed/demo-ids.ts';
import { api, startTestNode } from './support/node.ts';
import { bearer, confirmedPledge, linkTokenTo, NO_PLEDGE_CAPS, NO_RATE_LIMITS, pledgeBody, publishedProjectWithNeed, write } from './support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS })));
after(() => node.close());

const TABLE = DEMO_KEYS.tableHochelaga;
const CURATOR = DEMO_KEYS.curator;
const one = async (sql: string, params: unknown[] = []) => (await node.db.query<any>(sql, params))[0];
const humanNeed = (wanted: number, unit = 'people') => ({ category: 'human', title: { fr: 'Bénévoles' }, unit, wanted });
const lastMailTo = (email: string) => one('select * from mail_outbox where recipient = $1 order by created_at desc, id desc limit 1', [email]);
const tokenIn = (text: string) => /\/withdraw\/([A-Za-z0-9_-]{20,100})/.exec(text)?.[1];

describe('a pledge', () => {
  test('of time is held, with its contact and consent, until its email is confirmed; then counted into its need and receipted', async () => {
    const before = await one('select pledged, pledge_count from needs where id = $1', [DEMO_NEEDS.jardinBenevoles]);
    const res = await api(node, 'POST', `/v1/needs/${DEMO_NEEDS.jardinBenevoles}/pledges`, {
      headers: write(),
      body: pledgeBody(2, { contact: { name: '  Rosalie Hébert ', email: 'rosalie@example.org' }, message: 'Avec ma sœur.', consent: { version: CONSENT_VERSION, shareWithOrganizers: true, updates: true } }),
    });
    assert.equal(res.status, 201);
    assert.deepEqual(Object.keys(res.body).sort(), ['category', 'collection', 'createdAt', 'heldUntil', 'id', 'needId', 'projectId', 'quantity', 'status']);
    assert.equal(res.body.status, 'held');
    assert.equal(new Date(res.body.heldUntil).getTime() - new Date(res.body.createdAt).getTime(), PLEDGE_HOLD_MINUTES * 60_000);
    assert.equal(res.body.collection, null);
    const row = await one('select * from pledges where id = $1', [res.body.id]);
    assert.equal(row.contact_name, 'Rosalie Hébert');
    assert.equal(row.contact_email, 'rosalie@example.org');
    assert.equal(row.message, 'Avec ma sœur.');
    assert.equal(row.consent_version, CONSENT_VERSION);
    assert.equal(row.consent_share, true);
    assert.equal(row.consent_updates, true);
    assert.ok(Math.abs(new Date(row.consent_at).getTime() - Date.now()) < 60_000);
    // Held: not counted yet.
    assert.deepEqual(await one('select pledged, pledge_count from needs where id = $1', [DEMO_NEEDS.jardinBenevoles]), before);

    // The email to a not-yet-confirmed address says what the organization wrote, never what was typed.
    const ask = await lastMailTo('rosalie@example.org');
    assert.match(ask.subject, /Confirmez votre engagement pour « Jardin collectif de la rue Ontario »/);
    assert.match(ask.body_text, /2 personnes/);
    assert.doesNotMatch(ask.body_text, /Rosalie|sœur/);
    const confirmToken = (await linkTokenTo(node, 'rosalie@example.org', '/pledges/confirm/'))!;
    assert.ok(confirmToken);
    const confirmed = await api(node, 'POST', '/v1/pledges/confirm', { headers: write(), body: { token: confirmToken } });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.status, 'pending');
    assert.equal(confirmed.body.heldUntil, null);
    const need = await one('select pledged, pledge_count, status from needs where id = $1', [DEMO_NEEDS.jardinBenevoles]);
    assert.deepEqual(need, { pledged: before.pledged + 2, pledge_count: before.pledge_count + 1, status: 'open' });

    const mail = await lastMailTo('rosalie@example.org');
    assert.match(mail.subject, /Votre engagement pour « Jardin collectif de la rue Ontario »/);
    const token = tokenIn(mail.body_text)!;
    assert.ok(token);
    // Only the tokens' hashes are kept.
    const after = await one('select * from pledges where id = $1', [res.body.id]);
    assert.notEqual(after.withdraw_token_hash, token);
    assert.equal((await node.db.query('select 1 from pledges where withdraw_token_hash = $1 or confirm_token_hash = $2', [token, confirmToken])).length, 0);
  });

  test('of money gets how it will be collected, from the payment adapter, in the answer and the email', async () => {
    const res = await confirmedPledge(node, DEMO_NEEDS.jardinFonds, pledgeBody(5000, { lang: 'en', contact: { name: 'Sam', email: 'sam@example.org' } }));
    assert.equal(res.status, 200);
    assert.equal(res.body.category, 'financial');
    assert.equal(res.body.collection.method, 'promise');
    assert.match(res.body.collection.instructions.en, /\$50\.00/);
    assert.match(res.body.collection.instructions.fr, /50,00\s\$/);
    assert.deepEqual((await one('select collection from pledges where id = $1', [res.body.id])).collection, res.body.collection);
    const mail = await lastMailTo('sam@example.org');
    assert.match(mail.subject, /Your pledge to “Ontario Street community garden”/);
    assert.match(mail.body_text, /No payment is taken now/);
  });

  test('can not exceed what a bounded need still wants: 409 with what remains, then the need is filled', async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, humanNeed(5));
    const over = await api(node, 'POST', `/v1/needs/${needId}/pledges`, { headers: write(), body: pledgeBody(6) });
    assert.equal(over.status, 409);
    assert.equal(over.body.code, 'over_pledged');
    assert.match(over.body.detail, /remaining: 5/);
    assert.equal((await confirmedPledge(node, needId, pledgeBody(3))).status, 200);
    const again = await api(node, 'POST', `/v1/needs/${needId}/pledges`, { headers: write(), body: pledgeBody(3) });
    assert.match(again.body.detail, /Only 2 people left.*remaining: 2/);
    assert.equal((await confirmedPledge(node, needId, pledgeBody(2))).status, 200);
    assert.deepEqual(await one('select pledged, pledge_count, status from needs where id = $1', [needId]), { pledged: 5, pledge_count: 2, status: 'filled' });
    const full = await api(node, 'POST', `/v1/needs/${needId}/pledges`, { headers: write(), body: pledgeBody(1) });
    assert.equal(full.status, 409);
    assert.equal(full.body.code, 'over_pledged');
    assert.match(full.body.detail, /remaining: 0/);
    assert.equal((await one('select count(*) as n from pledges where need_id = $1', [needId])).n, 2);
  });

  test('is bounded per category: at most 20 people or 200 hours in one pledge', async () => {
    const res = await api(node, 'POST', `/v1/needs/${DEMO_NEEDS.patinoireArrosage}/pledges`, { headers: write(), body: pledgeBody(201) });
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0].path, 'body.quantity');
  });

  test('money beyond the goal is welcome: a financial need is never over-pledged', async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, { category: 'financial', title: { fr: 'Fonds' }, wanted: 1000 });
    assert.equal((await confirmedPledge(node, needId, pledgeBody(5000))).status, 200);
    assert.deepEqual(await one('select pledged, status from needs where id = $1', [needId]), { pledged: 5000, status: 'open' });
  });

  test('needs a published project: a draft’s need is not found, a completed project’s is closed to pledges', async () => {
    const draft = await api(node, 'POST', '/v1/needs/need_jumelage-familles/pledges', { headers: write(), body: pledgeBody(1) });
    assert.equal(draft.status, 404);
    const done = await api(node, 'POST', '/v1/needs/need_fete-fonds/pledges', { headers: write(), body: pledgeBody(1000) });
    assert.equal(done.status, 409);
    assert.equal(done.body.code, 'invalid_state');
    assert.equal((await one(`select count(*) as n from pledges where need_id in ('need_jumelage-familles', 'need_fete-fonds') and contact_email = 'lea.gagnon@example.org'`)).n, 0);
  });
});

describe('concurrency and replays', () => {
  test('200 concurrent pledges on 10 places: exactly 10 held, 190 told it is over-pledged; confirmed at once, the 10 count once each', async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, humanNeed(10));
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => api(node, 'POST', `/v1/needs/${needId}/pledges`, { headers: write(undefined, `concurrent-pledge-${i}`), body: pledgeBody(1, { contact: { name: `P ${i}`, email: `p${i}@example.org` } }) })),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 10);
    assert.equal(answers.filter((a) => a.status === 409 && a.body.code === 'over_pledged').length, 190);
    assert.equal((await one('select count(*) as n from pledges where need_id = $1', [needId])).n, 10);
    assert.deepEqual(await one('select pledged, pledge_count, status from needs where id = $1', [needId]), { pledged: 0, pledge_count: 0, status: 'open' });
    assert.equal((await one(`select count(*) as n from mail_outbox where recipient like 'p%@example.org' and subject like '%Bacs à fleurs%'`)).n, 10);
    const held = answers.filter((a) => a.status === 201).map((a) => a.body);
    const tokens = await Promise.all(held.map(async (p) => linkTokenTo(node, (await one('select contact_email from pledges where id = $1', [p.id])).contact_email, '/pledges/confirm/')));
    // Each link followed three times at once: counted once.
    const confirms = await Promise.all(tokens.flatMap((token) => [1, 2, 3].map(() => api(node, 'POST', '/v1/pledges/confirm', { headers: write(), body: { token } }))));
    assert.deepEqual([...new Set(confirms.map((c) => c.status))], [200]);
    assert.deepEqual(await one('select pledged, pledge_count, status from needs where id = $1', [needId]), { pledged: 10, pledge_count: 10, status: 'filled' });
  });

  test('a replay answers the first pledge and leaves one row; another body with that key is a conflict', async () => {
    const headers = write(undefined, 'replayed-pledge-0001');
    const first = await api(node, 'POST', `/v1/needs/${DEMO_NEEDS.jardinTerreau}/pledges`, { headers, body: pledgeBody(1, { contact: { name: 'R', email: 'replay@example.org' } }) });
    const second = await api(node, 'POST', `/v1/needs/${DEMO_NEEDS.jardinTerreau}/pledges`, { headers, body: pledgeBody(1, { contact: { name: 'R', email: 'replay@example.org' } }) });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    const changed = await api(node, 'POST', `/v1/needs/${DEMO_NEEDS.jardinTerreau}/pledges`, { headers, body: pledgeBody(2, { contact: { name: 'R', email: 'replay@example.org' } }) });
    assert.equal(changed.status, 409);
    assert.equal(changed.body.code, 'idempotency_conflict');
    assert.equal((await one(`select count(*) as n from pledges where contact_email = 'replay@example.org'`)).n, 1);
    assert.equal((await one(`select count(*) as n from mail_outbox where recipient = 'replay@example.org'`)).n, 1, 'one email asking to confirm');
  });

  test('50 concurrent replays of one key make one pledge, and all answer it', async () => {
    const before = await one('select pledged from needs where id = $1', [DEMO_NEEDS.jardinTerreau]);
    const headers = write(undefined, 'fifty-replays-of-one-pledge');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => api(node, 'POST', `/v1/needs/${DEMO_NEEDS.jardinTerreau}/pledges`, { headers, body: pledgeBody(1, { contact: { name: 'F', email: 'fifty@example.org' } }) })),
    );
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [201]);
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    assert.equal((await one(`select count(*) as n from pledges where contact_email = 'fifty@example.org'`)).n, 1);
    const token = (await linkTokenTo(node, 'fifty@example.org', '/pledges/confirm/'))!;
    await api(node, 'POST', '/v1/pledges/confirm', { headers: write(), body: { token } });
    assert.equal((await one('select pledged from needs where id = $1', [DEMO_NEEDS.jardinTerreau])).pledged, before.pledged + 1);
  });
});

describe('withdrawing', () => {
  const pledgeAndToken = async (needId: string, quantity: number, email: string) => {
    const res = await confirmedPledge(node, needId, pledgeBody(quantity, { contact: { name: 'W', email } }));
    assert.equal(res.status, 200);
    return { id: res.body.id as string, token: tokenIn((await lastMailTo(email)).body_text)! };
  };

  test('with the token of the receipt gives the places back and reopens a filled need', async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, humanNeed(3));
    const { id, token } = await pledgeAndToken(needId, 3, 'withdraw1@example.org');
    assert.equal((await one('select status from needs where id = $1', [needId])).status, 'filled');
    const res = await api(node, 'POST', '/v1/pledges/withdraw', { headers: write(), body: { token } });
    assert.equal(res.status, 200);
    assert.equal(res.body.id, id);
    assert.equal(res.body.status, 'withdrawn');
    assert.deepEqual(await one('select pledged, pledge_count, status from needs where id = $1', [needId]), { pledged: 0, pledge_count: 0, status: 'open' });
    // Withdrawn, the contact has no more purpose: it is erased (Law 25).
    assert.deepEqual(await one('select status, contact_name, contact_email, message from pledges where id = $1', [id]), { status: 'withdrawn', contact_name: null, contact_email: null, message: null });
    const twice = await api(node, 'POST', '/v1/pledges/withdraw', { headers: write(), body: { token } });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'invalid_state');
    const unknown = await api(node, 'POST', '/v1/pledges/withdraw', { headers: write(), body: { token: 'x'.repeat(32) } });
    assert.equal(unknown.status, 404);
  });

  test('from the page of the emailed link: GET asks and changes nothing, POST withdraws', async () => {
    const { id, token } = await pledgeAndToken(DEMO_NEEDS.jardinTerreau, 2, 'withdraw2@example.org');
    const ask = await fetch(`${node.url}/withdraw/${token}`);
    const page = await ask.text();
    assert.equal(ask.status, 200);
    assert.match(page, /<form method="post" action="\/withdraw\//);
    // It says which pledge it is: organization, project, need and quantity.
    const facts = (text: string) => [...text.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => `${m[1]}=${m[2]}`);
    assert.deepEqual(facts(page), [
      'Organisme=Table de quartier Hochelaga-Maisonneuve',
      'Projet=Jardin collectif de la rue Ontario',
      'Besoin=Sacs de terreau (25 L)',
      'Engagement=2 sacs',
    ]);
    assert.equal((await one('select status from pledges where id = $1', [id])).status, 'pending');
    const done = await fetch(`${node.url}/withdraw/${token}?lang=en`, { method: 'POST' });
    assert.equal(done.status, 200);
    const donePage = await done.text();
    assert.match(donePage, /Your pledge is withdrawn/);
    assert.deepEqual(facts(donePage), ['Organization=Table de quartier Hochelaga-Maisonneuve', 'Project=Ontario Street community garden', 'Need=Bags of potting soil (25 L)', 'Pledge=2 bags']);
    assert.equal((await one('select status from pledges where id = $1', [id])).status, 'withdrawn');
    assert.equal((await fetch(`${node.url}/withdraw/not-a-token-at-all-xxxxxxxx`)).status, 404);
  });
});

describe("an organization's pledges", () => {
  test('are listed with contacts and consent, filtered and paged, newest first', async () => {
    const res = await api(node, 'GET', `/v1/pledges?project=${DEMO_PROJECTS.jardinOntario}&limit=100`, { headers: bearer(TABLE) });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    const expected = (await one('select count(*) as n from pledges where project_id = $1', [DEMO_PROJECTS.jardinOntario])).n;
    assert.equal(res.body.items.length, expected);
    const pledge = res.body.items.find((p: any) => p.contact?.email === 'rosalie@example.org');
    assert.deepEqual(pledge.contact, { name: 'Rosalie Hébert', email: 'rosalie@example.org' });
    assert.equal(pledge.consent.version, CONSENT_VERSION);
    assert.equal(pledge.consent.updates, true);
    const dates = res.body.items.map((p: any) => p.createdAt);
    assert.deepEqual(dates, [...dates].sort().reverse());

    const paged: string[] = [];
    for (let cursor = ''; ; ) {
      const page = await api(node, 'GET', `/v1/pledges?project=${DEMO_PROJECTS.jardinOntario}&limit=7${cursor}`, { headers: bearer(TABLE) });
      paged.push(...page.body.items.map((p: any) => p.id));
      if (!page.body.nextCursor) break;
      cursor = `&cursor=${page.body.nextCursor}`;
    }
    assert.deepEqual(paged, res.body.items.map((p: any) => p.id));

    const withdrawn = await api(node, 'GET', '/v1/pledges?status=withdrawn', { headers: bearer(TABLE) });
    assert.ok(withdrawn.body.items.length >= 2);
    assert.ok(withdrawn.body.items.every((p: any) => p.status === 'withdrawn'));
    const byNeed = await api(node, 'GET', `/v1/pledges?need=${DEMO_NEEDS.jardinFonds}`, { headers: bearer(TABLE) });
    assert.ok(byNeed.body.items.length > 0);
    assert.ok(byNeed.body.items.every((p: any) => p.needId === DEMO_NEEDS.jardinFonds && p.category === 'financial'));
    assert.equal((await api(node, 'GET', '/v1/pledges')).status, 401);
  });

  test('move pending → confirmed → fulfilled; a declined pledge stops counting; other moves are refused', async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, humanNeed(20, 'hours'));
    const a = (await confirmedPledge(node, needId, pledgeBody(4))).body.id;
    const b = (await confirmedPledge(node, needId, pledgeBody(6))).body.id;
    const patch = (id: string, status: string) => api(node, 'PATCH', `/v1/pledges/${id}`, { headers: bearer(TABLE), body: { status } });

    const skip = await patch(a, 'fulfilled');
    assert.equal(skip.status, 409);
    assert.equal(skip.body.code, 'invalid_state');
    assert.equal((await patch(a, 'confirmed')).body.status, 'confirmed');
    const fulfilled = await patch(a, 'fulfilled');
    assert.equal(fulfilled.status, 200);
    assert.equal(fulfilled.body.status, 'fulfilled');
    assert.equal(fulfilled.body.contact.email, 'lea.gagnon@example.org');
    assert.equal((await patch(a, 'declined')).status, 409);

    assert.equal((await patch(b, 'declined')).body.status, 'declined');
    assert.deepEqual(await one('select pledged, pledge_count from needs where id = $1', [needId]), { pledged: 4, pledge_count: 1 });
    assert.equal((await patch(b, 'confirmed')).status, 409);
    assert.deepEqual(
      (await node.db.query<any>('select status from pledges where need_id = $1 order by quantity', [needId])).map((r) => r.status),
      ['fulfilled', 'declined'],
    );
  });

  test("have their contact erased on request (Law 25), and still count", async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, humanNeed(8));
    const id = (await confirmedPledge(node, needId, pledgeBody(3, { message: 'Appelez-moi au 514-555-0199' }))).body.id;
    const res = await api(node, 'DELETE', `/v1/pledges/${id}/contact`, { headers: bearer(TABLE) });
    assert.equal(res.status, 200);
    assert.equal(res.body.contact, null);
    assert.equal(res.body.message, null);
    assert.equal(res.body.status, 'pending');
    const row = await one('select contact_name, contact_email, message, quantity, status from pledges where id = $1', [id]);
    assert.deepEqual(row, { contact_name: null, contact_email: null, message: null, quantity: 3, status: 'pending' });
    assert.equal((await one('select pledged from needs where id = $1', [needId])).pledged, 3);
  });
});
