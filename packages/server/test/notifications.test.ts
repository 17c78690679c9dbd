// The organization hears of new pledges and registrations: an email each by default, or one
// digest a day; French and English in every email, with the workspace's link.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS, DEMO_STAFF } from '../src/seed/demo-ids.ts';
import { sendDigests, setNotificationMode } from '../src/services/notifications.ts';
import { api, startTestNode } from './support/node.ts';
import { confirmedPledge, linkTokenTo, NO_RATE_LIMITS, pledgeBody, publishedProjectWithNeed, write } from './support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, workerPollMs: 0 })));
after(() => node.close());

const mailsTo = (email: string) => node.db.query<any>('select * from mail_outbox where lower(recipient) = lower($1) order by created_at desc, id desc', [email]);
const orgId = (slug: string) => `org_${slug}`;

async function futureEvent(apiKey: string) {
  const starts = new Date(Date.now() + 5 * 86_400_000);
  const res = await api(node, 'POST', '/v1/events', {
    headers: write(apiKey),
    body: { title: { fr: 'Atelier vélo', en: 'Bike workshop' }, category: 'workshop', community: 'villeray', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 7_200_000).toISOString(), link: 'https://meet.example.org/velo', registration: true },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}
const registration = (email: string) => ({ contact: { name: 'Ana Côté', email }, consent: { version: '2026-11', shareWithOrganizers: true }, lang: 'en' });

describe('notifications to the organization', () => {
  test('by default, each new pledge emails its staff, in French and English, with the inbox link', async () => {
    const { needId } = await publishedProjectWithNeed(node, DEMO_KEYS.tableHochelaga, DEMO_KEYS.curator, { category: 'material', title: { fr: 'Pelles', en: 'Shovels' }, unit: { fr: 'pelles', en: 'shovels' }, wanted: 10 });
    const before = (await mailsTo(DEMO_STAFF.tableHochelaga)).length;
    assert.equal((await confirmedPledge(node, needId, pledgeBody(3, { contact: { name: 'Gaël Roy', email: 'gael@example.org' } }))).status, 200);
    const mails = await mailsTo(DEMO_STAFF.tableHochelaga);
    assert.equal(mails.length, before + 1);
    const [mail] = mails;
    assert.equal(mail.subject, 'Nouvel engagement : Bacs à fleurs de la rue Adam / New pledge: Adam Street flower boxes');
    assert.match(mail.body_text, /Gaël Roy s’engage pour « Pelles » \(3 pelles\)/);
    assert.match(mail.body_text, /Gaël Roy pledged to “Shovels” \(3 shovels\)/);
    assert.match(mail.body_text, new RegExp(`${node.url}/workspace/o/table-hochelaga/inbox`));
    // Another organization's staff hear nothing of it.
    assert.equal((await mailsTo(DEMO_STAFF.carrefourVilleray)).filter((m: any) => /Adam/.test(m.subject)).length, 0);
  });

  test('a withdrawn pledge emails the staff, naming the person, the need and the quantity', async () => {
    const { needId } = await publishedProjectWithNeed(node, DEMO_KEYS.tableHochelaga, DEMO_KEYS.curator, { category: 'material', title: { fr: 'Râteaux', en: 'Rakes' }, unit: { fr: 'râteaux', en: 'rakes' }, wanted: 10 });
    const email = 'ines@example.org';
    assert.equal((await confirmedPledge(node, needId, pledgeBody(2, { contact: { name: 'Inès Roy', email } }))).status, 200);
    const token = await linkTokenTo(node, email, '/withdraw/');
    const before = (await mailsTo(DEMO_STAFF.tableHochelaga)).length;
    assert.equal((await api(node, 'POST', '/v1/pledges/withdraw', { headers: write(), body: { token } })).status, 200);
    const mails = await mailsTo(DEMO_STAFF.tableHochelaga);
    assert.equal(mails.length, before + 1);
    assert.equal(mails[0].subject, 'Engagement retiré : Bacs à fleurs de la rue Adam / Pledge withdrawn: Adam Street flower boxes');
    assert.match(mails[0].body_text, /Inès Roy a retiré son engagement pour « Râteaux » \(2 râteaux\)/);
    assert.match(mails[0].body_text, /Inès Roy withdrew their pledge to “Rakes” \(2 rakes\)/);
    assert.match(mails[0].body_text, new RegExp(`${node.url}/workspace/o/table-hochelaga/inbox`));

  });

  test('a registration emails the staff with the link to the event', async () => {
    const id = await futureEvent(DEMO_KEYS.carrefourVilleray);
    assert.equal((await api(node, 'POST', `/v1/events/${id}/registrations`, { headers: write(), body: registration('ana@example.org') })).status, 201);
    for (const staff of [DEMO_STAFF.carrefourVilleray, DEMO_STAFF.carrefourEditor]) {
      const [mail] = await mailsTo(staff);
      assert.equal(mail.subject, 'Nouvelle inscription : Atelier vélo / New registration: Bike workshop');
      assert.match(mail.body_text, new RegExp(`/workspace/o/carrefour-villeray/events/${id}`));
    }
  });

  test('with the digest, nothing per item; one email a day after 8 h listing what arrived, then nothing until the next day', async () => {
    const slug = 'carrefour-villeray';
    const start = new Date();
    await node.db.tx((q) => setNotificationMode(q, orgId(slug), 'digest', start));
    const id = await futureEvent(DEMO_KEYS.carrefourVilleray);
    const before = (await mailsTo(DEMO_STAFF.carrefourVilleray)).length;
    await api(node, 'POST', `/v1/events/${id}/registrations`, { headers: write(), body: registration('bo@example.org') });
    await api(node, 'POST', `/v1/events/${id}/registrations`, { headers: write(), body: registration('cy@example.org') });
    // A pledge withdrawn the same day: the digest says it was withdrawn (its contact is erased: no name).
    const { needId } = await publishedProjectWithNeed(node, DEMO_KEYS.carrefourVilleray, DEMO_KEYS.curator, { category: 'material', title: { fr: 'Cordes', en: 'Ropes' }, unit: { fr: 'cordes', en: 'ropes' }, wanted: 5 });
    assert.equal((await confirmedPledge(node, needId, pledgeBody(1, { contact: { name: 'Dé Roy', email: 'de@example.org' } }))).status, 200);
    const token = await linkTokenTo(node, 'de@example.org', '/withdraw/');
    assert.equal((await api(node, 'POST', '/v1/pledges/withdraw', { headers: write(), body: { token } })).status, 200);
    // A registration cancelled from its email's link: the digest says so (its contact is deleted: no name).
    const cancel = await linkTokenTo(node, 'bo@example.org', '/registrations/cancel/');
    assert.equal((await fetch(`${node.url}/registrations/cancel/${cancel}`, { method: 'POST' })).status, 200);
    assert.equal((await mailsTo(DEMO_STAFF.carrefourVilleray)).length, before, 'no email per item');

    // 7 h in Montréal: too early. 9 h the next morning: the digest (one per staff member).
    const day = new Date(start.getTime() + 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'America/Toronto' });
    const at = (hour: string) => new Date(new Date(`${day}T${hour}:00Z`).getTime() + 5 * 3_600_000); // EST is UTC-5 in winter
    assert.equal(await sendDigests(node.db, at('07:00'), node.services), 0);
    assert.equal(await sendDigests(node.db, at('09:00'), node.services), 2, 'the admin and the editor');
    const [digest] = await mailsTo(DEMO_STAFF.carrefourVilleray);
    assert.equal(digest.subject, 'Perron : 3 nouveautés depuis hier / Perron: 3 new items since yesterday');
    assert.equal(digest.body_text.match(/Ana Côté registered for “Bike workshop”/g)?.length, 1);
    assert.match(digest.body_text, /Someone cancelled their registration for “Bike workshop” \(1 seat freed\)/);
    assert.match(digest.body_text, /Une personne a annulé son inscription à « Atelier vélo » \(1 place libérée\)/);
    assert.match(digest.body_text, /A pledge was withdrawn: “Ropes” \(1 ropes\)/);
    assert.match(digest.body_text, /Un engagement a été retiré : « Cordes » \(1 cordes\)/);
    assert.match(digest.body_text, /Ana Côté s’est inscrit·e à « Atelier vélo »/);
    assert.equal(await sendDigests(node.db, at('10:00'), node.services), 0, 'once a day');
    assert.equal(await sendDigests(node.db, new Date(at('09:00').getTime() + 86_400_000), node.services), 0, 'nothing new: no email');
  });
});
