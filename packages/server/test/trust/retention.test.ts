import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CONSENT_VERSION, RETENTION, VOTE_CONSENT_VERSION } from '@perron/contract';
import { purge, type RunningNode } from '../../src/index.ts';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../../src/seed/demo-ids.ts';
import { DEMO_CONTESTS, DEMO_EVENTS } from '../../src/seed/engagement-data.ts';
import { tokenFor } from '../support/engagement.ts';
import { api, startTestNode } from '../support/node.ts';
import { confirmedPledge, NO_PLEDGE_CAPS, NO_RATE_LIMITS, pledgeBody, write } from '../support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS, workerPollMs: 0 })));
after(() => node?.close());

const DAY = 86_400_000;
const one = async <T>(sql: string, params: unknown[] = []) => (await node.db.query<T>(sql, params))[0];

test('the purge keeps each kind of personal data as long as the notices say, and not a day more', async () => {
  const start = new Date();
  const at = (ms: number, from = start) => new Date(from.getTime() + ms);

  // A pledge on a project its organization then completes.
  const pledge = await confirmedPledge(node, DEMO_NEEDS.patinoireArrosage, pledgeBody(2, { contact: { name: 'Paule Garde', email: 'paule.garde@example.org' }, message: 'Le jeudi.' }));
  assert.equal(pledge.body.status, 'pending');
  const pledged = async () => (await one<{ pledged: number }>('select pledged from needs where id = $1', [DEMO_NEEDS.patinoireArrosage]))!.pledged;
  const counted = await pledged();
  assert.equal((await api(node, 'POST', `/v1/projects/${DEMO_PROJECTS.patinoire}/complete`, { headers: write(DEMO_KEYS.carrefourVilleray), body: {} })).status, 200);
  const contactOf = () => one<{ contact_email: string | null; client_hash: string | null; status: string }>('select contact_email, client_hash, status from pledges where id = $1', [pledge.body.id]);

  // A registration for an event four days away.
  const event = (await api(node, 'GET', `/v1/events/${DEMO_EVENTS.corveeRuelle}`)).body;
  const registration = await api(node, 'POST', `/v1/events/${event.id}/registrations`, {
    headers: write(),
    body: { contact: { name: 'Rita Garde', email: 'rita.garde@example.org' }, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' },
  });
  assert.equal(registration.status, 201);
  const eventEnd = new Date(event.endsAt);
  const registered = () => one('select 1 from registrations where id = $1', [registration.body.id]);
  const seats = async () => (await one<{ registered_count: number }>('select registered_count from events where id = $1', [event.id]))!.registered_count;
  const seatsTaken = await seats();

  // A vote never confirmed, and a counted one in a contest now in its vote phase.
  const vote = (ideaId: string, email: string) => api(node, 'POST', `/v1/ideas/${ideaId}/votes`, { headers: write(), body: { email, consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' } });
  const contestIdea = (await one<{ id: string }>("select id from ideas where contest_id = $1 and status = 'published' order by id limit 1", [DEMO_CONTESTS.open]))!.id;
  assert.equal((await vote(contestIdea, 'jamais.confirme@example.org')).status, 202);
  assert.equal((await vote(contestIdea, 'vote.compte@example.org')).status, 202);
  assert.equal((await api(node, 'POST', `/v1/confirmations/${await tokenFor(node, 'vote.compte@example.org')}`, { headers: write(), body: {} })).status, 200);
  const voteOf = (email: string) => one('select 1 from votes where email = $1', [email]);
  const support = async () => (await one<{ support_count: number }>('select support_count from ideas where id = $1', [contestIdea]))!.support_count;
  const supportCounted = await support();
  const contestEnd = (await one<{ end: Date }>("select (max(ends_on) + 1)::timestamptz as end from contest_phases where contest_id = $1", [DEMO_CONTESTS.open]))!.end;

  // A "my data" link and a staff sign-in link, both asked for now.
  const form = (path: string, email: string) =>
    fetch(`${node.url}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: node.url }, body: new URLSearchParams({ email }) });
  assert.equal((await form('/my-data', 'paule.garde@example.org')).status, 303);
  assert.equal((await form('/workspace/sign-in', 'editeur.carrefour-villeray@example.org')).status, 303);
  const rows = async (table: string) => Number((await one<{ n: number }>(`select count(*) as n from ${table}`))!.n);
  assert.ok((await rows('data_requests')) > 0 && (await rows('sign_in_tokens')) > 0 && (await rows('idempotency_keys')) > 0);
  const outboxBody = () => one<{ body_text: string | null }>("select body_text from mail_outbox where recipient = 'rita.garde@example.org'");

  // Within 16 minutes: the sign-in link is spent. Within a day: the network hash, the "my data" link and recorded answers.
  await purge(node.db, at(16 * 60_000));
  assert.equal(await rows('sign_in_tokens'), 0);
  assert.equal(await rows('data_requests'), 1);
  assert.ok((await contactOf())!.client_hash);
  await purge(node.db, at(DAY + 60_000));
  assert.equal((await contactOf())!.client_hash, null);
  assert.equal(await rows('data_requests'), 0);
  assert.equal(await rows('idempotency_keys'), 0);

  // An unsent email keeps its body (and links) while they can work; an unconfirmed vote its 7 days.
  await purge(node.db, at(6 * DAY));
  assert.ok((await outboxBody())?.body_text);
  assert.ok(await voteOf('jamais.confirme@example.org'));
  // The daily job on the worker applies the same policy.
  assert.ok((await node.worker.runOnce(at(RETENTION.unsentMailBodyDays * DAY + DAY))) > 0);
  assert.equal((await outboxBody())?.body_text, null);
  assert.equal(await voteOf('jamais.confirme@example.org'), undefined);
  assert.ok(await voteOf('vote.compte@example.org'), 'a counted vote stays while its contest runs');
  await purge(node.db, at(RETENTION.mailDays * DAY + DAY));
  assert.equal(await outboxBody(), undefined, 'the email itself is forgotten after 30 days');

  // A registration: 3 months after its event. The event keeps its count.
  await purge(node.db, at((RETENTION.registrationDaysAfterEvent - 1) * DAY, eventEnd));
  assert.ok(await registered());
  await purge(node.db, at((RETENTION.registrationDaysAfterEvent + 1) * DAY, eventEnd));
  assert.equal(await registered(), undefined);
  assert.equal(await seats(), seatsTaken);

  // A pledge's contact: 6 months after its project ended. The pledge still counts.
  await purge(node.db, at((RETENTION.pledgeContactDaysAfterProject - 1) * DAY));
  assert.equal((await contactOf())!.contact_email, 'paule.garde@example.org');
  await purge(node.db, at((RETENTION.pledgeContactDaysAfterProject + 1) * DAY));
  assert.deepEqual(await contactOf(), { contact_email: null, client_hash: null, status: 'pending' });
  assert.equal(await pledged(), counted);

  // A contest's votes and its ideas' authors: 6 months after its last phase. The support stays counted.
  await purge(node.db, at((RETENTION.voteDaysAfterContest - 1) * DAY, contestEnd));
  assert.ok(await voteOf('vote.compte@example.org'));
  await purge(node.db, at((RETENTION.voteDaysAfterContest + 1) * DAY, contestEnd));
  assert.equal(await voteOf('vote.compte@example.org'), undefined);
  assert.equal(await support(), supportCounted);
  assert.equal((await node.db.query('select 1 from ideas where contest_id = $1 and author_email is not null', [DEMO_CONTESTS.open])).length, 0);
  assert.equal((await node.db.query('select 1 from votes v join ideas i on i.id = v.idea_id where i.contest_id = $1', [DEMO_CONTESTS.open])).length, 0);
});
