import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SUPPORT_CONSENT_VERSION } from '@perron/contract';
import type { RunningNode } from '../src/index.ts';
import { DEMO_KEYS, DEMO_STAFF } from '../src/seed/demo-ids.ts';
import { api, startTestNode } from './support/node.ts';
import { getPage, postForm, signIn } from './support/workspace.ts';
import { purge } from '../src/services/purge.ts';
import { confirmedPledge, linkTokenTo, NO_PLEDGE_CAPS, NO_RATE_LIMITS, pledgeBody, publishedProjectWithNeed, write } from './support/requests.ts';

let node: RunningNode;
before(async () => (node = await startTestNode({ seed: true, rateLimits: NO_RATE_LIMITS, pledgeCaps: NO_PLEDGE_CAPS })));
after(() => node?.close());

const TABLE = DEMO_KEYS.tableHochelaga;
const CURATOR = DEMO_KEYS.curator;
const money = { category: 'financial', title: { fr: 'Bois pour les bacs', en: 'Lumber for the boxes' }, wanted: 50_000 };
const hours = { category: 'human', unit: 'hours', title: { fr: 'Arrosage', en: 'Watering' }, wanted: 100 };

const support = (projectId: string, email: string, lang = 'fr') =>
  api(node, 'POST', `/v1/projects/${projectId}/supports`, { headers: write(), body: { email, consent: { version: SUPPORT_CONSENT_VERSION }, lang } });
const confirm = (token: string) => api(node, 'POST', '/v1/supports/confirm', { headers: write(), body: { token } });
const tokenOf = async (email: string) => (await linkTokenTo(node, email, '/supports/confirm/'))!;
const project = async (id: string) => (await api(node, 'GET', `/v1/projects/${id}`)).body;
/** Supports one email and follows its link, as the person would. */
async function supported(projectId: string, email: string) {
  assert.equal((await support(projectId, email)).status, 202);
  return confirm(await tokenOf(email));
}
const rows = (projectId: string) => node.db.query<{ email: string; status: string }>('select email, status from project_supports where project_id = $1 order by email', [projectId]);
/** The emails telling the organization's staff that crowdfunding opened for this project. */
const unlockedMails = async (title: string) =>
  Number((await node.db.query<{ n: number }>("select count(*) as n from mail_outbox where subject like 'Financement ouvert%' and subject like $1", [`%${title}%`]))[0]!.n);
const moneyPledge = (needId: string, email: string) => api(node, 'POST', `/v1/needs/${needId}/pledges`, { headers: write(), body: pledgeBody(2_500, { contact: { name: 'Jo Tremblay', email } }) });

describe('supporting a project', () => {
  test('counts once its emailed link is followed, once per email whatever its case; the link works once', async () => {
    const { projectId } = await publishedProjectWithNeed(node, TABLE, CURATOR, hours, { title: { fr: 'Ruelle des appuis', en: 'Support alley' } });
    const made = await support(projectId, 'Maude.Caron@Example.org');
    assert.equal(made.status, 202);
    assert.equal(made.body.status, 'pending_confirmation');
    assert.equal(made.body.projectId, projectId);
    assert.equal((await project(projectId)).supporterCount, 0, 'not counted before its email is confirmed');
    assert.deepEqual(await rows(projectId), [{ email: 'maude.caron@example.org', status: 'pending' }]);
    // The email to an unconfirmed address names the project, never anything typed.
    const [mail] = await node.db.query<{ subject: string; body_text: string }>('select subject, body_text from mail_outbox where recipient = $1', ['maude.caron@example.org']);
    assert.equal(mail!.subject, 'Confirmez votre appui à « Ruelle des appuis »');

    const token = await tokenOf('maude.caron@example.org');
    const confirmed = await confirm(token);
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.status, 'confirmed');
    assert.equal(confirmed.body.project.supporterCount, 1);
    const replay = await confirm(token);
    assert.equal(replay.status, 200);
    assert.equal(replay.body.project.supporterCount, 1, 'a link followed twice counts once');

    const again = await support(projectId, 'MAUDE.caron@example.org');
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'already_supported');
    assert.equal(again.body.type, 'urn:perron:problem:already_supported');
    assert.deepEqual(await rows(projectId), [{ email: 'maude.caron@example.org', status: 'confirmed' }]);

    const unknown = await confirm('x'.repeat(32));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'not_found');
  });

  test('a pledger who also supports counts once: supporters are people', async () => {
    const { projectId, needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, hours);
    const pledged = await confirmedPledge(node, needId, pledgeBody(2, { contact: { name: 'Nour Haddad', email: 'nour@example.org' } }));
    assert.equal(pledged.body.status, 'pending');
    assert.equal((await project(projectId)).supporterCount, 1);
    assert.equal((await supported(projectId, 'Nour@example.org')).body.project.supporterCount, 1);
    assert.equal((await supported(projectId, 'autre@example.org')).body.project.supporterCount, 2);
  });

  test('a draft or unknown project takes no support', async () => {
    const draft = await api(node, 'POST', '/v1/projects', { headers: write(TABLE), body: { title: { fr: 'Brouillon' }, summary: { fr: 'Pas encore' }, themes: ['culture'], communities: ['hochelaga'] } });
    assert.equal((await support(draft.body.id, 'a@example.org')).status, 404);
    assert.equal((await support('prj_nope', 'a@example.org')).status, 404);
    const bad = await api(node, 'POST', `/v1/projects/${draft.body.id}/supports`, { headers: write(), body: { email: 'pas un courriel', consent: { version: SUPPORT_CONSENT_VERSION }, lang: 'fr' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'body.email');
  });
});

describe('the threshold opens the money needs', () => {
  test('money pledges are refused (409 crowdfunding_locked) until the supporters reach the threshold; then they open and the organization is told once', async () => {
    const title = 'Bacs du seuil';
    const { projectId, needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, money, { title: { fr: title, en: 'Threshold boxes' }, crowdfundingThreshold: 3 });
    assert.deepEqual((await project(projectId)).crowdfunding, { threshold: 3, unlocked: false });
    const refused = await moneyPledge(needId, 'tot@example.org');
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'crowdfunding_locked');
    assert.match(refused.body.detail, /3 people support it \(0 so far\)/);
    assert.equal((await node.db.query('select 1 from pledges where need_id = $1', [needId])).length, 0, 'no pledge row');

    await supported(projectId, 'un@example.org');
    const second = await supported(projectId, 'deux@example.org');
    assert.deepEqual(second.body.project.crowdfunding, { threshold: 3, unlocked: false });
    assert.equal(await unlockedMails(title), 0);
    const third = await supported(projectId, 'trois@example.org');
    assert.equal(third.body.project.supporterCount, 3);
    assert.deepEqual(third.body.project.crowdfunding, { threshold: 3, unlocked: true });
    // Its staff are told once (an email to the admin), in French and English.
    const [told] = await node.db.query<{ recipient: string; subject: string; body_text: string }>("select recipient, subject, body_text from mail_outbox where subject like 'Financement ouvert%' and subject like $1", [`%${title}%`]);
    assert.equal(told!.recipient, DEMO_STAFF.tableHochelaga);
    assert.match(told!.body_text, /3 personnes appuient « Bacs du seuil » : le seuil de 3 appuis est atteint/);
    assert.match(told!.body_text, /Its money needs now take donations/);

    const pledge = await moneyPledge(needId, 'tot@example.org');
    assert.equal(pledge.status, 201, JSON.stringify(pledge.body));
    assert.equal(pledge.body.status, 'held');

    // Once open, it stays open: a supporter erased, or a fourth one, changes nothing more.
    await supported(projectId, 'quatre@example.org');
    assert.equal(await unlockedMails(title), 1);
  });

  test('50 concurrent confirmations across the threshold count each support once and tell the organization once (email and webhook)', async () => {
    const title = 'Bacs de la rafale';
    const { projectId } = await publishedProjectWithNeed(node, TABLE, CURATOR, money, { title: { fr: title, en: 'Burst boxes' }, crowdfundingThreshold: 50 });
    const hook = await api(node, 'POST', '/v1/webhooks', { headers: write(TABLE), body: { url: 'https://hooks.example.org/perron', events: ['project.crowdfunding_unlocked'] } });
    assert.equal(hook.status, 201, JSON.stringify(hook.body));
    const emails = Array.from({ length: 50 }, (_, i) => `rafale${i}@example.org`);
    for (const email of emails) assert.equal((await support(projectId, email)).status, 202);
    const tokens = await Promise.all(emails.map(tokenOf));
    // Each link followed twice at once: 100 requests.
    const answers = await Promise.all([...tokens, ...tokens].map(confirm));
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [200]);
    const p = await project(projectId);
    assert.equal(p.supporterCount, 50);
    assert.deepEqual(p.crowdfunding, { threshold: 50, unlocked: true });
    assert.equal((await rows(projectId)).filter((r) => r.status === 'confirmed').length, 50);
    assert.equal(await unlockedMails(title), 1);
    const deliveries = await node.db.query<{ payload: { data: Record<string, unknown> } }>(
      "select payload from webhook_deliveries where endpoint_id = $1 and event = 'project.crowdfunding_unlocked'",
      [hook.body.id],
    );
    assert.equal(deliveries.length, 1);
    assert.deepEqual(deliveries[0]!.payload.data, { projectId, supporterCount: 50, threshold: 50 });
  });

  test('50 concurrent supports with one email make one row; its 50 links, followed at once, count it once', async () => {
    const { projectId } = await publishedProjectWithNeed(node, TABLE, CURATOR, hours);
    const answers = await Promise.all(Array.from({ length: 50 }, () => support(projectId, 'Meme.Personne@example.org')));
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [202]);
    assert.deepEqual(await rows(projectId), [{ email: 'meme.personne@example.org', status: 'pending' }]);
    // Every link sent works, and counts the one support once.
    const mails = await node.db.query<{ body_text: string }>('select body_text from mail_outbox where recipient = $1', ['meme.personne@example.org']);
    assert.equal(mails.length, 50);
    const tokens = mails.map((m) => /\/supports\/confirm\/([A-Za-z0-9_-]+)/.exec(m.body_text)![1]!);
    const confirmations = await Promise.all(tokens.map(confirm));
    assert.deepEqual([...new Set(confirmations.map((a) => a.status))], [200]);
    assert.equal((await project(projectId)).supporterCount, 1);
    assert.deepEqual(await rows(projectId), [{ email: 'meme.personne@example.org', status: 'confirmed' }]);
  });

  test('the organization lowers its threshold to the supporters already there: money opens at once; null removes the threshold', async () => {
    const title = 'Bacs abaissés';
    const { projectId, needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, money, { title: { fr: title, en: 'Lowered boxes' }, crowdfundingThreshold: 10 });
    await supported(projectId, 'seul@example.org');
    const bad = await api(node, 'PATCH', `/v1/projects/${projectId}`, { headers: write(TABLE), body: { crowdfundingThreshold: 0 } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'body.crowdfundingThreshold');
    const lowered = await api(node, 'PATCH', `/v1/projects/${projectId}`, { headers: write(TABLE), body: { crowdfundingThreshold: 1 } });
    assert.equal(lowered.status, 200);
    assert.deepEqual(lowered.body.crowdfunding, { threshold: 1, unlocked: true });
    assert.equal(await unlockedMails(title), 1);
    assert.equal((await moneyPledge(needId, 'don@example.org')).status, 201);

    const other = await publishedProjectWithNeed(node, TABLE, CURATOR, money, { crowdfundingThreshold: 10 });
    const removed = await api(node, 'PATCH', `/v1/projects/${other.projectId}`, { headers: write(TABLE), body: { crowdfundingThreshold: null } });
    assert.equal(removed.body.crowdfunding, null);
    assert.equal((await moneyPledge(other.needId, 'don2@example.org')).status, 201);
  });
});

describe('Law 25: a support is in the person’s data', () => {
  test('their support link opens their data; the export lists the support; erasing deletes it and it stops counting', async () => {
    const { projectId } = await publishedProjectWithNeed(node, TABLE, CURATOR, hours, { title: { fr: 'Projet des données', en: 'Data project' } });
    await supported(projectId, 'Eloise.Data@example.org');
    await supported(projectId, 'reste@example.org');
    assert.equal((await project(projectId)).supporterCount, 2);
    const token = await tokenOf('eloise.data@example.org');
    const exported = await fetch(`${node.url}/my-data/${token}/export.json`);
    assert.equal(exported.status, 200);
    const data = await exported.json();
    assert.equal(data.supports.length, 1);
    assert.equal(data.supports[0].projectId, projectId);
    assert.equal(data.supports[0].status, 'confirmed');
    assert.equal(data.supports[0].consent.version, SUPPORT_CONSENT_VERSION);
    const shown = await (await fetch(`${node.url}/my-data/${token}?lang=fr`)).text();
    assert.match(shown, /Appuis à des projets \(1\)/);
    assert.match(shown, /Projet des données/);

    const erased = await fetch(`${node.url}/my-data/${token}/erase?lang=fr`, { method: 'POST', redirect: 'manual', headers: { origin: node.url, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    assert.equal(erased.status, 303);
    assert.equal((await node.db.query('select 1 from project_supports where email = $1', ['eloise.data@example.org'])).length, 0);
    assert.equal((await node.db.query('select 1 from mail_outbox where recipient = $1', ['eloise.data@example.org'])).length, 0);
    assert.equal((await project(projectId)).supporterCount, 1);
  });
});

describe('the project page without JavaScript', () => {
  const form = (path: string, body: Record<string, string>) =>
    fetch(`${node.url}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });

  test('says how many support it against the threshold, keeps the money need out of the pledge form, and takes a support posted as HTML', async () => {
    const { projectId } = await publishedProjectWithNeed(node, TABLE, CURATOR, money, { title: { fr: 'Page des appuis', en: 'Support page' }, crowdfundingThreshold: 2 });
    const fr = await (await fetch(`${node.url}/projects/${projectId}?lang=fr`)).text();
    assert.match(fr, /0 appui sur 2 — le financement s’ouvre à 2\./);
    assert.match(fr, /Les dons s’ouvrent quand 2 personnes appuient le projet\./);
    assert.doesNotMatch(fr, /id="pledge-need"/, 'no pledge form: the only need waits for supporters');
    assert.match(fr, /<h2 id="support-title">J’appuie ce projet<\/h2>/);
    const en = await (await fetch(`${node.url}/projects/${projectId}?lang=en`)).text();
    assert.match(en, /0 supporters of 2 — crowdfunding opens at 2\./);

    const bad = await form(`/projects/${projectId}/supports?lang=fr`, { email: 'nope' });
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.match(badHtml, /id="support-email-error">Indiquez une adresse courriel valide/);
    assert.match(badHtml, /value="nope"/, 'what was typed is kept');

    const ok = await form(`/projects/${projectId}/supports?lang=fr`, { email: 'page@example.org' });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), `/projects/${projectId}/supported?lang=fr`);
    assert.match(await (await fetch(`${node.url}${ok.headers.get('location')}`)).text(), /Suivez-le dans les 7 jours pour confirmer votre appui/);

    // The emailed link: GET asks and counts nothing, POST confirms.
    const token = await tokenOf('page@example.org');
    const asked = await fetch(`${node.url}/supports/confirm/${token}`);
    assert.equal(asked.status, 200);
    assert.match(await asked.text(), /Confirmer mon appui/);
    assert.equal((await project(projectId)).supporterCount, 0);
    const done = await form(`/supports/confirm/${token}`, { lang: 'fr' });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /1 appui sur 2/);
    assert.equal((await project(projectId)).supporterCount, 1);

    const twice = await form(`/projects/${projectId}/supports?lang=en`, { email: 'PAGE@example.org' });
    assert.equal(twice.status, 409);
    assert.match(await twice.text(), /This address already supports this project/);
    assert.equal((await fetch(`${node.url}/supports/confirm/${'y'.repeat(30)}`)).status, 404);
  });
});

describe('the organization sets its threshold in the workspace', () => {
  test('a clear error in French and English for a bad number (what was typed kept); saved, it opens the money at once when reached; emptied, it is removed', async () => {
    const staff = await signIn(node, DEMO_STAFF.tableHochelaga);
    const { projectId, needId } = await publishedProjectWithNeed(node, TABLE, CURATOR, money, { title: { fr: 'Bacs du formulaire', en: 'Form boxes' }, crowdfundingThreshold: 40 });
    const path = `/workspace/o/table-hochelaga/projects/${projectId}`;
    const page = await getPage(node, path, staff);
    assert.match(page.text, /<label for="f-crowdfundingThreshold">Appuis nécessaires avant d’ouvrir les dons/);
    assert.match(page.text, /id="f-crowdfundingThreshold"[^>]*value="40"/);
    assert.match(page.text, /0 appui sur 40\s: les dons s’ouvriront à 40\./);

    const fields = { 'title.fr': 'Bacs du formulaire', 'title.en': 'Form boxes', 'summary.fr': 'Des bacs fleuris devant les commerces de la rue Adam.', 'communities[]': 'hochelaga', 'themes[]': 'environment' };
    for (const [lang, typed, message] of [
      ['fr', 'trente', 'Indiquez un nombre entier de personnes entre 1 et 100 000, ou laissez le champ vide.'],
      ['en', '0', 'Enter a whole number of people between 1 and 100,000, or leave the field empty.'],
    ] as const) {
      const bad = await postForm(node, `${path}?lang=${lang}`, { ...fields, crowdfundingThreshold: typed }, staff);
      assert.equal(bad.status, 422);
      assert.match(bad.text, new RegExp(`id="f-crowdfundingThreshold-error"[^>]*>${message.replace(/[.()]/g, '\\$&')}`));
      assert.match(bad.text, new RegExp(`id="f-crowdfundingThreshold"[^>]*value="${typed}"`));
    }
    assert.deepEqual((await project(projectId)).crowdfunding, { threshold: 40, unlocked: false });

    await supported(projectId, 'formulaire@example.org');
    const saved = await postForm(node, path, { ...fields, crowdfundingThreshold: '1' }, staff);
    assert.equal(saved.status, 303);
    assert.deepEqual((await project(projectId)).crowdfunding, { threshold: 1, unlocked: true });
    assert.equal(await unlockedMails('Bacs du formulaire'), 1);
    assert.equal((await moneyPledge(needId, 'donateur@example.org')).status, 201);

    const other = await publishedProjectWithNeed(node, TABLE, CURATOR, money, { crowdfundingThreshold: 40 });
    const emptied = await postForm(node, `/workspace/o/table-hochelaga/projects/${other.projectId}`, { ...fields, 'title.fr': 'Bacs sans seuil' }, staff);
    assert.equal(emptied.status, 303);
    assert.equal((await project(other.projectId)).crowdfunding, null);
  });
});

// Last in this file: the purge runs at later dates, over every project of the node.
describe('retention of supports', () => {
  test('an unconfirmed support goes with its link; a confirmed one loses its email 180 days after the project ends and still counts', async () => {
    const { projectId } = await publishedProjectWithNeed(node, TABLE, CURATOR, hours, { endsOn: '2027-01-31' });
    await support(projectId, 'jamais@example.org');
    await supported(projectId, 'garde@example.org');
    await purge(node.db, new Date(Date.now() + 8 * 86_400_000));
    assert.deepEqual(await rows(projectId), [{ email: 'garde@example.org', status: 'confirmed' }]);
    await purge(node.db, new Date('2027-07-30T00:00:00Z'));
    assert.deepEqual(await rows(projectId), [{ email: 'garde@example.org', status: 'confirmed' }], 'kept until 180 days after the end');
    await purge(node.db, new Date('2027-08-01T00:00:00Z'));
    const [kept] = await rows(projectId);
    assert.match(kept!.email, /^sup_/, 'its email is gone');
    assert.equal(kept!.status, 'confirmed');
    assert.equal((await supported(projectId, 'apres@example.org')).body.project.supporterCount, 2, 'a recount still counts it');
  });
});
