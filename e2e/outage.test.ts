// The node goes down while a resident is on the organization's site: the elements say so and offer
// to try again, the host page keeps working, and once the node is back a retry succeeds, with
// nothing typed lost and nothing counted twice.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { consentNotice } from '@perron/contract';
import type { Browser } from 'playwright-core';
import { DEMO_KEYS, DEMO_NEEDS } from '../packages/server/src/seed/demo-ids.ts';
import { launch, visit, type Lang } from './support/browser.ts';
import { asOrganization, communitySite, confirmPledgeByEmail, publicJson } from './support/site.ts';
import { startStack, type Stack } from './support/stack.ts';
import { wording } from './support/text.ts';

let browser: Browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

for (const lang of ['fr', 'en'] as Lang[]) {
  describe(`the node stops mid-visit (${lang})`, () => {
    const { t } = wording(lang);
    let stack: Stack;
    before(async () => (stack = await startStack({ persistent: true })));
    after(() => stack?.close());

    test('error states with retry, no uncaught error, and after a restart the retry and the same pledge succeed once', async () => {
      const need = await publicJson(stack, `/v1/needs/${DEMO_NEEDS.patinoireArrosage}`);
      const needTitle = (lang === 'en' && need.title.en) || need.title.fr;
      const email = `denise.${lang}@example.org`;
      const v = await visit(browser, lang);
      const { page } = v;
      const calendar = page.locator('perron-event-calendar');
      const form = page.locator('#aider perron-pledge-form, #help perron-pledge-form');
      try {
        await page.goto(communitySite(stack, lang));
        await form.getByLabel(t.pledge.chooseNeed).selectOption({ label: needTitle });
        await form.getByLabel(t.pledge.quantity.hours).fill('2');
        await form.getByLabel(t.pledge.name).fill('Denise Paquette');
        await form.getByLabel(t.pledge.email).fill(email);
        await form.getByLabel(consentNotice.shareWithOrganizers[lang]).check();
        await calendar.getByRole('grid').waitFor();

        await stack.stopNode();

        // Reading: the next month can't load; the calendar says so and offers to try again.
        await calendar.getByRole('button', { name: t.calendar.next }).click();
        const failed = calendar.getByRole('alert').filter({ hasText: t.loadError });
        await failed.waitFor({ timeout: 15_000 });
        // Writing: the pledge isn't sent, and what was typed stays.
        await form.getByRole('button', { name: t.pledge.submit }).click();
        await form.getByRole('alert').filter({ hasText: t.pledge.errors.failed }).waitFor({ timeout: 15_000 });
        assert.equal(await form.getByLabel(t.pledge.quantity.hours).inputValue(), '2');
        assert.equal(await form.getByLabel(t.pledge.email).inputValue(), email);
        // The host page itself still works.
        await page.getByRole('link', { name: lang === 'fr' ? 'Vos idées' : 'Your ideas' }).click();
        assert.match(page.url(), /#(idees|ideas)$/);
        await v.screenshot('outage-error');

        await stack.restartNode();

        await failed.getByRole('button', { name: t.retry }).click();
        await calendar.getByRole('grid').and(calendar.locator('[aria-busy="false"]')).waitFor();
        assert.equal(await calendar.getByRole('alert').count(), 0);
        await form.getByRole('button', { name: t.pledge.submit }).click();
        await form.getByRole('heading', { name: t.pledge.thanks('Denise Paquette') }).waitFor();
        await v.screenshot('outage-recovered');
        assert.deepEqual(v.errors, [], 'no uncaught error on the host page');
        await confirmPledgeByEmail(page, stack, email, lang);

        const mine = (await asOrganization(stack, DEMO_KEYS.carrefourVilleray, `/v1/pledges?need=${need.id}`)).items.filter(
          (p: { contact: { email: string } | null }) => p.contact?.email === email,
        );
        assert.equal(mine.length, 1, 'recorded once');
        assert.equal((await publicJson(stack, `/v1/needs/${need.id}`)).pledged, need.pledged + 2);
      } finally {
        await v.close();
      }
    });
  });
}
