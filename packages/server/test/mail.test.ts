import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { VOTE_CONSENT_VERSION, CONSENT_VERSION } from '@perron/contract';
import type { Mail, RunningNode } from '../src/index.ts';
import { DEMO_EVENTS, DEMO_IDEAS } from '../src/seed/engagement.ts';
import { mailTo, startEngagementNode, write } from './support/engagement.ts';
import { api, startTestNode } from './support/node.ts';

let node: RunningNode;
before(async () => ({ node } = await startEngagementNode()));
after(() => node.close());

const linkOf = (text: string) => /(http:\/\/\S+\/confirm\/[A-Za-z0-9_-]+)/.exec(text)?.[1];

test('vote emails speak the language of the request, with the confirmation link', async () => {
  await api(node, 'POST', `/v1/ideas/${DEMO_IDEAS.patinoireRuelle}/votes`, { body: { email: 'fr@example.org', consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' }, headers: write() });
  await api(node, 'POST', `/v1/ideas/${DEMO_IDEAS.patinoireRuelle}/votes`, { body: { email: 'en@example.org', consent: { version: VOTE_CONSENT_VERSION }, lang: 'en' }, headers: write() });
  const [fr] = await mailTo(node, 'fr@example.org');
  const [en] = await mailTo(node, 'en@example.org');
  assert.equal(fr!.subject, 'Confirmez votre appui à « Une patinoire dans chaque ruelle qui le veut »');
  assert.match(fr!.text, /Pour que votre appui soit compté, confirmez-le en suivant ce lien \(valable 7 jours\)/);
  assert.equal(en!.subject, 'Confirm your support for “Une patinoire dans chaque ruelle qui le veut”');
  assert.match(en!.text, /For your support to count, confirm it by following this link \(valid for 7 days\)/);
  for (const mail of [fr!, en!]) {
    const link = linkOf(mail.text)!;
    assert.ok(link.startsWith(`${node.url}/confirm/`));
    assert.ok(mail.html!.includes(`<a href="${link}">${link}</a>`));
  }
});

test('idea and registration emails too', async () => {
  await api(node, 'POST', '/v1/ideas', {
    body: {
      title: 'A tool library',
      description: 'Borrow instead of buy.',
      community: 'montreal',
      author: { name: 'Sam Ouellet', email: 'sam@example.org' },
      consent: { version: CONSENT_VERSION, shareWithOrganizers: true },
      lang: 'en',
    },
    headers: write(),
  });
  const [idea] = await mailTo(node, 'sam@example.org');
  assert.equal(idea!.subject, 'Confirm your idea');
  assert.match(idea!.text, /^Hello,/);
  // The address is not confirmed yet: nothing typed in the request goes to it.
  assert.ok(!/Sam|tool library|Borrow/.test(idea!.text + idea!.html));
  assert.ok(linkOf(idea!.text));

  await api(node, 'POST', `/v1/events/${DEMO_EVENTS.formationBenevoles}/registrations`, {
    body: { contact: { name: 'Julie Roy', email: 'julie@example.org' }, seats: 2, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' },
    headers: write(),
  });
  const [registration] = await mailTo(node, 'julie@example.org');
  assert.equal(registration!.subject, 'Inscription confirmée : Formation des bénévoles : hygiène et salubrité alimentaires');
  assert.match(registration!.text, /est confirmée \(2 places\)/);
  assert.match(registration!.text, /Quand : \S+ \d+ \S+ \d{4}, 9 h à 12 h\n/);
  assert.match(registration!.text, /Où : Centre communautaire Saint-Michel, 7501, rue François-Perrault/);
});

test('/dev/mail/messages.json lists the outbox newest first', async () => {
  const res = await api(node, 'GET', '/dev/mail/messages.json');
  assert.equal(res.status, 200);
  const items = res.body.items as { id: string; to: string; subject: string; text: string; html: string; createdAt: string }[];
  assert.deepEqual(Object.keys(items[0]!).sort(), ['createdAt', 'html', 'id', 'subject', 'text', 'to']);
  const rows = await node.db.query<{ id: string }>('select id from mail_outbox order by created_at desc, id desc');
  assert.deepEqual(items.map((m) => m.id), rows.map((r) => r.id));
  assert.equal(items[0]!.to, 'julie@example.org');
});

test('/dev/mail shows subjects, recipients and bodies with clickable links, user text escaped', async () => {
  await api(node, 'POST', '/v1/ideas', {
    body: {
      title: '<img src=x onerror=alert(1)> & co',
      description: 'Test.',
      community: 'montreal',
      author: { name: '<b>Eve</b>', email: 'eve@example.org' },
      consent: { version: CONSENT_VERSION, shareWithOrganizers: true },
      lang: 'fr',
    },
    headers: write(),
  });
  const res = await fetch(`${node.url}/dev/mail?lang=en`);
  const page = await res.text();
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(page, /Development mailbox/);
  assert.ok(!page.includes('<img src=x'), 'user text is never markup');
  assert.ok(!page.includes('Eve') && !page.includes('&lt;img'), 'nor is it sent to an unconfirmed address at all');
  assert.ok(page.includes('To: eve@example.org'));
  const [mail] = await mailTo(node, 'eve@example.org');
  const link = linkOf(mail!.text)!;
  assert.ok(page.includes(`<a href="${link}">${link}</a>`));
  assert.ok(page.indexOf('eve@example.org') < page.indexOf('julie@example.org'), 'newest first');
  assert.match(await (await fetch(`${node.url}/dev/mail`, { headers: { 'accept-language': 'fr-CA' } })).text(), /Boîte de courriels de développement/);
});

test('a node that really sends mail has no /dev/mail: its links would confirm anyone’s vote', async () => {
  const sent: Mail[] = [];
  const smtp = await startTestNode({ mailTransport: { deliver: async (mail) => void sent.push(mail) } });
  try {
    assert.equal((await fetch(`${smtp.url}/dev/mail`)).status, 404);
    assert.equal((await fetch(`${smtp.url}/dev/mail/messages.json`)).status, 404);
  } finally {
    await smtp.close();
  }
});

test('a node not started as a demo has no /dev/mail, even on the outbox', async () => {
  const plain = await startTestNode({ devMailbox: false });
  try {
    assert.equal((await fetch(`${plain.url}/dev/mail`)).status, 404);
    assert.equal((await fetch(`${plain.url}/dev/mail/messages.json`)).status, 404);
  } finally {
    await plain.close();
  }
});
