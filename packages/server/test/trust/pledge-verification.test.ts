// Item 6 of the trust audit: one anonymous request filled a 20-person need and the real volunteer
// got a 409; five fake money promises added $500,000. A public pledge now holds its places for a
// short time, counts once its email is confirmed, and caps per email and network address refuse a fill.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PLEDGE_HOLD_MINUTES, PUBLIC_PLEDGE_CAPS } from '@perron/contract';
import { purge, type RunningNode } from '../../src/index.ts';
import { DEMO_KEYS } from '../../src/seed/demo-ids.ts';
import { apiFrom } from '../support/from-address.ts';
import { api, startTestNode } from '../support/node.ts';
import { bearer, linkTokenTo, NO_RATE_LIMITS, pledgeBody, publishedProjectWithNeed, write } from '../support/requests.ts';

let node: RunningNode;
let clock = new Date('2026-11-30T15:00:00Z');
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, now: () => clock })));
after(() => node.close());

const TABLE = DEMO_KEYS.tableHochelaga;
const CURATOR = DEMO_KEYS.curator;
const one = async (sql: string, params: unknown[] = []) => (await node.db.query<any>(sql, params))[0];
const people = (wanted: number) => ({ category: 'human', title: { fr: 'Bénévoles' }, unit: 'people', wanted });
const pledgeFrom = (address: string, needId: string, quantity: number, email: string) =>
  apiFrom(address, node, 'POST', `/v1/needs/${needId}/pledges`, { headers: write(), body: pledgeBody(quantity, { contact: { name: 'Personne', email } }) });
const confirm = async (email: string) => api(node, 'POST', '/v1/pledges/confirm', { headers: write(), body: { token: await linkTokenTo(node, email, '/pledges/confirm/') } });
const counts = (needId: string) => one('select pledged, pledge_count, status from needs where id = $1', [needId]);
const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

describe('a fake fill', () => {
  test('of 20 people from one email or one network address is refused; what several addresses hold expires and frees the places', async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, people(20));
    const whole = await pledgeFrom('127.0.0.2', needId, 20, 'fake@example.org');
    assert.equal(whole.status, 409);
    assert.equal(whole.body.code, 'pledge_cap');
    assert.match(whole.body.detail, new RegExp(`At most ${PUBLIC_PLEDGE_CAPS.people} people`));
    // Other emails from the same address add up: the address's cap refuses them too.
    assert.equal((await pledgeFrom('127.0.0.2', needId, 5, 'fake1@example.org')).status, 201);
    const sameAddress = await pledgeFrom('127.0.0.2', needId, 5, 'fake2@example.org');
    assert.equal(sameAddress.status, 409);
    assert.equal(sameAddress.body.code, 'pledge_cap');
    assert.match(sameAddress.body.detail, /network address/);
    // One email from several addresses adds up as well.
    assert.equal((await pledgeFrom('127.0.0.3', needId, 6, 'fake3@example.org')).status, 201);
    const sameEmail = await pledgeFrom('127.0.0.4', needId, 1, 'FAKE3@example.org');
    assert.equal(sameEmail.body.code, 'pledge_cap');
    assert.match(sameEmail.body.detail, /email address/);
    // A determined faker on more networks holds the rest, for a while.
    assert.equal((await pledgeFrom('127.0.0.5', needId, 6, 'fake5@example.org')).status, 201);
    assert.equal((await pledgeFrom('127.0.0.6', needId, 3, 'fake6@example.org')).status, 201);
    assert.deepEqual(await counts(needId), { pledged: 0, pledge_count: 0, status: 'open' }, 'held places are not counted');

    const volunteer = await pledgeFrom('127.0.0.9', needId, 2, 'vraie.benevole@example.org');
    assert.equal(volunteer.status, 409);
    assert.equal(volunteer.body.code, 'over_pledged');
    assert.match(volunteer.body.detail, /20 more await their email confirmation and free up unless confirmed by 2026-11-30T15:45:00/);

    // Nobody follows the fakes' links: at the end of the hold their places are free, purge or not.
    later(PLEDGE_HOLD_MINUTES + 1);
    const again = await pledgeFrom('127.0.0.9', needId, 2, 'vraie.benevole@example.org');
    assert.equal(again.status, 201);
    assert.equal((await confirm('vraie.benevole@example.org')).body.status, 'pending');
    assert.deepEqual(await counts(needId), { pledged: 2, pledge_count: 1, status: 'open' });

    // The purge marks them expired and erases what they gave.
    const report = await purge(node.db, clock);
    assert.ok(report.expiredHolds >= 4);
    const fakes = await node.db.query<any>(`select status, contact_name, contact_email, message, client_hash, confirm_token_hash from pledges where need_id = $1 and status <> 'pending'`, [needId]);
    assert.equal(fakes.length, 4);
    for (const f of fakes) assert.deepEqual(f, { status: 'expired', contact_name: null, contact_email: null, message: null, client_hash: null, confirm_token_hash: null });
    // Too late to confirm an expired hold.
    const late = await confirm('fake1@example.org');
    assert.equal(late.status, 404);
  });

  test('of money: five big promises from one email or one address stop at the cap, and none counts unconfirmed', async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, { category: 'financial', title: { fr: 'Fonds' }, wanted: 1_000_000 });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await pledgeFrom('127.0.0.20', needId, 100_000, 'riche@example.org'));
    assert.deepEqual(answers.map((a) => a.status), [201, 201, 409, 409, 409]);
    assert.equal(answers[2]!.body.code, 'pledge_cap');
    const otherEmails = await pledgeFrom('127.0.0.20', needId, 100_000, 'autre@example.org');
    assert.equal(otherEmails.body.code, 'pledge_cap');
    assert.deepEqual(await counts(needId), { pledged: 0, pledge_count: 0, status: 'open' });
    assert.equal((await one('select supporter_count from projects p join needs n on n.project_id = p.id where n.id = $1', [needId])).supporter_count, 0);
  });
});

describe('confirming by the emailed link', () => {
  test('the page asks on GET and changes nothing; POST confirms; 30 concurrent confirmations count the pledge once', async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, people(10));
    const made = await pledgeFrom('127.0.0.30', needId, 3, 'once@example.org');
    assert.equal(made.body.status, 'held');
    const token = (await linkTokenTo(node, 'once@example.org', '/pledges/confirm/'))!;
    const ask = await fetch(`${node.url}/pledges/confirm/${token}`);
    assert.equal(ask.status, 200);
    assert.match(await ask.text(), /<form method="post" action="\/pledges\/confirm\//);
    assert.equal((await one('select status from pledges where id = $1', [made.body.id])).status, 'held');

    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 2 ? fetch(`${node.url}/pledges/confirm/${token}`, { method: 'POST' }).then((r) => ({ status: r.status })) : api(node, 'POST', '/v1/pledges/confirm', { headers: write(), body: { token } }),
      ),
    );
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [200]);
    assert.deepEqual(await counts(needId), { pledged: 3, pledge_count: 1, status: 'open' });
    assert.equal((await one(`select count(*) as n from mail_outbox where recipient = 'once@example.org' and subject like 'Votre engagement%'`)).n, 1, 'one receipt');
  });

  test('a hold that ran out can not be confirmed: the page says so and the API answers 409', async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, people(10));
    await pledgeFrom('127.0.0.31', needId, 1, 'tard@example.org');
    const token = (await linkTokenTo(node, 'tard@example.org', '/pledges/confirm/'))!;
    later(PLEDGE_HOLD_MINUTES);
    assert.equal((await fetch(`${node.url}/pledges/confirm/${token}`)).status, 410);
    const res = await api(node, 'POST', '/v1/pledges/confirm', { headers: write(), body: { token } });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'invalid_state');
    assert.deepEqual(await counts(needId), { pledged: 0, pledge_count: 0, status: 'open' });
  });
});

describe('the organization', () => {
  test('declines a held pledge and blocks its email from its projects, and only its own', async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, people(10));
    const made = await pledgeFrom('127.0.0.40', needId, 2, 'Importun@example.org');
    const token = await linkTokenTo(node, 'Importun@example.org', '/pledges/confirm/');
    const declined = await api(node, 'PATCH', `/v1/pledges/${made.body.id}`, { headers: bearer(TABLE), body: { status: 'declined', block: true } });
    assert.equal(declined.status, 200);
    assert.equal(declined.body.status, 'declined');
    const blocked = await pledgeFrom('127.0.0.41', needId, 1, 'importun@EXAMPLE.org');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.code, 'blocked');
    // Another organization's project still takes them.
    const { needId: elsewhere } = await publishedProjectWithNeed(node, DEMO_KEYS.carrefourVilleray, CURATOR, people(10), { communities: ['villeray'] });
    assert.equal((await pledgeFrom('127.0.0.41', elsewhere, 1, 'importun@example.org')).status, 201);
    // A link sent before the decline confirms nothing.
    assert.equal((await api(node, 'POST', '/v1/pledges/confirm', { headers: write(), body: { token } })).status, 404);
    assert.deepEqual(await counts(needId), { pledged: 0, pledge_count: 0, status: 'open' });
  });

  test('records a pledge with its own key directly: counted at once, beyond the public caps', async () => {
    const { needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, people(20));
    const res = await api(node, 'POST', `/v1/needs/${needId}/pledges`, { headers: write(TABLE), body: pledgeBody(20, { contact: { name: 'Groupe', email: 'groupe@example.org' } }) });
    assert.equal(res.status, 201);
    assert.equal(res.body.status, 'pending');
    assert.deepEqual(await counts(needId), { pledged: 20, pledge_count: 1, status: 'filled' });
  });
});
