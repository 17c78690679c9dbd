// Seed 001: a project that gathers enough local supporters moves on to crowdfunding. On the
// caisse's site, the greenhouse's money need waits for 30 supporters; the last one supports it
// from the card by keyboard and confirms by email (the dev mailbox stands in for their inbox);
// the money need opens, the organization is told once, and a donation goes through.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { consentNotice, SUPPORT_CONSENT_VERSION } from '@perron/contract';
import type { Browser } from 'playwright-core';
import { DEMO_PROJECTS, DEMO_STAFF } from '../packages/server/src/seed/demo-ids.ts';
import { launch, visit } from './support/browser.ts';
import { publicJson } from './support/site.ts';
import { startStack, type Stack } from './support/stack.ts';
import { literally, wording } from './support/text.ts';

let browser: Browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** A neighbour who supported the project earlier and followed the link in their email. */
async function earlierSupporter(stack: Stack, projectId: string, email: string) {
  const post = (path: string, body: unknown) =>
    fetch(`${stack.node.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(body) });
  assert.equal((await post(`/v1/projects/${projectId}/supports`, { email, consent: { version: SUPPORT_CONSENT_VERSION }, lang: 'fr' })).status, 202);
  const mail = (await (await fetch(`${stack.node.url}/dev/mail/messages.json?to=${encodeURIComponent(email)}`)).json()).items[0];
  const token = /\/supports\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  assert.equal((await post('/v1/supports/confirm', { token })).status, 200);
}

describe('a project reaches its supporters threshold and its money need opens (fr)', () => {
  const { t, f } = wording('fr');
  let stack: Stack;
  before(async () => (stack = await startStack()));
  after(() => stack?.close());

  test('the last supporter, by keyboard from the card, opens the money need; the organization is told once; a donation goes through', async () => {
    const id = DEMO_PROJECTS.serreEcole;
    const project = await publicJson(stack, `/v1/projects/${id}`);
    const threshold: number = project.crowdfunding.threshold;
    assert.equal(project.crowdfunding.unlocked, false);
    const title: string = project.title.fr;
    const money = project.needs.find((n: { category: string }) => n.category === 'financial');
    for (let i = project.supporterCount; i < threshold - 1; i++) await earlierSupporter(stack, id, `voisin${i}@example.org`);

    const v = await visit(browser, 'fr');
    const { page } = v;
    try {
      await page.goto(`${stack.examples.url}/caisse-showcase/`);
      const card = page.locator('perron-project-list article').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
      const waitingLine = t.project.funding(f.number(threshold - 1), threshold - 1, f.number(threshold));
      await card.locator('[part="supporters"]').filter({ hasText: literally(waitingLine) }).waitFor();

      // Contribuer: the money need says why it takes no donation yet.
      await card.getByRole('button', { name: t.project.contributeTo(title) }).click();
      const needsDialog = page.getByRole('dialog', { name: t.project.contributeTo(title) });
      const waiting = needsDialog.locator('[part="waiting"]');
      await waiting.filter({ hasText: literally(t.needs.waiting(f.number(threshold), f.number(threshold - 1))) }).waitFor();
      assert.equal(await needsDialog.getByRole('button', { name: t.needs.helpWith(money.title.fr) }).count(), 0);
      await v.screenshot('support-money-waiting');
      await page.keyboard.press('Escape');

      // "J'appuie ce projet", by keyboard.
      const email = 'derniere.voisine@example.org';
      const supportButton = card.getByRole('button', { name: `${t.project.support} — ${title}` });
      await supportButton.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `${t.project.support} — ${title}` });
      const field = dialog.getByLabel(t.support.email);
      await field.waitFor();
      // From the dialog's title: its close button, then the email field.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await field.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), true, 'the email field has the focus');
      await page.keyboard.type(email);
      await page.keyboard.press('Enter');
      await dialog.getByRole('status').filter({ hasText: email }).waitFor();
      await v.screenshot('support-pending');
      assert.equal((await publicJson(stack, `/v1/projects/${id}`)).supporterCount, threshold - 1, 'not counted before the link is followed');

      // Their mailbox, then the node's page: GET asks, the button confirms.
      await page.goto(`${stack.node.url}/dev/mail?lang=fr`);
      const link = page.getByRole('link', { name: /\/supports\/confirm\// });
      await page.getByRole('article').filter({ hasText: email }).filter({ has: link }).first().locator(link).first().click();
      await page.getByRole('button', { name: 'Confirmer mon appui' }).click();
      await page.getByRole('heading', { name: 'Merci ! Votre appui est compté.' }).waitFor();
      await v.screenshot('support-confirmed');
      const after = await publicJson(stack, `/v1/projects/${id}`);
      assert.equal(after.supporterCount, threshold);
      assert.deepEqual(after.crowdfunding, { threshold, unlocked: true });
      // The organization's staff heard of it once.
      const staff = DEMO_STAFF.admin(project.organization.slug);
      const told = (await (await fetch(`${stack.node.url}/dev/mail/messages.json?to=${encodeURIComponent(staff)}`)).json()).items.filter((m: { subject: string }) => m.subject.startsWith('Financement ouvert'));
      assert.equal(told.length, 1);

      // Back on the caisse's site: open, and the money need takes a donation.
      await page.goto(`${stack.examples.url}/caisse-showcase/`);
      await card.locator('[part="supporters"]').filter({ hasText: literally(t.project.funding(f.number(threshold), threshold)) }).waitFor();
      await card.getByRole('button', { name: t.project.contributeTo(title) }).click();
      await needsDialog.getByRole('button', { name: t.needs.helpWith(money.title.fr) }).click();
      const form = needsDialog.locator('perron-pledge-form');
      await form.getByLabel(t.pledge.quantity.financial).fill('25');
      await form.getByLabel(t.pledge.name).fill('Derniere Voisine');
      await form.getByLabel(t.pledge.email).fill(email);
      await form.getByLabel(consentNotice.shareWithOrganizers.fr).check();
      await form.getByRole('button', { name: t.pledge.submit }).click();
      await form.locator('[part~="check-email"]').waitFor();
      await v.screenshot('support-money-pledged');
      const pledges = await (await fetch(`${stack.node.url}/dev/mail/messages.json?to=${encodeURIComponent(email)}`)).json();
      assert.ok(pledges.items.some((m: { text: string }) => /\/pledges\/confirm\//.test(m.text)), 'the donation awaits its email confirmation');
      assert.deepEqual(v.errors, []);
    } finally {
      await v.close();
    }
  });
});
