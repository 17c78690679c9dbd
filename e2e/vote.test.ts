// A resident supports an idea on the organization's site: the vote counts only once the link in
// the email is followed (the dev mailbox stands in for their inbox), and only once per email.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_IDEAS } from '../packages/server/src/seed/engagement.ts';
import { launch, visit, type Lang } from './support/browser.ts';
import { communitySite, publicJson } from './support/site.ts';
import { startStack, type Stack } from './support/stack.ts';
import { literally, wording } from './support/text.ts';

let browser: Browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

/** What the node's confirmation page says: its own words, read as a person reads them. */
const CONFIRM = {
  fr: { button: 'Confirmer mon appui', done: 'Merci ! Votre appui est compté.' },
  en: { button: 'Confirm my support', done: 'Thank you! Your support counts.' },
} as const;

for (const lang of ['fr', 'en'] as Lang[]) {
  describe(`supporting an idea (${lang})`, () => {
    const { t, f } = wording(lang);
    let stack: Stack;
    before(async () => (stack = await startStack()));
    after(() => stack?.close());

    test('the count waits for the emailed link; a second vote with the same email is refused politely', async () => {
      const idea = await publicJson(stack, `/v1/ideas/${DEMO_IDEAS.patinoireRuelle}`);
      const email = `louise.${lang}@example.org`;
      const count = (n: number) => literally(`${f.number(n)} ${t.idea.supports(n)}`);
      const v = await visit(browser, lang);
      const { page } = v;
      const element = page.locator('perron-idea-vote');
      try {
        await page.goto(communitySite(stack, lang));
        await element.locator('[part="count"]').filter({ hasText: count(idea.supportCount) }).waitFor();

        await element.getByRole('button', { name: t.idea.supportIdea(idea.title) }).click();
        await element.getByLabel(t.idea.email).fill(email);
        await element.getByRole('button', { name: t.idea.send }).click();
        await element.getByRole('status').filter({ hasText: email }).waitFor();
        await v.screenshot('vote-pending');
        assert.equal((await publicJson(stack, `/v1/ideas/${idea.id}`)).supportCount, idea.supportCount, 'not counted before the link is followed');

        // Their mailbox: the node's dev mailbox, in the same browser.
        await page.goto(`${stack.node.url}/dev/mail?lang=${lang}`);
        await page.getByRole('article').filter({ hasText: email }).first().getByRole('link', { name: /\/confirm\// }).click();
        await page.getByRole('button', { name: CONFIRM[lang].button }).click();
        await page.getByText(CONFIRM[lang].done).waitFor();
        await v.screenshot('vote-confirmed');
        assert.equal((await publicJson(stack, `/v1/ideas/${idea.id}`)).supportCount, idea.supportCount + 1);

        // Back on the site: counted, and the same email can't count twice.
        await page.goto(communitySite(stack, lang));
        await element.locator('[part="count"]').filter({ hasText: count(idea.supportCount + 1) }).waitFor();
        await element.getByRole('button', { name: t.idea.supportIdea(idea.title) }).click();
        await element.getByLabel(t.idea.email).fill(email.toUpperCase());
        await element.getByRole('button', { name: t.idea.send }).click();
        await element.getByRole('status').filter({ hasText: t.idea.alreadyVoted }).waitFor();
        await v.screenshot('vote-already');
        assert.equal((await publicJson(stack, `/v1/ideas/${idea.id}`)).supportCount, idea.supportCount + 1);
        assert.deepEqual(v.errors, []);
      } finally {
        await v.close();
      }
    });
  });
}
