// The node's own pages as a newcomer opens them: the home page, the elements bundle, the embed
// builder with the node's real data, and the snippet it gives working on another origin.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_NEEDS } from '../packages/server/src/seed/demo-ids.ts';
import { launch, visit, type Lang } from './support/browser.ts';
import { hostPage } from './support/host-page.ts';
import { startStack, type Stack } from './support/stack.ts';

let stack: Stack;
let browser: Browser;
before(async () => {
  [stack, browser] = await Promise.all([startStack(), launch()]);
});
after(async () => {
  await browser?.close();
  await stack?.close();
});

test('the elements bundle is served to any origin as JavaScript, revalidated by ETag', async () => {
  const res = await fetch(`${stack.node.url}/elements/perron.js`, { headers: { origin: 'https://example.org' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.match(res.headers.get('cache-control') ?? '', /max-age=\d+/);
  const again = await fetch(`${stack.node.url}/elements/perron.js`, { headers: { 'if-none-match': res.headers.get('etag')! } });
  assert.equal(again.status, 304);
  const missing = await fetch(`${stack.node.url}/elements/nothing-here.js`);
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('content-type'), 'application/problem+json');
  const escape = await fetch(`${stack.node.url}/elements/%2e%2e/package.json`);
  assert.equal(escape.status, 404);
});

const HOME = {
  fr: { heading: 'Perron — un nœud', embed: 'Générateur d’intégration', other: 'English' },
  en: { heading: 'Perron — a node', embed: 'Embed builder', other: 'Français' },
} as const;

const BUILDER = {
  fr: {
    title: 'Générateur d’intégration',
    list: 'Liste de projets',
    community: 'Communauté',
    project: 'Projet',
    english: 'English',
    accent: 'Couleur principale (boutons, liens)',
    copy: 'Copier le code',
    copied: 'Code copié.',
    snippet: 'Le code à copier',
    reserve: 'Hauteur à garder pendant le chargement (px)',
    needs: 'Liste des besoins',
    suggest: 'Suggérer aussi les services d’autres organismes qui peuvent répondre à ces besoins',
  },
  en: {
    title: 'Embed builder',
    list: 'Project list',
    community: 'Community',
    project: 'Project',
    english: 'English',
    accent: 'Main colour (buttons, links)',
    copy: 'Copy the code',
    copied: 'Code copied.',
    snippet: 'The code to copy',
    reserve: 'Height to keep while it loads (px)',
    needs: 'Needs list',
    suggest: "Also suggest other organizations' services that can answer these needs",
  },
} as const;

for (const lang of ['fr', 'en'] as Lang[]) {
  describe(`the node's pages (${lang})`, () => {
    test('the home page links to the example sites, the builder, the API and the mailbox', async () => {
      const v = await visit(browser, lang);
      try {
        await v.page.goto(`${stack.node.url}/`);
        await v.page.getByRole('heading', { level: 1, name: HOME[lang].heading }).waitFor();
        const hrefs = await v.page.locator('main a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
        for (const expected of [
          `${stack.examples.url}/community-site/`,
          `${stack.examples.url}/community-site/en.html`,
          `${stack.examples.url}/caisse-showcase/`,
          `${stack.examples.url}/caisse-showcase/en.html`,
          `${stack.node.url}/v1/openapi.json`,
          `${stack.node.url}/.well-known/perron.json`,
          `${stack.node.url}/dev/mail`,
        ]) {
          assert.ok(hrefs.includes(expected), `${expected} in ${hrefs.join(' ')}`);
        }
        await v.page.getByRole('link', { name: new RegExp(`^${HOME[lang].embed}`) }).click();
        await v.page.getByRole('heading', { level: 1, name: HOME[lang].embed }).waitFor();
        await v.screenshot('home');
        assert.deepEqual(v.errors, []);
      } finally {
        await v.close();
      }
    });

    test('the embed builder: a needs list that also suggests other organizations’ services', async () => {
      const t = BUILDER[lang];
      const v = await visit(browser, lang);
      const { page } = v;
      try {
        await page.goto(`${stack.node.url}/embed?lang=${lang}`);
        await page.getByRole('radio', { name: t.needs }).check();
        const suggest = page.getByRole('checkbox', { name: t.suggest });
        assert.equal(await suggest.isChecked(), false, 'off unless asked for');
        await page.locator('#project option').first().waitFor({ state: 'attached' });
        await suggest.check();
        const snippet = await page.getByRole('textbox', { name: t.snippet }).inputValue();
        assert.match(snippet, /<perron-needs-list project="[^"]+" suggest-services lang="(fr|en)"/);
        // The preview asks the directory, and says what it found under the needs or at the list's end.
        const preview = page.locator('#preview perron-needs-list[suggest-services]');
        await page.waitForFunction(() => !!document.querySelector('#preview perron-needs-list')?.shadowRoot?.querySelector('[part~="services"], [part~="services-status"]'));
        assert.equal(await preview.count(), 1);
        // Hidden with the other elements' fields.
        await page.getByRole('radio', { name: t.list }).check();
        assert.equal(await suggest.isVisible(), false);
        assert.doesNotMatch(await page.getByRole('textbox', { name: t.snippet }).inputValue(), /suggest-services/);
        assert.deepEqual(v.errors, []);
      } finally {
        await v.close();
      }
    });

    test('the embed builder, by keyboard: a project list of a community, in English, in our colour, copied and pasted elsewhere', async () => {
      const t = BUILDER[lang];
      const v = await visit(browser, lang);
      await v.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.node.url });
      const { page } = v;
      try {
        await page.goto(`${stack.node.url}/embed?lang=${lang}`);
        await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
        // The node's real communities fill the picker.
        const villeray = (await (await fetch(`${stack.node.url}/v1/communities`)).json()).items.find((c: { slug: string }) => c.slug === 'villeray-saint-michel-parc-extension');
        const communityName = lang === 'en' && villeray.name.en ? villeray.name.en : villeray.name.fr;
        await page.locator('#community option', { hasText: communityName }).waitFor({ state: 'attached' });

        // Keyboard only: the first element is chosen; the arrow moves to the project list.
        await page.getByRole('radio', { checked: true }).first().focus();
        await page.keyboard.press('ArrowDown');
        assert.equal(await page.getByRole('radio', { name: t.list }).isChecked(), true);
        assert.equal(await page.getByLabel(t.project, { exact: true }).isVisible(), false);
        await page.getByLabel(t.community, { exact: true }).focus();
        await page.getByLabel(t.community, { exact: true }).selectOption({ label: communityName });
        await page.getByRole('radio', { name: t.english }).check();
        await page.getByLabel(t.accent).fill('#aa3300');

        // The live preview is the real element with the node's data.
        const preview = page.locator('#preview perron-project-list');
        await preview.getByRole('button', { name: /Henri-Julien/ }).first().waitFor();

        // The room to keep is measured on the preview, a little under its height, and goes into the snippet.
        const reserve = page.getByLabel(t.reserve);
        await page.waitForFunction(() => Number((document.getElementById('reserve') as HTMLInputElement).value) > 0);
        const kept = Number(await reserve.inputValue());
        const height = await preview.evaluate((e) => e.getBoundingClientRect().height);
        assert.ok(kept <= height && kept >= height * 0.9 - 10, `keeps ${kept} px of the preview's ${height}`);
        const snippet = await page.getByRole('textbox', { name: t.snippet }).inputValue();
        // The list's first answers and the English words asked while the script loads (checked below, on a pasted page), then the script.
        assert.match(snippet, new RegExp(`^(<link rel="preload" as="fetch" crossorigin href="[^"]+">\n)+<link rel="modulepreload" href="${stack.node.url}/elements/en-CA.js">\n<script type="module" src="${stack.node.url}/elements/perron.js"></script>\n`));
        assert.ok(
          snippet.includes(`<perron-project-list community="villeray-saint-michel-parc-extension" lang="en" style="--perron-accent: #aa3300; --perron-loading-height: ${kept}px; min-height: ${kept}px">`),
          snippet,
        );
        assert.match(snippet, /\n {2}<a href="[^"]+">[^<]+<\/a>\n<\/perron-project-list>$/);
        await v.screenshot('embed-builder');

        // A height typed by hand stays; emptied, nothing is kept.
        await reserve.fill('300');
        assert.match(await page.getByRole('textbox', { name: t.snippet }).inputValue(), /--perron-loading-height: 300px; min-height: 300px">/);
        await reserve.fill('');
        assert.match(await page.getByRole('textbox', { name: t.snippet }).inputValue(), /style="--perron-accent: #aa3300">/);
        await reserve.fill(String(kept));

        await page.getByRole('button', { name: t.copy }).press('Enter');
        await page.getByRole('status').filter({ hasText: t.copied }).waitFor();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(copied, snippet);

        // Pasted into a page of another site, with nothing else, it shows the same projects.
        const host = await hostPage(`<!doctype html><html lang="en"><title>Pasted</title><h1>Pasted</h1>${copied}</html>`);
        try {
          await page.goto(host.url);
          await page.locator('perron-project-list').getByRole('button', { name: /Henri-Julien/ }).first().waitFor();
          // It kept its room from the start, and its data took at least that.
          assert.equal(await page.locator('perron-project-list').evaluate((e) => getComputedStyle(e).minHeight), `${kept}px`);
          assert.ok((await page.locator('perron-project-list').evaluate((e) => e.getBoundingClientRect().height)) >= kept);
        } finally {
          await host.close();
        }
        assert.deepEqual(v.errors, []);
      } finally {
        await v.close();
      }
    });
  });
}

/** What the builder is given, what its snippet must preload, and what the pasted element then shows. */
interface PreloadCase {
  element: string;
  choose: [field: string, value: string][];
  preloads: string[];
  /** The parts of perron.js the snippet asks for beside it (`modulepreload`). */
  modules?: string[];
  /** The snippet's language, when not French. */
  english?: boolean;
  shows(page: Page): Promise<void>;
  /** How the tag itself starts, where it matters. */
  tag?: string;
}
const PRELOAD_CASES: PreloadCase[] = [
  {
    element: 'Fiche de projet',
    choose: [['project', 'prj_patinoire-ruelle']],
    preloads: ['/v1/projects/prj_patinoire-ruelle', '/v1/communities'],
    async shows(page) {
      await page.locator('perron-project-card').getByRole('heading', { name: /Henri-Julien/ }).waitFor();
      await page.locator('perron-project-card').getByText(/Villeray/).first().waitFor();
    },
  },
  {
    // One need: the tag names its project too, so that the form reads the project alone, not the need then its project.
    element: 'Formulaire d’engagement',
    choose: [['project', 'prj_patinoire-ruelle'], ['need', DEMO_NEEDS.patinoireBandes]],
    preloads: ['/v1/projects/prj_patinoire-ruelle'],
    modules: ['/elements/forms.js'],
    tag: `<perron-pledge-form project="prj_patinoire-ruelle" need="${DEMO_NEEDS.patinoireBandes}" lang="fr"`,
    async shows(page) {
      const form = page.locator('perron-pledge-form');
      await form.getByRole('button', { name: /engage/i }).waitFor();
      assert.equal(await form.getByRole('combobox').count(), 0, 'no choice of need');
      await form.getByText(/Planches de bande/).first().waitFor();
    },
  },
  {
    element: 'Liste de projets',
    choose: [['community', 'villeray-saint-michel-parc-extension']],
    preloads: ['/v1/projects?community=villeray-saint-michel-parc-extension&limit=6&status=published', '/v1/communities'],
    shows: (page) => page.locator('perron-project-list').getByText(/Henri-Julien/).first().waitFor(),
  },
  {
    // In English, the words too: perron.js would fetch them only once it has run.
    element: 'Fiche de projet',
    english: true,
    choose: [['project', 'prj_patinoire-ruelle']],
    preloads: ['/v1/projects/prj_patinoire-ruelle', '/v1/communities'],
    modules: ['/elements/en-CA.js'],
    tag: '<perron-project-card project="prj_patinoire-ruelle" lang="en"',
    async shows(page) {
      await page.locator('perron-project-card').getByRole('heading', { name: /Henri-Julien/ }).waitFor();
      await page.locator('perron-project-card').getByText(/Open to contributions|Needs so far|I support this project/).first().waitFor();
    },
  },
  {
    element: 'Vote d’idée',
    choose: [['idea', 'contest:contest_budget-participatif-hochelaga']],
    preloads: ['/v1/contests/contest_budget-participatif-hochelaga', '/v1/ideas?contest=contest_budget-participatif-hochelaga&limit=50&sort=support'],
    shows: (page) => page.locator('perron-idea-vote').getByText(/Budget participatif/).first().waitFor(),
  },
];

for (const c of PRELOAD_CASES) {
  test(`the builder's snippet for a ${c.element}${c.english ? ' in English' : ''} asks for its first answers while the script loads, and the pasted element asks nothing else`, async () => {
    const v = await visit(browser, 'fr');
    try {
      const { page } = v;
      await page.goto(`${stack.node.url}/embed?lang=fr`);
      await page.getByRole('radio', { name: c.element }).check();
      for (const [field, value] of c.choose) {
        await page.locator(`#builder #${field} option[value="${value}"]`).waitFor({ state: 'attached' });
        await page.locator(`#builder #${field}`).selectOption(value);
      }
      if (c.english) await page.getByRole('radio', { name: BUILDER.fr.english }).check();
      const snippet = await page.getByRole('textbox', { name: BUILDER.fr.snippet }).inputValue();
      const lines = snippet.split('\n');
      const preloads = c.preloads.map((path) => `${stack.node.url}${path}`);
      const modules = (c.modules ?? []).map((path) => `${stack.node.url}${path}`);
      const head = preloads.length + modules.length + 1;
      assert.deepEqual(lines.slice(0, head), [
        ...preloads.map((url) => `<link rel="preload" as="fetch" crossorigin href="${url.replaceAll('&', '&amp;')}">`),
        ...modules.map((url) => `<link rel="modulepreload" href="${url}">`),
        `<script type="module" src="${stack.node.url}/elements/perron.js"></script>`,
      ]);
      // Then the room it keeps, once the preview has measured it.
      if (c.tag) assert.ok(lines[head]!.startsWith(c.tag), lines[head]);

      // Leave the builder first: its live preview may still be asking (in English, once its words came).
      await page.goto('about:blank');
      const asked: string[] = [];
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.url().startsWith(`${stack.node.url}/v1/`)) asked.push(r.url());
        if (r.url().startsWith(`${stack.node.url}/elements/`)) scripts.push(r.url());
      });
      const host = await hostPage(`<!doctype html><html lang="fr"><title>Collé</title><h1>Collé</h1>${snippet}</html>`);
      try {
        await page.goto(host.url);
        await c.shows(page);
        await page.waitForLoadState('networkidle');
      } finally {
        await host.close();
      }
      // Nothing but what the page preloaded, each once: a preload whose URL differed from the
      // element's own request would show here as a second request.
      assert.deepEqual([...asked].sort(), [...preloads].sort());
      // Each part asked beside the script is the module perron.js imports, not a second copy of it.
      for (const url of modules) assert.equal(scripts.filter((s) => s === url).length, 1, `${url} asked once: ${scripts.join(' ')}`);
      assert.deepEqual(v.errors, []);
    } finally {
      await v.close();
    }
  });
}
