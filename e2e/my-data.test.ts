// A resident's "my data", as they meet it: they ask for a link with their email, follow it from
// the mailbox, read what the node keeps about them in French and English, download it and erase
// it with the keyboard. axe on each page at 320 and 1280 px.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { CONSENT_VERSION, VOTE_CONSENT_VERSION } from '@perron/contract';
import { startNode, type RunningNode } from '@perron/server';
import type { Browser, Page } from 'playwright-core';
import { launch, visit } from './support/browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const EMAIL = 'mes.donnees@example.org';

let node: RunningNode;
let browser: Browser;
before(async () => {
  [node, browser] = await Promise.all([startNode({ port: 0, seed: true, devMailbox: true }), launch()]);
});
after(async () => {
  await browser?.close();
  await node?.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${node.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(body) });

async function accessible(page: Page, what: string): Promise<void> {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(axeSource); // by the debugger, not a <script>: the page's CSP stays as strict as ever
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(o?: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `${what} at ${width}px`);
  }
}

async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(selector).evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  assert.fail(`Tab never reached ${selector} on ${page.url()}`);
}

test('a resident asks for their link, reads, downloads and erases their data with the keyboard', async () => {
  // An idea outside any contest: it takes votes whatever the date.
  const idea = (await (await fetch(`${node.url}/v1/ideas?limit=50`)).json()).items.find((i: { contestId: string | null }) => !i.contestId).id as string;
  assert.equal((await post(`/v1/ideas/${idea}/votes`, { email: EMAIL, consent: { version: VOTE_CONSENT_VERSION }, lang: 'fr' })).status, 202);
  const event = (await (await fetch(`${node.url}/v1/events?limit=20`)).json()).items.find((e: { registration: boolean }) => e.registration).id as string;
  const registered = await post(`/v1/events/${event}/registrations`, { contact: { name: 'Mireille Données', email: EMAIL }, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' });
  assert.equal(registered.status, 201);

  const v = await visit(browser, 'fr');
  const { page } = v;
  try {
    await page.goto(`${node.url}/my-data`);
    assert.equal(await page.locator('h1').textContent(), 'Mes données');
    await accessible(page, 'the request form');
    await tabTo(page, 'input[name=email]');
    await page.keyboard.type(EMAIL);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/my-data\/sent/);
    assert.equal(await page.locator('h1').textContent(), 'Vérifiez votre courriel');

    const mail = (await (await fetch(`${node.url}/dev/mail/messages.json?to=${encodeURIComponent(EMAIL)}`)).json()).items[0];
    const link = /https?:\/\/\S+\/my-data\/[A-Za-z0-9_-]+\?lang=fr/.exec(mail.text)?.[0];
    assert.ok(link, mail.subject);
    await page.goto(link);
    assert.equal(await page.locator('h1').textContent(), 'Vos données');
    assert.equal(await page.getByRole('heading', { name: 'Appuis à des idées (1)' }).count(), 1);
    assert.equal(await page.getByRole('heading', { name: 'Inscriptions à des événements (1)' }).count(), 1);
    assert.equal(await page.getByRole('cell', { name: 'Mireille Données' }).count(), 1);
    await accessible(page, 'the data page');
    await page.setViewportSize({ width: 1280, height: 900 });
    await v.screenshot('my-data');

    await page.getByRole('link', { name: 'English' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Your data');
    await accessible(page, 'the data page in English');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data (JSON)' }).click()]);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    assert.deepEqual([data.email, data.votes.length, data.registrations.length], [EMAIL, 1, 1]);

    await tabTo(page, 'button[type=submit]');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Erase all my data');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/my-data\/erased/);
    assert.equal(await page.locator('h1').textContent(), 'Your data is erased');
    await accessible(page, 'the erased page');
    assert.deepEqual(v.errors, []);
  } finally {
    await v.close();
  }
  const left = await node.db.query('select 1 from votes where email = $1 union all select 1 from registrations where email = $1', [EMAIL]);
  assert.equal(left.length, 0);
});
