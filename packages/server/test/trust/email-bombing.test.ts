import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { VOTE_CONSENT_VERSION, CONSENT_VERSION } from '@perron/contract';
import type { RunningNode } from '../../src/index.ts';
import { sha256 } from '../../src/ids.ts';
import { DEMO_EVENTS, DEMO_IDEAS } from '../../src/seed/engagement.ts';
import { MAIL_PER_RECIPIENT_PER_HOUR } from '../../src/services/mailer.ts';
import { mailTo, startEngagementNode, write } from '../support/engagement.ts';
import { api } from '../support/node.ts';

let node: RunningNode;
// The node's real cap, not the tests' (which is out of the way of other files).
before(async () => ({ node } = await startEngagementNode({ mailPerRecipientPerHour: MAIL_PER_RECIPIENT_PER_HOUR })));
after(() => node.close());

const outboxTo = async (email: string) => (await node.db.query<{ n: number }>('select count(*) as n from mail_outbox where lower(recipient) = $1', [email]))[0]!.n;

test('200 repeated pending votes for one address send it at most the hourly cap', async () => {
  const victim = 'victime@example.org';
  const answers = new Map<number, number>();
  for (let i = 0; i < 200; i++) {
    // Upper and lower case, one address: the cap is per recipient, not per spelling.
    const email = i % 2 ? victim : victim.toUpperCase();
    const res = await api(node, 'POST', `/v1/ideas/${DEMO_IDEAS.patinoireRuelle}/votes`, { body: { email, consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' }, headers: write() });
    answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
  }
  // Every request gets the same answer: whether mail went out is not for the requester to know.
  assert.deepEqual([...answers], [[202, 200]]);
  assert.equal(await outboxTo(victim), MAIL_PER_RECIPIENT_PER_HOUR);
  // Others still get theirs.
  await api(node, 'POST', `/v1/ideas/${DEMO_IDEAS.patinoireRuelle}/votes`, { body: { email: 'autre@example.org', consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' }, headers: write() });
  assert.equal(await outboxTo('autre@example.org'), 1);
});

test('the hour slides: what was sent 59 minutes ago still counts, what was sent 62 minutes ago no longer does', async () => {
  const vote = (email: string) =>
    api(node, 'POST', `/v1/ideas/${DEMO_IDEAS.patinoireRuelle}/votes`, { body: { email, consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' }, headers: write() });
  // A full hour's cap, sent in an earlier minute: with counts per clock hour, the minute 59 minutes
  // ago is usually in the previous hour, and a new batch would go out.
  const sentAgo = (email: string, minutes: number) =>
    node.db.query(
      `insert into mail_recipient_minutes (recipient_hash, minute, sent) values ($1, date_trunc('minute', now()) - make_interval(mins => $2), $3)`,
      [sha256(email), minutes, MAIL_PER_RECIPIENT_PER_HOUR],
    );
  await sentAgo('recent@example.org', 59);
  await sentAgo('ancien@example.org', 62);
  assert.equal((await vote('recent@example.org')).status, 202);
  assert.equal((await vote('ancien@example.org')).status, 202);
  assert.equal(await outboxTo('recent@example.org'), 0);
  assert.equal(await outboxTo('ancien@example.org'), 1);
});

test('no text typed in a request reaches an unconfirmed address: not an idea’s title or description, not a name', async () => {
  const spam = 'GAGNEZ UN IPHONE https://arnaque.example';
  const email = 'cible@example.org';
  const idea = await api(node, 'POST', '/v1/ideas', {
    body: { title: spam, description: spam, community: 'montreal', author: { name: spam, email }, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' },
    headers: write(),
  });
  assert.equal(idea.status, 202);
  const registration = await api(node, 'POST', `/v1/events/${DEMO_EVENTS.formationBenevoles}/registrations`, {
    body: { contact: { name: spam, email }, seats: 1, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' },
    headers: write(),
  });
  assert.equal(registration.status, 201);
  const mails = await mailTo(node, email);
  assert.equal(mails.length, 2);
  for (const mail of mails) {
    const all = `${mail.subject}\n${mail.text}\n${mail.html ?? ''}`;
    assert.ok(!/GAGNEZ|arnaque/.test(all), all);
  }
});
