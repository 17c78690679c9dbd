// A caisse's page shows what it supports: only the projects of which it accepted the partnership,
// and what the neighbourhood gave them (perron-impact), in French and in English, as the node's
// API answers; accessible, reflowing at 320 px, readable in forced colours. The community site
// shows its neighbourhood's impact the same way.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Impact } from '@perron/contract';
import type { Browser, Page } from 'playwright-core';
import { launch, visit, type Lang } from './support/browser.ts';
import { communitySite, publicJson } from './support/site.ts';
import { startStack, type Stack } from './support/stack.ts';
import { wording } from './support/text.ts';
import { accessible } from './support/workspace.ts';

const PARTNER = 'caisse-du-centre';
let stack: Stack;
let browser: Browser;
before(async () => {
  [stack, browser] = await Promise.all([startStack(), launch()]);
});
after(async () => {
  await browser?.close();
  await stack?.close();
});

/** Each figure as shown: its term and its value, read from the element's description list. */
const figuresShown = (page: Page) =>
  page.locator('perron-impact [part~="figure"]').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('dd')!.textContent!.replace(/[ \n\t]+/g, ' ').trim()]));

/** The figures as the page should show them: the API's counts, formatted for its language. */
function figuresOf(impact: Impact, lang: Lang) {
  const { t, f } = wording(lang);
  return [
    [t.impact.volunteers, f.number(impact.volunteers)],
    [t.impact.hours, f.number(impact.hours)],
    [t.impact.materials, `${f.number(impact.materials.pledges)} (${t.impact.items(impact.materials.items, f.number(impact.materials.items))})`],
    [t.impact.money, f.money(impact.money.cents)],
    [t.impact.completed, f.number(impact.projectsCompleted)],
  ];
}

describe("the caisse's showcase", () => {
  for (const lang of ['fr', 'en'] as Lang[]) {
    test(`(${lang}) lists only its partner's projects and shows its impact as the API answers`, async () => {
      const { f } = wording(lang);
      const [impact, supported, all] = await Promise.all([
        publicJson<Impact>(stack, `/v1/impact?partner=${PARTNER}`),
        publicJson(stack, `/v1/projects?partner=${PARTNER}&limit=100`),
        publicJson(stack, '/v1/projects?limit=100'),
      ]);
      // The demo gives the caisse something in every category, and other projects it does not support.
      for (const n of [impact.volunteers, impact.hours, impact.materials.pledges, impact.money.cents, impact.projectsCompleted]) assert.ok(n > 0, JSON.stringify(impact));
      assert.ok(all.items.length > supported.items.length && supported.items.length > 0);

      const v = await visit(browser, lang);
      const { page } = v;
      try {
        await page.goto(`${stack.examples.url}/caisse-showcase/${lang === 'en' ? 'en.html' : ''}`);
        assert.equal(await page.locator('html').getAttribute('lang'), lang === 'fr' ? 'fr-CA' : 'en-CA');
        const other = page.locator(`nav a[hreflang="${lang === 'fr' ? 'en' : 'fr'}"]`);
        assert.equal(await other.getAttribute('href'), lang === 'fr' ? 'en.html' : './');

        // The projects: exactly the partner's, in the API's order.
        const titles = page.locator('perron-project-list [part~="title"]');
        await titles.first().waitFor();
        const expected = supported.items.map((p: { title: { fr: string; en?: string } }) => (lang === 'en' && p.title.en) || p.title.fr);
        assert.deepEqual((await titles.allTextContents()).map((s) => s.trim()), expected);

        // The impact: each figure as the API counts it, formatted for the page's language.
        await page.locator('perron-impact [part~="figures"]').waitFor();
        assert.deepEqual(await figuresShown(page), figuresOf(impact, lang));
        // Screen readers get each month's contributions from the chart's table.
        const rows = await page.locator('perron-impact figure tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[1]!.textContent!.trim()));
        assert.deepEqual(rows, impact.months.map((m) => f.number(m.pledges)));
        await v.screenshot('caisse-showcase-wide');

        await accessible(page, `the caisse's page (${lang})`);
        for (const width of [320, 360]) {
          await page.setViewportSize({ width, height: 900 });
          assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, `no sideways scroll at ${width}px`);
        }
        await v.screenshot('caisse-showcase-narrow');

        if (lang === 'fr') {
          // Forced colours: the bars keep a system colour of their own, so the chart still reads.
          await page.emulateMedia({ forcedColors: 'active' });
          await page.setViewportSize({ width: 1280, height: 900 });
          const bar = await page.locator('perron-impact [part~="bar"]').last().evaluate((b) => {
            const s = getComputedStyle(b);
            return { adjust: s.forcedColorAdjust, background: s.backgroundColor, height: b.getBoundingClientRect().height };
          });
          assert.equal(bar.adjust, 'none');
          assert.notEqual(bar.background, 'rgba(0, 0, 0, 0)');
          await page.locator('perron-impact').screenshot({ path: (await v.screenshot('caisse-showcase-forced')).replace('.png', '-impact.png') });
        }
        assert.deepEqual(v.errors, []);
      } finally {
        await v.close();
      }
    });
  }
});

test("the community site shows its neighbourhood's impact as the API answers, accessibly (fr)", async () => {
  const impact = await publicJson<Impact>(stack, '/v1/impact?community=villeray-saint-michel-parc-extension');
  assert.ok(impact.volunteers > 0 && impact.money.cents > 0, JSON.stringify(impact));
  const v = await visit(browser, 'fr');
  try {
    await v.page.goto(communitySite(stack, 'fr'));
    await v.page.locator('perron-impact [part~="figures"]').waitFor();
    assert.deepEqual(await figuresShown(v.page), figuresOf(impact, 'fr'));
    await accessible(v.page, 'the community site');
    assert.deepEqual(v.errors, []);
  } finally {
    await v.close();
  }
});
