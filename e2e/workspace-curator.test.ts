// The workspace in Chromium, with the keyboard alone: a curator signs in from the dev mailbox's
// link, approves a submitted project, imports a directory and follows a node, in French and once in English; axe on every workspace
// page, narrow and wide, in both languages; screenshots in test-results/e2e/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startNode, type RunningNode } from '@perron/server';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS, DEMO_STAFF } from '../packages/server/src/seed/demo-ids.ts';
import { launch, visit, type Lang } from './support/browser.ts';
import { accessible, choose, tabTo, typeInto } from './support/workspace.ts';

let node: RunningNode;
let browser: Browser;

before(async () => {
  node = await startNode({ port: 0, seed: true, devMailbox: true, rateLimits: { writesPerMinute: 10_000, readsPerMinute: 10_000 } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await node?.close();
});

async function submitted(title: string): Promise<string> {
  const headers = { authorization: `Bearer ${DEMO_KEYS.carrefourVilleray}`, 'content-type': 'application/json' };
  const body = { title: { fr: title, en: `${title} (EN)` }, summary: { fr: 'Des bacs fleuris devant les commerces.', en: 'Flower boxes in front of the shops.' }, themes: ['environment'], communities: ['villeray'] };
  const made = await (await fetch(`${node.url}/v1/projects`, { method: 'POST', headers: { ...headers, 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(body) })).json();
  await fetch(`${node.url}/v1/projects/${made.id}/submit`, { method: 'POST', headers: { ...headers, 'idempotency-key': crypto.randomUUID() }, body: '{}' });
  return made.id;
}

const HEADINGS = {
  fr: { signIn: 'Se connecter', sent: 'Vérifiez vos courriels', link: 'Connexion', button: 'Me connecter', home: 'Espace des organismes', approve: 'Approuver et publier', approved: 'Le projet est approuvé et publié' },
  en: { signIn: 'Sign in', sent: 'Check your email', link: 'Sign in', button: 'Sign me in', home: 'Organization workspace', approve: 'Approve and publish', approved: 'The project is approved and published' },
} as const;

for (const lang of ['fr', 'en'] as Lang[]) {
  test(`a curator signs in from the mailbox and approves a project with the keyboard alone (${lang})`, async () => {
    const h = HEADINGS[lang];
    const title = lang === 'fr' ? 'Bacs fleuris de la rue Jarry' : 'Ruelle verte de la rue Faillon';
    const id = await submitted(title);
    const v = await visit(browser, lang);
    const { page } = v;
    try {
      await page.goto(`${node.url}/workspace`);
      assert.equal(await page.locator('h1').textContent(), h.signIn);
      await accessible(page, 'sign-in');
      await v.screenshot('workspace-sign-in');
      await tabTo(page, 'input[name=email]');
      await page.keyboard.type(DEMO_STAFF.curator);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/workspace\/sign-in\/sent/);
      assert.equal(await page.locator('h1').textContent(), h.sent);
      await accessible(page, 'link sent');

      // The person reads their email: the dev mailbox, newest first.
      await page.goto(`${node.url}/dev/mail?lang=${lang}`);
      await tabTo(page, 'a[href*="/workspace/sign-in/link?token="]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/workspace\/sign-in\/link/);
      assert.equal(await page.locator('h1').textContent(), h.link);
      await accessible(page, 'sign-in link');
      await tabTo(page, 'button[type=submit]');
      assert.equal((await page.evaluate(() => document.activeElement?.textContent))?.trim(), h.button);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/workspace$/);
      assert.equal(await page.locator('h1').textContent(), h.home);
      await accessible(page, 'home');
      await v.screenshot('workspace-home');

      await tabTo(page, 'main a[href="/workspace/c/montreal"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/workspace\/c\/montreal$/);
      await accessible(page, 'queue');
      await v.screenshot('workspace-queue');
      await tabTo(page, `a[href="/workspace/c/montreal/projects/${id}"]`);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/projects/${id}$`));
      await accessible(page, 'review');
      await v.screenshot('workspace-review');
      await tabTo(page, 'button.ws-primary');
      assert.equal((await page.evaluate(() => document.activeElement?.textContent))?.trim(), h.approve);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/workspace\/c\/montreal\?done=approved$/);
      assert.match((await page.locator('[role=status]').first().textContent()) ?? '', new RegExp(h.approved));
      await accessible(page, 'queue after the decision');

      // The imported directories, from the curator's sub-navigation: a bad address is refused at its
      // field; a good one is listed (the worker's read of a `.invalid` name fails, in words).
      await tabTo(page, 'main a[href="/workspace/c/montreal/directories"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/directories$/);
      await typeInto(page, 'input[name=url]', 'annuaire 211');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.ws-error-summary');
      assert.equal(await page.locator('#f-url').getAttribute('aria-invalid'), 'true');
      await accessible(page, 'imported directories with an error');
      await tabTo(page, 'input[name=url]');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(`https://annuaire-${lang}.invalid/hsds`);
      // French is already chosen (typing « français » would send its « ç » to the address field).
      if (lang === 'en') await choose(page, 'select[name=lang]', lang);
      assert.equal(await page.locator('select[name=lang]').inputValue(), lang);
      await tabTo(page, 'main form.ws-form button[type=submit]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/directories\?done=directory_imported$/);
      assert.equal(await page.getByRole('rowheader', { name: `https://annuaire-${lang}.invalid/hsds`, exact: true }).count(), 1);
      await accessible(page, 'imported directories');
      await v.screenshot('workspace-directories');
      // Removed through its confirmation page, by keyboard too.
      await tabTo(page, `a[aria-label$="https://annuaire-${lang}.invalid/hsds"]`);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/remove$/);
      await accessible(page, 'removing a directory');
      await tabTo(page, 'button.ws-danger');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/directories\?done=directory_removed$/);
      assert.equal(await page.getByRole('rowheader', { name: `https://annuaire-${lang}.invalid/hsds`, exact: true }).count(), 0);

      // The followed nodes, beside them: a private address is refused at its field; a node is
      // followed with a community, listed (its read of a `.invalid` name fails, in words), then unfollowed.
      await tabTo(page, 'main a[href="/workspace/c/montreal/follows"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/follows$/);
      await typeInto(page, 'input[name=url]', 'http://192.168.0.10');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.ws-error-summary');
      assert.equal(await page.locator('#f-url').getAttribute('aria-invalid'), 'true');
      await accessible(page, 'followed nodes with an error');
      await tabTo(page, 'input[name=url]');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(`https://noeud-${lang}.invalid`);
      await typeInto(page, 'input[name=communities]', 'villeray');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/follows\?done=node_followed$/);
      assert.equal(await page.getByRole('rowheader', { name: `https://noeud-${lang}.invalid`, exact: true }).count(), 1);
      await accessible(page, 'followed nodes');
      await v.screenshot('workspace-follows');
      await page.setViewportSize({ width: 320, height: 900 });
      await v.screenshot('workspace-follows-narrow');
      await tabTo(page, `a[aria-label$="https://noeud-${lang}.invalid"]`);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/remove$/);
      await accessible(page, 'unfollowing a node');
      await v.screenshot('workspace-follow-remove');
      await tabTo(page, 'button.ws-danger');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/follows\?done=node_unfollowed$/);
      assert.equal(await page.getByRole('rowheader', { name: `https://noeud-${lang}.invalid`, exact: true }).count(), 0);

      const project = await (await fetch(`${node.url}/v1/projects/${id}`)).json();
      assert.equal(project.status, 'published');
      assert.deepEqual(v.errors, []);
    } finally {
      await v.close();
    }
  });
}

test('every admin screen passes axe, narrow and wide, in French and English', async () => {
  for (const lang of ['fr', 'en'] as Lang[]) {
    const v = await visit(browser, lang);
    const { page } = v;
    try {
      await page.goto(`${node.url}/workspace/sign-in?lang=${lang}`);
      await page.fill('input[name=email]', DEMO_STAFF.carrefourVilleray);
      await page.press('input[name=email]', 'Enter');
      await page.waitForURL(/sent/);
      const [mail] = await node.db.query<{ body_text: string }>(`select body_text from mail_outbox where recipient = $1 order by created_at desc, id desc limit 1`, [DEMO_STAFF.carrefourVilleray]);
      await page.goto(/(http\S+\/workspace\/sign-in\/link\?token=\S+)/.exec(mail!.body_text)![1]!.replace(/lang=\w+/, `lang=${lang}`));
      await page.click('button[type=submit]');
      await page.waitForURL(/\/workspace\/o\/carrefour-villeray$/);
      const screens = [['', 'org'], ['/team', 'team'], ['/keys', 'keys'], ['/webhooks', 'webhooks'], ['/profile', 'profile'], ['/activity', 'activity'], ['/services', 'services'], ['/services/new', 'service-form'], ['/partnerships', 'partnerships'], [`/projects/${DEMO_PROJECTS.patinoire}/needs/${DEMO_NEEDS.patinoireBandes}/delete`, 'need-delete']] as const;
      for (const [path, name] of screens) {
        await page.goto(`${node.url}/workspace/o/carrefour-villeray${path}`);
        await accessible(page, `${name} (${lang})`);
        await page.setViewportSize({ width: 1280, height: 900 });
        await v.screenshot(`workspace-${name}`);
      }
      // A form with its errors: the summary and each field's message.
      await page.goto(`${node.url}/workspace/o/carrefour-villeray/team`);
      await page.fill('input[name=email]', 'pas une adresse');
      await page.click('form.ws-form button[type=submit]');
      await page.waitForSelector('.ws-error-summary');
      await accessible(page, `team with errors (${lang})`);
      await v.screenshot('workspace-team-errors');
      assert.deepEqual(v.errors, []);
    } finally {
      await v.close();
    }
  }
});
