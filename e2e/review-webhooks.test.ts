// Changes to a published project wait for a curator, who approves them with the keyboard from the
// queue; a new event of a community that reviews events waits there too, declined then approved
// with the keyboard in English; an admin adds a webhook endpoint and sees its secret once. axe on each page, 320 and 1280 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startNode, type RunningNode } from '@perron/server';
import { DEMO_KEYS, DEMO_STAFF } from '../packages/server/src/seed/demo-ids.ts';
import { launch, visit } from './support/browser.ts';
import { accessible, signIn, tabTo, typeInto } from './support/workspace.ts';

let node: RunningNode;
let browser: Browser;
before(async () => {
  node = await startNode({ port: 0, seed: true, devMailbox: true, workerPollMs: 0, rateLimits: { writesPerMinute: 10_000, readsPerMinute: 10_000 } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await node?.close();
});

async function call(method: string, path: string, key: string, body: unknown = {}) {
  const res = await fetch(`${node.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(body) });
  return res.json();
}

test('a curator reads the changes to a published project, live beside proposed, and approves them with the keyboard', async () => {
  const org = DEMO_KEYS.tableHochelaga;
  const made = await call('POST', '/v1/projects', org, { title: { fr: 'Bacs de la rue Adam', en: 'Adam Street boxes' }, summary: { fr: 'Des bacs fleuris.', en: 'Flower boxes.' }, themes: ['environment'], communities: ['hochelaga'] });
  await call('POST', `/v1/projects/${made.id}/submit`, org);
  await call('POST', `/v1/projects/${made.id}/publish`, DEMO_KEYS.curator);
  await call('PATCH', `/v1/projects/${made.id}`, org, { title: { fr: 'Bacs géants de la rue Adam', en: 'Giant boxes' } });

  const v = await visit(browser, 'fr');
  const { page } = v;
  try {
    await signIn(page, node.url, DEMO_STAFF.curator, 'fr');
    await page.goto(`${node.url}/workspace/c/montreal`);
    await accessible(page, 'queue with changes');
    await tabTo(page, 'a[href^="/workspace/c/montreal/revisions/"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/revisions\/rev_/);
    assert.match((await page.locator('h1').textContent()) ?? '', /Modifications\s*:\s*Bacs de la rue Adam/);
    assert.equal(await page.getByRole('row', { name: /Titre/ }).count(), 1);
    await accessible(page, 'changes');
    await v.screenshot('workspace-changes');
    await tabTo(page, 'button.ws-primary');
    assert.equal((await page.evaluate(() => document.activeElement?.textContent))?.trim(), 'Approuver les modifications');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?done=changes_approved$/);
    await accessible(page, 'queue after approval');
    const project = await (await fetch(`${node.url}/v1/projects/${made.id}`)).json();
    assert.equal(project.title.fr, 'Bacs géants de la rue Adam');
    assert.deepEqual(v.errors, []);
  } finally {
    await v.close();
  }
});

test('a new event of a community that reviews events waits in the queue: declined with a reason, edited, then approved with the keyboard (English)', async () => {
  await node.db.query(`update communities set events_require_review = true where slug = 'hochelaga-maisonneuve'`);
  const org = DEMO_KEYS.tableHochelaga;
  const starts = new Date(Date.now() + 12 * 86_400_000);
  const event = await call('POST', '/v1/events', org, {
    title: { fr: 'Souper des voisins', en: 'Neighbours’ supper' },
    category: 'networking',
    community: 'hochelaga',
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 7_200_000).toISOString(),
    place: { name: 'Chalet du parc', address: '1875, avenue Morgan' },
  });
  assert.equal(event.inReview, true);
  const isPublic = async () => (await fetch(`${node.url}/v1/events/${event.id}`)).status === 200;
  assert.equal(await isPublic(), false);

  const v = await visit(browser, 'en');
  const { page } = v;
  const open = async () => {
    await page.goto(`${node.url}/workspace/c/montreal?lang=en`);
    const href = await page.getByRole('link', { name: 'New event — Neighbours’ supper' }).getAttribute('href');
    await tabTo(page, `a[href="${href}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/revisions\/rev_/);
  };
  try {
    await signIn(page, node.url, DEMO_STAFF.curator, 'en');
    await open();
    assert.match((await page.locator('h1').textContent()) ?? '', /New event: Neighbours’ supper/);
    await accessible(page, 'new event');
    await v.screenshot('workspace-new-event');
    await typeInto(page, 'textarea[name=reason]', 'Please say which door of the chalet.');
    await tabTo(page, 'button.ws-danger');
    assert.equal((await page.evaluate(() => document.activeElement?.textContent))?.trim(), 'Reject the event');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?done=changes_rejected$/);
    assert.equal(await isPublic(), false, 'declined, it stays private');

    await call('PATCH', `/v1/events/${event.id}`, org, { place: { name: 'Chalet du parc, porte est', address: '1875, avenue Morgan' } });
    await open();
    assert.match((await page.locator('main').textContent()) ?? '', /porte est/);
    await tabTo(page, 'button.ws-primary');
    assert.equal((await page.evaluate(() => document.activeElement?.textContent))?.trim(), 'Approve and publish the event');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?done=changes_approved$/);
    assert.equal(await isPublic(), true);
    assert.deepEqual(v.errors, []);
  } finally {
    await v.close();
    await node.db.query(`update communities set events_require_review = false where slug = 'hochelaga-maisonneuve'`);
  }
});

test('an admin adds a webhook endpoint in English: an error tied to its field, then the secret shown once, then the delivery log', async () => {
  const v = await visit(browser, 'en');
  const { page } = v;
  try {
    await signIn(page, node.url, DEMO_STAFF.tableHochelaga, 'en');
    await page.goto(`${node.url}/workspace/o/table-hochelaga/webhooks`);
    await accessible(page, 'webhooks');
    await page.fill('input[name=url]', 'http://hooks.example.org/perron');
    await page.getByLabel('Pledge confirmed by email').check();
    await page.click('form.ws-form button[type=submit]');
    await page.waitForSelector('.ws-error-summary');
    await accessible(page, 'webhooks with an error');
    await page.fill('input[name=url]', 'https://hooks.example.org/perron');
    await page.click('form.ws-form button[type=submit]');
    await page.waitForSelector('#secret');
    assert.match((await page.locator('#secret').textContent()) ?? '', /whsec_/);
    await accessible(page, 'webhooks with the secret');
    await v.screenshot('workspace-webhooks');
    await page.getByRole('link', { name: 'https://hooks.example.org/perron' }).click();
    await page.waitForURL(/\/webhooks\/whk_/);
    assert.match((await page.locator('main').textContent()) ?? '', /Nothing sent yet\./);
    await accessible(page, 'delivery log');
    assert.deepEqual(v.errors, []);
  } finally {
    await v.close();
  }
});
