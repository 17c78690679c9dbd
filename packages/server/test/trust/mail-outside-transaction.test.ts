import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smtpTransport } from '../../src/index.ts';
import { handleMailJobs } from '../../src/services/mailer.ts';
import { DEMO_NEEDS } from '../../src/seed/demo-ids.ts';
import { createWorker } from '../../src/worker/worker.ts';
import { api, startTestNode } from '../support/node.ts';
import { NO_PLEDGE_CAPS, NO_RATE_LIMITS, pledgeBody, write } from '../support/requests.ts';
import { startFakeSmtp } from './fake-smtp.ts';

const HOUR = 3_600_000;
const later = (hours: number) => new Date(Date.now() + hours * HOUR);

test('with SMTP refusing, then silent, pledges succeed; once SMTP is back each receipt goes out exactly once, and its body is cleared', async () => {
  const smtp = await startFakeSmtp();
  // workerPollMs 0: the test says when the worker runs, so each SMTP mood meets a known attempt.
  const node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS, workerPollMs: 0, mailTransport: await smtpTransport(smtp.url) });
  try {
    const ids: string[] = [];
    const pledge = (n: number) =>
      api(node, 'POST', `/v1/needs/${DEMO_NEEDS.patinoireArrosage}/pledges`, {
        headers: write(),
        body: pledgeBody(1, { contact: { name: `Personne ${n}`, email: `personne${n}@example.org` } }),
      }).then((res) => (ids.push(res.body.id), res));
    const jobs = () => node.db.query<{ attempts: number; last_error: string | null; done_at: Date | null }>("select attempts, last_error, done_at from jobs where kind = 'mail.deliver' order by created_at");

    await smtp.set('refusing');
    for (const n of [0, 1, 2]) assert.equal((await pledge(n)).status, 201);
    await node.worker.drain();
    const refused = await jobs();
    assert.equal(refused.length, 3);
    assert.ok(refused.every((j) => j.attempts === 1 /* each receipt tried once */ && j.done_at === null && /ECONNREFUSED/.test(j.last_error ?? '')), JSON.stringify(refused));
    assert.equal(await node.worker.drain(), 0, 'a failed send waits for its back-off');

    await smtp.set('silent');
    const connected = smtp.nextConnection();
    let settled = false;
    const stuck = node.worker.runOnce(later(1)).finally(() => (settled = true)); // the retries are due
    await connected; // the worker now waits on a server that never answers
    for (const n of [3, 4, 5]) assert.equal((await pledge(n)).status, 201);
    assert.equal((await api(node, 'GET', '/v1/projects')).status, 200);
    assert.equal(settled, false, 'the pledges and the read were answered while a send hung');
    assert.ok(smtp.open > 0);

    await smtp.set('accepting'); // hangs up on the held connections: those attempts fail
    await stuck;
    await node.worker.runOnce(later(2));
    const recipients = smtp.received.flatMap((m) => m.to).sort();
    assert.deepEqual(recipients, [0, 1, 2, 3, 4, 5].map((n) => `personne${n}@example.org`));
    await node.worker.runOnce(later(48));
    assert.equal(smtp.received.length, 6, 'nothing sent twice');

    const outbox = await node.db.query<{ sent_at: Date | null; body_text: string | null; body_html: string | null }>('select sent_at, body_text, body_html from mail_outbox');
    assert.equal(outbox.length, 6);
    assert.ok(outbox.every((m) => m.sent_at && m.body_text === null && m.body_html === null), 'the withdrawal links are gone once sent');
    // (Their holds ran out in the worker's later runs: the pledges stay, expired, their contacts erased.)
    const pledges = await node.db.query<{ n: number }>('select count(*) as n from pledges where id = any($1)', [ids]);
    assert.equal(pledges[0]!.n, 6);
  } finally {
    await node.close();
    await smtp.close();
  }
});

test('two workers on one database deliver each email once', async () => {
  const delivered: string[] = [];
  const slow = { deliver: async (mail: { to: string }) => void (await new Promise((r) => setTimeout(r, 5)), delivered.push(mail.to)) };
  const node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS, workerPollMs: 0, mailTransport: slow });
  try {
    for (let n = 0; n < 12; n++) {
      const res = await api(node, 'POST', `/v1/needs/${DEMO_NEEDS.patinoireArrosage}/pledges`, {
        headers: write(),
        body: pledgeBody(1, { contact: { name: 'Deux', email: `deux${n}@example.org` } }),
      });
      assert.equal(res.status, 201);
    }
    const other = createWorker({ db: node.db, pollMs: 0, batch: 3 });
    handleMailJobs(other, node.db, slow);
    const [a, b] = await Promise.all([node.worker.runOnce(), other.runOnce()]);
    assert.ok(a > 0 && b > 0, `both workers took jobs (${a}, ${b})`);
    assert.equal(delivered.length, 12);
    assert.equal(new Set(delivered).size, 12);
  } finally {
    await node.close();
  }
});

test('a production node without SMTP_URL says loudly that it will send no email', async (t) => {
  const warn = t.mock.method(console, 'warn', () => {});
  const saved = { env: process.env.NODE_ENV, smtp: process.env.SMTP_URL };
  process.env.NODE_ENV = 'production';
  delete process.env.SMTP_URL;
  try {
    const node = await startTestNode({ devMailbox: false });
    await node.close();
  } finally {
    if (saved.env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved.env;
    if (saved.smtp !== undefined) process.env.SMTP_URL = saved.smtp;
  }
  const said = warn.mock.calls.map((c) => String(c.arguments[0])).join('\n');
  assert.match(said, /SMTP_URL is missing: this production node will send NO email/);
});
