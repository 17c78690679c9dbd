// A citizen on the organization's own site (another origin than the node) pledges time,
// materials and money; the organization sees who, through its API key; nothing is lost on reload.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { consentNotice } from '@perron/contract';
import type { Browser, Page } from 'playwright-core';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../packages/server/src/seed/demo-ids.ts';
import { launch, visit, type Lang } from './support/browser.ts';
import { asOrganization, cardRatio, communitySite, confirmPledgeByEmail, publicJson } from './support/site.ts';
import { startStack, type Stack } from './support/stack.ts';
import { literally, wording } from './support/text.ts';

let browser: Browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

const HUMAN_ROW = 0;

for (const lang of ['fr', 'en'] as Lang[]) {
  describe(`pledging on the organization's site (${lang})`, () => {
    const { t, f } = wording(lang);
    let stack: Stack;
    before(async () => (stack = await startStack()));
    after(() => stack?.close());

    const need = (id: string) => publicJson(stack, `/v1/needs/${id}`);
    const pledgesTo = async (id: string) => (await asOrganization(stack, DEMO_KEYS.carrefourVilleray, `/v1/pledges?need=${id}`)).items;
    const title = (n: { title: { fr: string; en?: string } }) => (lang === 'en' && n.title.en) || n.title.fr;
    const hours = (n: number) => t.needs.hours(n, f);
    const progressOf = (page: Page, needTitle: string) =>
      page.locator('perron-needs-list [part="need"]').filter({ has: page.getByRole('heading', { name: needTitle, exact: true }) }).locator('[part="progress"]');

    test('3 hours to a human need through the card’s Contribuer dialog, by keyboard: held until the emailed link is followed, then the list and the card rise, the organization sees the contact', async () => {
      const before = await need(DEMO_NEEDS.patinoireArrosage);
      const project = await publicJson(stack, `/v1/projects/${DEMO_PROJECTS.patinoire}`);
      const v = await visit(browser, lang);
      const { page } = v;
      try {
        await page.goto(communitySite(stack, lang));
        const progress = progressOf(page, title(before));
        await progress.filter({ hasText: literally(t.needs.of(hours(before.pledged), hours(before.wanted))) }).waitFor();
        // Under the needs, the services of the node's directory it suggests for them (what its API answers), each a link.
        const suggested = await publicJson(stack, `/v1/service-suggestions?project=${DEMO_PROJECTS.patinoire}&lang=${lang}`);
        const services = suggested.needs.flatMap((n: { services: { name: string; url: string | null }[] }) => n.services);
        assert.ok(services.length > 0, 'the demo suggests services for the rink');
        const list = page.locator('perron-needs-list');
        for (const s of services) assert.equal(await list.getByRole('link', { name: s.name, exact: true }).getAttribute('href'), s.url);
        assert.equal(await list.getByRole('heading', { name: t.suggestions.title, exact: true }).count(), suggested.needs.filter((n: { services: unknown[] }) => n.services.length).length);
        const cardBefore = await cardRatio(page, HUMAN_ROW);
        assert.ok(Math.abs(cardBefore - before.pledged / before.wanted) < 0.01, `card shows ${cardBefore}`);

        // "Contribuer" on the card opens the needs in place, over the organization's page.
        const contribute = page.locator('perron-project-card').getByRole('button', { name: t.project.contributeTo(title(project)) });
        await contribute.focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', { name: t.project.contributeTo(title(project)) });
        await dialog.waitFor();
        await v.screenshot('pledge-dialog');
        const help = dialog.getByRole('button', { name: t.needs.helpWith(title(before)) });
        await help.focus();
        await page.keyboard.press('Enter');
        const form = dialog.locator('perron-pledge-form');
        await form.getByLabel(t.pledge.quantity.hours).fill('3');
        await form.getByLabel(t.pledge.name).fill('Ginette Lafleur');
        await form.getByLabel(t.pledge.email).fill(`ginette.${lang}@example.org`);
        await form.getByLabel(consentNotice.shareWithOrganizers[lang]).focus();
        await page.keyboard.press('Space');
        await form.getByRole('button', { name: t.pledge.submit }).focus();
        await page.keyboard.press('Enter');
        await form.getByRole('heading', { name: t.pledge.thanks('Ginette Lafleur') }).waitFor();
        // The last step is said where the person looks: follow the emailed link before the hold ends.
        await form.locator('[part~="check-email"]').filter({ hasText: `ginette.${lang}@example.org` }).waitFor();
        await v.screenshot('pledge-check-email');
        // Escape closes the dialog, and the person is back on the button they pressed.
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        assert.equal(await contribute.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement), true);
        assert.equal(await page.evaluate(() => location.pathname.includes('community-site')), true, 'never left the page');
        // Held, not counted: the list and the card on the page do not move.
        assert.equal((await need(DEMO_NEEDS.patinoireArrosage)).pledged, before.pledged);
        await progress.filter({ hasText: literally(t.needs.of(hours(before.pledged), hours(before.wanted))) }).waitFor();
        assert.ok(Math.abs((await cardRatio(page, HUMAN_ROW)) - cardBefore) < 0.01);

        await confirmPledgeByEmail(page, stack, `ginette.${lang}@example.org`, lang);
        await v.screenshot('pledge-confirmed');

        // Back on the organization's site: counted, in the list and on the card.
        await page.goto(communitySite(stack, lang));
        await progress.filter({ hasText: literally(t.needs.of(hours(before.pledged + 3), hours(before.wanted))) }).waitFor();
        const expected = (before.pledged + 3) / before.wanted;
        await page.waitForFunction(
          ([row, want]) => {
            const card = document.querySelector('perron-project-card')?.shadowRoot;
            const bar = card?.querySelectorAll<HTMLElement>('[part~="progress"] .bar > span')[row];
            return !!bar && Math.abs(Number(bar.style.getPropertyValue('--ratio')) - want) < 0.01;
          },
          [HUMAN_ROW, expected] as const,
        );
        await v.screenshot('pledge-hours');

        const [pledge, ...others] = (await pledgesTo(DEMO_NEEDS.patinoireArrosage)).filter((p: { contact: { email: string } | null }) => p.contact?.email === `ginette.${lang}@example.org`);
        assert.equal(others.length, 0, 'one pledge, never two');
        assert.equal(pledge.quantity, 3);
        assert.equal(pledge.projectId, DEMO_PROJECTS.patinoire);
        assert.deepEqual(pledge.contact, { name: 'Ginette Lafleur', email: `ginette.${lang}@example.org` });
        assert.equal(pledge.lang, lang);
        assert.equal((await need(DEMO_NEEDS.patinoireArrosage)).pledged, before.pledged + 3);

        // Stored: a reload (a new visit) shows it on the list and on the card.
        await page.reload();
        await progress.filter({ hasText: literally(t.needs.of(hours(before.pledged + 3), hours(before.wanted))) }).waitFor();
        assert.ok(Math.abs((await cardRatio(page, HUMAN_ROW)) - expected) < 0.01);
        assert.deepEqual(v.errors, []);
      } finally {
        await v.close();
      }
    });

    test('materials, then money: nothing is sent until the consent is ticked, and the stored consent is what was ticked', async () => {
      const planks = await need(DEMO_NEEDS.patinoireBandes);
      const money = await need(DEMO_NEEDS.patinoireFonds);
      const email = `marc.${lang}@example.org`;
      const v = await visit(browser, lang);
      const { page } = v;
      const form = page.locator('perron-pledge-form').first();
      const share = form.getByLabel(consentNotice.shareWithOrganizers[lang]);
      const updates = form.getByLabel(consentNotice.updates[lang]);
      try {
        await page.goto(communitySite(stack, lang));
        await form.getByLabel(t.pledge.chooseNeed).selectOption({ label: title(planks) });
        await form.getByLabel(t.pledge.quantity.material((lang === 'en' && planks.unit.en) || planks.unit.fr)).fill('4');
        await form.getByLabel(t.pledge.name).fill('Marc Girard');
        await form.getByLabel(t.pledge.email).fill(email);
        assert.equal(await share.isChecked(), false, 'unchecked by default');
        assert.equal(await updates.isChecked(), false, 'unchecked by default');
        await form.getByRole('button', { name: t.pledge.submit }).click();

        // Refused in the page, with the reason tied to the box, and nothing typed is lost.
        await form.getByRole('alert').filter({ hasText: t.pledge.errors.summary(1) }).waitFor();
        assert.equal(await share.getAttribute('aria-invalid'), 'true');
        assert.match((await share.evaluate((el) => el.getAttribute('aria-describedby'))) ?? '', /error/);
        await form.getByText(t.pledge.errors.consent).waitFor();
        assert.equal(await form.getByLabel(t.pledge.name).inputValue(), 'Marc Girard');
        assert.equal((await need(DEMO_NEEDS.patinoireBandes)).pledgeCount, planks.pledgeCount, 'nothing reached the node');
        await v.screenshot('pledge-consent-missing');

        await share.check();
        await form.getByRole('button', { name: t.pledge.submit }).click();
        await form.getByRole('heading', { name: t.pledge.thanks('Marc Girard') }).waitFor();
        await confirmPledgeByEmail(page, stack, email, lang);

        // Money, with both boxes ticked this time.
        await page.goto(communitySite(stack, lang));
        await form.getByLabel(t.pledge.chooseNeed).selectOption({ label: title(money) });
        await form.getByLabel(t.pledge.quantity.financial).fill('25');
        await form.getByLabel(t.pledge.name).fill('Marc Girard');
        await form.getByLabel(t.pledge.email).fill(email);
        await share.check();
        await updates.check();
        await form.getByRole('button', { name: t.pledge.submit }).click();
        await form.getByRole('heading', { name: t.pledge.thanks('Marc Girard') }).waitFor();
        await v.screenshot('pledge-money');
        await confirmPledgeByEmail(page, stack, email, lang);

        const mine = async (id: string) => (await pledgesTo(id)).filter((p: { contact: { email: string } | null }) => p.contact?.email === email);
        const [material] = await mine(DEMO_NEEDS.patinoireBandes);
        assert.equal(material.quantity, 4);
        assert.deepEqual({ ...material.consent, at: undefined }, { version: consentNotice.version, shareWithOrganizers: true, updates: false, at: undefined });
        const [gift] = await mine(DEMO_NEEDS.patinoireFonds);
        assert.equal(gift.quantity, 2500, '25 $ in cents');
        assert.deepEqual({ ...gift.consent, at: undefined }, { version: consentNotice.version, shareWithOrganizers: true, updates: true, at: undefined });
        assert.equal((await need(DEMO_NEEDS.patinoireFonds)).pledged, money.pledged + 2500);
        assert.deepEqual(v.errors, []);
      } finally {
        await v.close();
      }
    });
  });
}
