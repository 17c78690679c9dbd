import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONSENT_VERSION, VOTE_CONSENT_VERSION } from '@perron/contract';
import type { Mail } from '../../src/index.ts';
import { DEMO_NEEDS } from '../../src/seed/demo-ids.ts';
import { DEMO_EVENTS, DEMO_IDEAS } from '../../src/seed/engagement-data.ts';
import { api, startTestNode } from '../support/node.ts';
import { NO_PLEDGE_CAPS, NO_RATE_LIMITS, pledgeBody, write } from '../support/requests.ts';
import { captureOutput } from './personal-data.ts';

const HOUR = 3_600_000;

test('pledges, votes and registrations that fail (SMTP down or refusing the address, the database refusing the row) log no name and no email', async () => {
  const people = Array.from({ length: 3 }, (_, i) => ({ name: `Ophélie Journal-${'ABC'[i]}`, email: `ophelie.journal.${i}@example.org` }));
  // A mail server that is down, then one that refuses each recipient, quoting it as real servers do.
  let mood: 'down' | 'refusing' = 'down';
  const transport = {
    async deliver(mail: Mail) {
      if (mood === 'down') throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ECONNREFUSED' });
      throw Object.assign(new Error(`Can't send mail - all recipients were rejected: 550 5.1.1 <${mail.to}>: Recipient address rejected`), { rejected: [mail.to] });
    },
  };
  const output = captureOutput();
  const node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS, workerPollMs: 0, mailTransport: transport });
  try {
    for (const person of people) {
      assert.equal((await api(node, 'POST', `/v1/needs/${DEMO_NEEDS.patinoireArrosage}/pledges`, { headers: write(), body: pledgeBody(1, { contact: person, message: `De la part de ${person.name}` }) })).status, 201);
      assert.equal((await api(node, 'POST', `/v1/events/${DEMO_EVENTS.corveeRuelle}/registrations`, { headers: write(), body: { contact: person, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' } })).status, 201);
      assert.equal((await api(node, 'POST', `/v1/ideas/${DEMO_IDEAS.patinoireRuelle}/votes`, { headers: write(), body: { email: person.email, consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' } })).status, 202);
    }

    // The database refuses the rows (a full disk, a constraint): its errors quote the row, name and email included.
    for (const table of ['pledges', 'registrations', 'votes']) await node.db.query(`alter table ${table} add constraint refuse_all check (false) not valid`);
    const [person] = people;
    const failed = [
      await api(node, 'POST', `/v1/needs/${DEMO_NEEDS.patinoireArrosage}/pledges`, { headers: write(), body: pledgeBody(1, { contact: person }) }),
      await api(node, 'POST', `/v1/events/${DEMO_EVENTS.corveeRuelle}/registrations`, { headers: write(), body: { contact: { ...person!, email: 'autre.ophelie@example.org' }, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' } }),
      await api(node, 'POST', `/v1/ideas/${DEMO_IDEAS.frigoPartage}/votes`, { headers: write(), body: { email: person!.email, consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' } }),
    ];
    assert.deepEqual(failed.map((r) => r.status), [500, 500, 500]);
    assert.ok(failed.every((r) => !JSON.stringify(r.body).includes('ophelie')), 'nor do the answers');

    // Then the worker sends what was queued: the server is down, then refuses each address.
    await node.worker.drain();
    mood = 'refusing';
    await node.worker.runOnce(new Date(Date.now() + HOUR));

    // The worker kept why each send failed, without the address.
    const errors = await node.db.query<{ last_error: string }>("select last_error from jobs where kind = 'mail.deliver' and last_error is not null");
    assert.ok(errors.length >= 9, `${errors.length} failed sends`);
    assert.ok(errors.some((e) => /Recipient address rejected/.test(e.last_error)));
    assert.ok(errors.every((e) => !/ophelie/i.test(e.last_error)), JSON.stringify(errors.slice(0, 3)));
  } finally {
    await node.close();
    output.stop();
  }
  const logged = output.text();
  assert.match(logged, /violates check constraint "refuse_all"/, 'the failures were logged');
  for (const p of people) {
    for (const needle of [p.name, p.email, p.email.split('@')[0]!]) assert.ok(!logged.includes(needle), `the logs name ${needle}`);
  }
  assert.ok(!logged.includes('autre.ophelie'));
});
