import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningNode } from '../src/index.ts';
import { DEMO_IDEAS } from '../src/seed/engagement.ts';
import { mailTo, startEngagementNode, tokenFor, write } from './support/engagement.ts';
import { api } from './support/node.ts';
import { VOTE_CONSENT_VERSION } from '@perron/contract';

let node: RunningNode;
before(async () => ({ node } = await startEngagementNode()));
after(() => node?.close());

const support = async (id: string) => (await api(node, 'GET', `/v1/ideas/${id}`)).body.supportCount as number;
const vote = (id: string, email: string, lang = 'fr') => api(node, 'POST', `/v1/ideas/${id}/votes`, { body: { email, consent: { version: VOTE_CONSENT_VERSION }, lang }, headers: write() });
const confirmToken = (token: string) => api(node, 'POST', `/v1/confirmations/${token}`, { body: {}, headers: write() });
async function voteRows(id: string, email: string) {
  return node.db.query<{ status: string }>('select status from votes where idea_id = $1 and email = $2', [id, email]);
}

test('a vote counts only once its emailed link is followed, and only once', async () => {
  const id = DEMO_IDEAS.patinoireRuelle;
  const before = await support(id);
  const res = await vote(id, 'Chantal.Morin@Example.org');
  assert.equal(res.status, 202);
  assert.deepEqual({ ...res.body, expiresAt: undefined }, { status: 'pending_confirmation', kind: 'vote', ideaId: id, expiresAt: undefined });
  const in7days = new Date(res.body.expiresAt).getTime() - Date.now();
  assert.ok(in7days > 6.9 * 86_400_000 && in7days <= 7 * 86_400_000);
  assert.equal(await support(id), before, 'not counted before confirmation');
  assert.deepEqual(await voteRows(id, 'chantal.morin@example.org'), [{ status: 'pending' }]);

  const token = await tokenFor(node, 'chantal.morin@example.org');
  const confirmed = await confirmToken(token);
  assert.equal(confirmed.status, 200);
  assert.equal(confirmed.body.kind, 'vote');
  assert.equal(confirmed.body.idea.supportCount, before + 1);
  assert.equal(await support(id), before + 1);
  assert.deepEqual(await voteRows(id, 'chantal.morin@example.org'), [{ status: 'confirmed' }]);

  // Following the link again answers the same and counts nothing.
  const replay = await confirmToken(token);
  assert.equal(replay.status, 200);
  assert.deepEqual(replay.body, confirmed.body);
  assert.equal(await support(id), before + 1);

  // The same email, whatever its case, has voted.
  const again = await vote(id, 'chantal.MORIN@example.org');
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 'already_voted');
  assert.equal((await voteRows(id, 'chantal.morin@example.org')).length, 1);
});

test('voting again while pending sends the link again, still one row', async () => {
  const id = DEMO_IDEAS.ruchesToits;
  await vote(id, 'oublie@example.org');
  const second = await vote(id, 'oublie@example.org');
  assert.equal(second.status, 202);
  assert.equal((await mailTo(node, 'oublie@example.org')).length, 2);
  assert.equal((await voteRows(id, 'oublie@example.org')).length, 1);
  // Either link counts the vote; the other then counts nothing.
  const [newest, oldest] = (await mailTo(node, 'oublie@example.org')).map((m) => /\/confirm\/([A-Za-z0-9_-]+)/.exec(m.text)![1]!);
  const before = await support(id);
  await confirmToken(oldest!);
  await confirmToken(newest!);
  assert.equal(await support(id), before + 1);
});

test('30 concurrent confirmations of one link count the vote once', async () => {
  const id = DEMO_IDEAS.ateliersNumeriques;
  const before = await support(id);
  await vote(id, 'rafale@example.org');
  const token = await tokenFor(node, 'rafale@example.org');
  const answers = await Promise.all(Array.from({ length: 30 }, () => confirmToken(token)));
  assert.deepEqual([...new Set(answers.map((a) => a.status))], [200]);
  assert.ok(answers.every((a) => a.body.idea.supportCount === before + 1));
  assert.equal(await support(id), before + 1);
  const [row] = await node.db.query<{ support_count: number; confirmed: number }>(
    "select support_count, (select count(*) from votes v where v.idea_id = i.id and v.status = 'confirmed') as confirmed from ideas i where id = $1",
    [id],
  );
  assert.equal(row!.support_count, row!.confirmed, 'the count is the number of confirmed votes');
});

test('30 concurrent votes by one email make one vote, counted once when confirmed', async () => {
  const id = DEMO_IDEAS.frigoPartage;
  const before = await support(id);
  const answers = await Promise.all(Array.from({ length: 30 }, () => vote(id, 'meme.personne@example.org')));
  assert.deepEqual([...new Set(answers.map((a) => a.status))], [202]);
  assert.equal((await voteRows(id, 'meme.personne@example.org')).length, 1);
  const tokens = (await mailTo(node, 'meme.personne@example.org')).map((m) => /\/confirm\/([A-Za-z0-9_-]+)/.exec(m.text)![1]!);
  assert.equal(tokens.length, 30);
  const confirmations = await Promise.all(tokens.map(confirmToken));
  assert.ok(confirmations.every((c) => c.status === 200));
  assert.equal(await support(id), before + 1);
  const late = await Promise.all(Array.from({ length: 5 }, () => vote(id, 'meme.personne@example.org')));
  assert.ok(late.every((a) => a.status === 409 && a.body.code === 'already_voted'));
});

test('a contest takes votes only in its vote phase', async () => {
  const closed = await vote(DEMO_IDEAS.ruelleVerte, 'tard@example.org');
  assert.equal(closed.status, 409);
  assert.equal(closed.body.code, 'phase_closed');
  assert.match(closed.body.detail, /Votes are taken from/);
  assert.equal((await voteRows(DEMO_IDEAS.ruelleVerte, 'tard@example.org')).length, 0);
  const open = await vote(DEMO_IDEAS.fontainesEau, 'atemps@example.org');
  assert.equal(open.status, 202);
});

test('a pending or unknown idea takes no vote; an unknown or expired link is a clear 404', async () => {
  await node.db.query(
    `insert into ideas (id, community_id, title, description, lang, status, consent_version, consent_at)
     values ('idea_unconfirmed', 'com_montreal', 'Pas encore', 'En attente.', 'fr', 'pending', '2026-11', now())`,
  );
  assert.equal((await vote('idea_unconfirmed', 'x@example.org')).status, 404);
  assert.equal((await vote('idea_nowhere', 'x@example.org')).status, 404);
  const bad = await api(node, 'POST', `/v1/ideas/${DEMO_IDEAS.murales}/votes`, { body: { email: 'not-an-email', consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' }, headers: write() });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].path, 'body.email');

  const unknown = await confirmToken('a'.repeat(32));
  assert.equal(unknown.status, 404);
  assert.match(unknown.body.detail, /unknown/);

  const before = await support(DEMO_IDEAS.murales);
  await vote(DEMO_IDEAS.murales, 'lent@example.org');
  const token = await tokenFor(node, 'lent@example.org');
  await node.db.query("update confirmations set expires_at = now() - interval '1 minute' where vote_id = (select id from votes where email = 'lent@example.org')");
  const expired = await confirmToken(token);
  assert.equal(expired.status, 404);
  assert.match(expired.body.detail, /expired .* vote again/);
  assert.equal(await support(DEMO_IDEAS.murales), before);
  assert.deepEqual(await voteRows(DEMO_IDEAS.murales, 'lent@example.org'), [{ status: 'pending' }]);
  const page = await fetch(`${node.url}/confirm/${token}`);
  assert.equal(page.status, 410);
  assert.match(await page.text(), /Ce lien a expiré/);
});

test('the confirmation page confirms on its button only, in the language of the email', async () => {
  const id = DEMO_IDEAS.bibliothequeOutils;
  const before = await support(id);
  await vote(id, 'page@example.org', 'en');
  const token = await tokenFor(node, 'page@example.org');

  const shown = await fetch(`${node.url}/confirm/${token}`);
  const html = await shown.text();
  assert.equal(shown.status, 200);
  assert.match(shown.headers.get('content-security-policy') ?? '', /form-action 'self'/);
  assert.match(html, /<html lang="en-CA">/);
  assert.match(html, /Une bibliothèque d’outils/);
  assert.match(html, new RegExp(`<form method="post" action="/confirm/${token}">`));
  assert.ok(!/<script(?![^>]*\bsrc=)/.test(html), 'no inline script');
  assert.equal(await support(id), before, 'opening the link confirms nothing');
  assert.match(await (await fetch(`${node.url}/confirm/${token}?lang=fr`)).text(), /Confirmer mon appui/);

  const posted = await fetch(`${node.url}/confirm/${token}`, { method: 'POST', body: new URLSearchParams({ lang: 'en' }) });
  assert.equal(posted.status, 200);
  assert.match(await posted.text(), /Thank you! Your support counts\./);
  assert.equal(await support(id), before + 1);
  const fr = await fetch(`${node.url}/confirm/${token}`, { method: 'POST', body: new URLSearchParams({ lang: 'fr' }) });
  assert.match(await fr.text(), /Merci\u202F! Votre appui est compté\./);
  assert.equal(await support(id), before + 1, 'a second press counts nothing');
  const unknown = await fetch(`${node.url}/confirm/${'b'.repeat(32)}`);
  assert.equal(unknown.status, 404);
});
