// Without JavaScript, the card's fallback link leads to the node's project page, where a person
// pledges with a plain form and is led back to the site they came from. axe on its states.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../packages/server/src/seed/demo-ids.ts';
import { launch, SCREENSHOTS, type Lang } from './support/browser.ts';
import { asOrganization, communitySite } from './support/site.ts';
import { startStack, type Stack } from './support/stack.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const TEXT = {
  fr: { fallback: 'Voir notre projet sur Perron', back: 'Retour à', need: 'Besoin', name: 'Votre nom', email: 'Votre courriel', share: 'J’accepte que mon nom', submit: 'Envoyer mon engagement', shareError: 'Cochez cette case', thanks: /Merci\s!\sDernière étape\s:\svotre courriel/ },
  en: { fallback: 'See our project on Perron', back: 'Back to', need: 'Need', name: 'Your name', email: 'Your email', share: 'I agree that my name', submit: 'Send my pledge', shareError: 'Tick this box', thanks: /Thank you! Last step: your email/ },
} as const;

let stack: Stack;
let browser: Browser;
before(async () => {
  [stack, browser] = await Promise.all([startStack(), launch()]);
});
after(async () => {
  await browser?.close();
  await stack?.close();
});

async function accessible(page: Page, what: string): Promise<void> {
  await page.evaluate(axeSource); // by the debugger, not a <script>: the page's CSP stays as strict as ever
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(o?: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], what);
}

for (const [lang, width] of [['fr', 1280], ['en', 320]] as [Lang, number][]) {
  describe(`the project page without JavaScript (${lang}, ${width} px)`, () => {
    const t = TEXT[lang];

    test('from the card’s fallback link: the project, a refused then accepted pledge, and the way back', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: lang === 'fr' ? 'fr-CA' : 'en-CA', viewport: { width, height: 900 } });
      const page = await context.newPage();
      const email = `sans.script.${lang}@example.org`;
      try {
        await page.goto(communitySite(stack, lang));
        await page.getByRole('link', { name: t.fallback }).click();
        await page.waitForURL(/\/projects\/prj_patinoire-ruelle/);
        const back = page.getByRole('link', { name: `${t.back} ${new URL(stack.examples.url).host}` });
        assert.equal(await back.getAttribute('href'), `${stack.examples.url}/`);
        await page.screenshot({ path: `${SCREENSHOTS}project-page-${lang}-${width}.png`, fullPage: true });

        await page.getByLabel(t.need, { exact: true }).selectOption(DEMO_NEEDS.patinoireBandes);
        await page.getByLabel(lang === 'fr' ? /^Quantité/ : /^Quantity/).fill('2');
        await page.getByLabel(t.name, { exact: true }).fill('Aline Sans-Script');
        await page.getByLabel(t.email, { exact: true }).fill(email);
        await page.getByRole('button', { name: t.submit }).click();
        // Refused in the page's language, at the box, and nothing typed is lost.
        await page.getByText(t.shareError).first().waitFor();
        assert.equal(await page.getByLabel(new RegExp(t.share)).getAttribute('aria-invalid'), 'true');
        assert.equal(await page.getByLabel(t.name, { exact: true }).inputValue(), 'Aline Sans-Script');
        await page.screenshot({ path: `${SCREENSHOTS}project-page-error-${lang}-${width}.png`, fullPage: true });

        await page.getByLabel(new RegExp(t.share)).check();
        await page.getByRole('button', { name: t.submit }).click();
        await page.getByRole('heading', { name: t.thanks }).waitFor();
        await page.screenshot({ path: `${SCREENSHOTS}project-page-thanks-${lang}-${width}.png`, fullPage: true });
        const pledges = (await asOrganization(stack, DEMO_KEYS.carrefourVilleray, `/v1/pledges?need=${DEMO_NEEDS.patinoireBandes}`)).items.filter((p: { contact: { email: string } | null }) => p.contact?.email === email);
        assert.equal(pledges.length, 1);
        assert.equal(pledges[0].status, 'held');
        assert.equal(pledges[0].quantity, 2);
        assert.equal(pledges[0].lang, lang);
        // And back to the organization's site.
        await back.click();
        await page.waitForURL((url) => url.origin === new URL(stack.examples.url).origin);
      } finally {
        await context.close();
      }
    });

    test('axe finds nothing on the page, its errors and its confirmation', async () => {
      const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-CA' : 'en-CA', viewport: { width, height: 900 } });
      const page = await context.newPage();
      try {
        await page.goto(`${stack.node.url}/projects/${DEMO_PROJECTS.patinoire}?lang=${lang}&from=${encodeURIComponent(communitySite(stack, lang))}`);
        await accessible(page, 'the project page');
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'no sideways scroll');
        await page.getByRole('button', { name: t.submit }).click();
        await page.getByText(t.shareError).first().waitFor();
        await accessible(page, 'its errors');
      } finally {
        await context.close();
      }
    });
  });
}
