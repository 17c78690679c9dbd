// A resident proposes an idea on the organization's own site (another origin, its strict policy),
// confirms it from the email (the dev mailbox stands in for their inbox); the idea shows nowhere
// until the community's curator publishes it in the workspace, keyboard alone; then the site's
// list of ideas shows it, ready for support. French and English; screenshots narrow and wide.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { DEMO_STAFF } from '../packages/server/src/seed/demo-ids.ts';
import { launch, visit, type Lang } from './support/browser.ts';
import { communitySite, publicJson } from './support/site.ts';
import { startStack, type Stack } from './support/stack.ts';
import { wording } from './support/text.ts';
import { accessible, signIn, tabTo } from './support/workspace.ts';

let browser: Browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const WORDS = {
  fr: {
    title: 'Une friperie dans le sous-sol de l’église',
    description: 'Des vêtements d’hiver à petit prix, tenus par les bénévoles du quartier.',
    confirm: 'Envoyer mon idée',
    confirmed: 'Merci ! Votre idée est envoyée.',
    publish: 'Publier l’idée',
    published: 'L’idée est publiée',
  },
  en: {
    title: 'A winter coat swap at the community centre',
    description: 'Warm coats for children, collected and sorted by neighbours.',
    confirm: 'Send my idea',
    confirmed: 'Thank you! Your idea is sent.',
    publish: 'Publish the idea',
    published: 'The idea is published',
  },
} as const;

/** Focus the element's field (in its shadow root) with Tab, and type. */
async function typeIn(page: import('playwright-core').Page, selector: string, text: string) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

for (const lang of ['fr', 'en'] as Lang[]) {
  describe(`proposing an idea (${lang})`, () => {
    const { t } = wording(lang);
    const w = WORDS[lang];
    let stack: Stack;
    before(async () => (stack = await startStack()));
    after(() => stack?.close());

    test('proposed with the form, confirmed by email, published by the curator, listed on the site', async () => {
      const email = `rosa.${lang}@example.org`;
      const v = await visit(browser, lang);
      const { page } = v;
      const form = page.locator('perron-idea-form');
      const list: Locator = page.locator('perron-idea-vote');
      try {
        await page.goto(communitySite(stack, lang));
        await form.getByRole('heading', { name: t.ideaForm.label('Villeray–Saint-Michel–Parc-Extension') }).waitFor();
        await form.scrollIntoViewIfNeeded();
        await v.screenshot('idea-form');

        // Keyboard alone, from the title (reached past the rest of the page) to the button.
        await form.locator('input[name="title"]').focus();
        await page.keyboard.type(w.title);
        await typeIn(page, 'textarea[name="description"]', w.description);
        await typeIn(page, 'input[name="name"]', 'Rosa Diallo');
        await typeIn(page, 'input[name="email"]', email);
        await tabTo(page, 'input[name="shareWithOrganizers"]');
        await page.keyboard.press('Space');
        await tabTo(page, 'button[type="submit"]');
        await page.keyboard.press('Enter');
        await form.getByRole('heading', { name: t.ideaForm.checkEmail }).waitFor();
        assert.ok((await form.locator('[part~="check-email"]').textContent())!.includes(email));
        await v.screenshot('idea-form-sent');
        await page.setViewportSize({ width: 320, height: 900 });
        assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, 'no sideways scroll at 320 px');
        await v.screenshot('idea-form-sent-narrow');
        await page.setViewportSize({ width: 1280, height: 900 });

        // Not listed anywhere before its curator publishes it, confirmed or not.
        const listed = async () => (await publicJson(stack, '/v1/ideas?community=villeray-saint-michel-parc-extension&limit=100')).items.some((i: { title: string }) => i.title === w.title);
        assert.equal(await listed(), false);

        // Their mailbox: the link, then the node's button.
        await page.goto(`${stack.node.url}/dev/mail?lang=${lang}&to=${encodeURIComponent(email)}`);
        await page.getByRole('article').filter({ hasText: email }).first().getByRole('link', { name: /\/confirm\// }).click();
        await page.getByRole('button', { name: w.confirm }).click();
        await page.getByRole('heading', { name: w.confirmed }).waitFor();
        assert.equal(await listed(), false, 'confirmed, it waits for its curator');

        // The curator, keyboard alone, in the same language.
        await signIn(page, stack.node.url, DEMO_STAFF.curator, lang);
        await page.goto(`${stack.node.url}/workspace/c/montreal?lang=${lang}`);
        const card = page.locator('li.ws-card').filter({ has: page.getByRole('heading', { name: w.title }) });
        await card.waitFor();
        await accessible(page, 'the curator queue with an idea');
        await v.screenshot('idea-queue');
        const id = (await card.locator('form[action$="/publish"]').getAttribute('action'))!.split('/').at(-2)!;
        await tabTo(page, `form[action$="/ideas/${id}/publish"] button`);
        await page.keyboard.press('Enter');
        await page.getByText(w.published).waitFor();
        assert.equal(await listed(), true);

        // Back on the site: in the list of ideas, with its support button.
        await page.goto(communitySite(stack, lang));
        const idea = list.locator('[part~="idea"]').filter({ hasText: w.title });
        await idea.waitFor();
        await idea.getByRole('button', { name: t.idea.supportIdea(w.title) }).waitFor();
        await idea.scrollIntoViewIfNeeded();
        await v.screenshot('idea-listed');
        await page.setViewportSize({ width: 320, height: 900 });
        await v.screenshot('idea-listed-narrow');
        assert.deepEqual(v.errors, []);
      } finally {
        await v.close();
      }
    });
  });
}
