// A registration is cancelled from the link in its email: the page asks, the POST cancels, the
// seat is free again and the organization is told.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS, DEMO_STAFF } from '../src/seed/demo-ids.ts';
import { api, startTestNode } from './support/node.ts';
import { linkTokenTo, NO_RATE_LIMITS, write } from './support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, workerPollMs: 0 })));
after(() => node.close());

const mailsTo = (email: string) => node.db.query<any>('select * from mail_outbox where lower(recipient) = lower($1) order by created_at desc, id desc', [email]);

test('the registration email’s link asks on GET, cancels on POST: the seat comes back, the contact goes, the organization is told', async () => {
  const starts = new Date(Date.now() + 5 * 86_400_000);
  const created = await api(node, 'POST', '/v1/events', {
    headers: write(DEMO_KEYS.carrefourVilleray),
    body: { title: { fr: 'Atelier de couture', en: 'Sewing workshop' }, category: 'workshop', community: 'villeray', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 7_200_000).toISOString(), link: 'https://meet.example.org/couture', registration: true, capacity: 3 },
  });
  assert.equal(created.status, 201);
  const id = created.body.id as string;
  const email = 'rita@example.org';
  const body = { contact: { name: 'Rita Bélanger', email }, seats: 3, consent: { version: '2026-11-rsvp', shareWithOrganizers: true }, lang: 'fr' };
  assert.equal((await api(node, 'POST', `/v1/events/${id}/registrations`, { headers: write(), body })).status, 201);
  assert.equal((await api(node, 'GET', `/v1/events/${id}`)).body.registeredCount, 3);
  const full = await api(node, 'POST', `/v1/events/${id}/registrations`, { headers: write(), body: { ...body, seats: 1, contact: { name: 'Autre', email: 'autre@example.org' } } });
  assert.equal(full.status, 409, 'full');

  const [mail] = await mailsTo(email);
  assert.match(mail.body_text, /Annulez votre inscription pour libérer votre place/);
  const token = await linkTokenTo(node, email, '/registrations/cancel/');
  assert.ok(token);

  const ask = await fetch(`${node.url}/registrations/cancel/${token}`);
  const page = await ask.text();
  assert.equal(ask.status, 200);
  assert.match(page, /<form method="post" action="\/registrations\/cancel\//);
  assert.match(page, /<dt>Événement<\/dt><dd>Atelier de couture<\/dd>/);
  assert.match(page, /<dt>Places<\/dt><dd>3<\/dd>/);
  assert.equal((await api(node, 'GET', `/v1/events/${id}`)).body.registeredCount, 3, 'a GET changes nothing');

  const staffBefore = (await mailsTo(DEMO_STAFF.carrefourVilleray)).length;
  const done = await fetch(`${node.url}/registrations/cancel/${token}?lang=en`, { method: 'POST' });
  assert.equal(done.status, 200);
  assert.match(await done.text(), /Your registration is cancelled/);
  assert.equal((await api(node, 'GET', `/v1/events/${id}`)).body.registeredCount, 0, 'the seats are free again');
  assert.equal((await node.db.query('select 1 from registrations where lower(email) = $1', [email])).length, 0, 'the contact is gone');
  const staff = await mailsTo(DEMO_STAFF.carrefourVilleray);
  assert.equal(staff.length, staffBefore + 1);
  assert.equal(staff[0].subject, 'Inscription annulée : Atelier de couture / Registration cancelled: Sewing workshop');
  assert.match(staff[0].body_text, /Rita Bélanger a annulé son inscription à « Atelier de couture » \(3 places libérées\)/);
  assert.match(staff[0].body_text, /Rita Bélanger cancelled their registration for “Sewing workshop” \(3 seats freed\)/);

  // The freed seat can be taken; the used link leads nowhere.
  assert.equal((await api(node, 'POST', `/v1/events/${id}/registrations`, { headers: write(), body: { ...body, seats: 1, contact: { name: 'Autre', email: 'autre@example.org' } } })).status, 201);
  assert.equal((await fetch(`${node.url}/registrations/cancel/${token}`, { method: 'POST' })).status, 404);
  assert.equal((await fetch(`${node.url}/registrations/cancel/not-a-token`)).status, 404);
});
