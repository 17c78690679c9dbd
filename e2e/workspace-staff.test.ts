// The staff's day in Chromium against a real node and the example sites, with the keyboard alone in
// French and once in English: a staff member signs in from the dev mailbox's link, drafts a project
// with an image, the caisse as its funder and three needs, and submits it; the curator signs in and
// approves it; the caisse's staff accept the partnership (nothing shows as the caisse's before
// that); a resident pledges from the caisse's example site (which lists the projects the
// caisse supports) and confirms by email; the pledge is in the inbox and its
// notification in the mailbox; staff confirm it and export the CSV (opened and read: accents,
// dollars, no formula); an event's registrant is in its list and its CSV. axe on each screen at
// 320 and 1280 px; screenshots in test-results/e2e/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CONSENT_VERSION } from '@perron/contract';
import { DEMO_KEYS, DEMO_STAFF } from '../packages/server/src/seed/demo-ids.ts';
import { jpegWithGps } from '../packages/server/test/support/images.ts';
import { launch, visit, type Lang, type Visit } from './support/browser.ts';
import { confirmPledgeByEmail } from './support/site.ts';
import { startStack, type Stack } from './support/stack.ts';
import { wording } from './support/text.ts';
import { accessible, choose, focusedText, signIn, tabTo, typeInto } from './support/workspace.ts';

let stack: Stack;
let browser: Browser;
before(async () => {
  [stack, browser] = await Promise.all([startStack(), launch()]);
});
after(async () => {
  await browser?.close();
  await stack?.close();
});

const ORG = '/workspace/o/carrefour-villeray';
const W = {
  fr: { save: 'Enregistrer le brouillon', submit: 'Soumettre pour révision', addNeed: 'Enregistrer le besoin', approve: 'Approuver et publier', confirm: 'Confirmer', confirmed: 'Engagement confirmé.', status: 'Confirmé', header: 'Date,Statut,Projet,Besoin', newPledge: 'Nouvel engagement' },
  en: { save: 'Save the draft', submit: 'Submit for review', addNeed: 'Save the need', approve: 'Approve and publish', confirm: 'Confirm', confirmed: 'Pledge confirmed.', status: 'Confirmed', header: 'Date,Status,Project,Need', newPledge: 'New pledge' },
} as const;

/** Presses Enter on what has the focus and waits for the page that answers (forms post and redirect). */
const enterAndLoad = (page: Page) => Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);

async function draftProject(v: Visit, lang: Lang, title: string): Promise<string> {
  const { page } = v;
  const w = W[lang];
  await page.goto(`${stack.node.url}${ORG}/projects/new?lang=${lang}`);
  await accessible(page, 'new project');
  await typeInto(page, 'input[name="title.fr"]', title);
  await typeInto(page, 'input[name="title.en"]', `${title} (EN)`);
  await typeInto(page, 'textarea[name="summary.fr"]', 'Des bacs, des vivaces et une corvée de voisins.');
  await choose(page, 'select[name="communities[]"]', 'villeray');
  await tabTo(page, 'input[name="themes[]"][value=environment]');
  await page.keyboard.press('Space');
  // The caisse funds it: its site lists only the projects it supports, where the resident pledges.
  await choose(page, 'select[name="partners.0.organization"]', 'caisse-du-centre');
  await choose(page, 'select[name="partners.0.role"]', 'funder');
  // A file is picked in the system's own dialog, outside the page: it is handed to the input.
  await page.setInputFiles('input[name="image.file"]', { name: 'ruelle.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegWithGps()) });
  await typeInto(page, 'input[name="image.alt.fr"]', 'Une ruelle bordée de bacs');
  await tabTo(page, 'button.ws-primary');
  assert.equal(await focusedText(page), w.save);
  await enterAndLoad(page);
  assert.match(page.url(), /\/projects\/prj_[a-z0-9-]+\?done=draft_saved$/);
  const id = /projects\/(prj_[a-z0-9-]+)/.exec(page.url())![1]!;
  assert.ok(await page.locator('figure.ws-image img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the uploaded image shows');
  assert.match((await page.locator('main').textContent()) ?? '', lang === 'fr' ? /n’a pas encore répondu\s:\sce partenariat n’est pas public/ : /has not answered yet: this partnership is not public/);

  for (const need of [
    { category: 'human', title: 'Bénévoles pour la corvée', wanted: '8', unit: 'people' },
    { category: 'material', title: 'Bacs de plantation', wanted: '12', unitLabel: 'bacs' },
    { category: 'financial', title: 'Vivaces', wanted: '300' },
  ]) {
    await choose(page, 'select[name=category]', need.category);
    await typeInto(page, 'form[action$="/needs"] input[name="title.fr"]', need.title);
    await typeInto(page, 'input[name=wanted]', need.wanted);
    if (need.unit) await choose(page, 'select[name=unit]', need.unit);
    if (need.unitLabel) await typeInto(page, 'input[name="unitLabel.fr"]', need.unitLabel);
    await tabTo(page, 'form[action$="/needs"] button[type=submit]');
    assert.equal(await focusedText(page), w.addNeed);
    await enterAndLoad(page);
    assert.match(page.url(), /done=need_saved/, `the need "${need.title}" is saved`);
  }
  assert.equal(await page.locator('table.ws-table tbody tr').count(), 3);
  await accessible(page, 'project with needs');
  await v.screenshot('workspace-project');
  await tabTo(page, `form[action$="/${id}/submit"] button`);
  assert.equal(await focusedText(page), w.submit);
  await enterAndLoad(page);
  assert.match(page.url(), /done=submitted/);
  return id;
}

async function approve(lang: Lang, id: string): Promise<void> {
  const v = await visit(browser, lang);
  try {
    await signIn(v.page, stack.node.url, DEMO_STAFF.curator, lang);
    await v.page.goto(`${stack.node.url}/workspace/c/montreal?lang=${lang}`);
    await tabTo(v.page, `a[href="/workspace/c/montreal/projects/${id}"]`);
    await enterAndLoad(v.page);
    await tabTo(v.page, 'button.ws-primary');
    assert.equal(await focusedText(v.page), W[lang].approve);
    await enterAndLoad(v.page);
    assert.match(v.page.url(), /done=approved/);
    assert.deepEqual(v.errors, []);
  } finally {
    await v.close();
  }
}

/** The caisse's admin accepts the partnership, with the keyboard: only then does its site list the project. */
async function acceptAsCaisse(lang: Lang, title: string): Promise<void> {
  const v = await visit(browser, lang);
  try {
    await signIn(v.page, stack.node.url, DEMO_STAFF.admin('caisse-du-centre'), lang);
    await v.page.goto(`${stack.node.url}/workspace/o/caisse-du-centre/partnerships?lang=${lang}`);
    await accessible(v.page, 'partnerships');
    await v.screenshot('workspace-partnerships');
    await tabTo(v.page, `button:has(span[aria-label="${lang === 'fr' ? `Accepter le partenariat avec « ${title} »` : `Accept the partnership with “${title}”`}"])`);
    await enterAndLoad(v.page);
    assert.match(v.page.url(), /done=partnership_accepted/);
    assert.deepEqual(v.errors, []);
  } finally {
    await v.close();
  }
}

/**
 * A resident on the caisse's French page, in both runs (the English run's staff, not its residents,
 * are the ones who work in English; e2e/caisse-showcase.test.ts reads the English page): the new
 * project's card, its "Contribuer" dialog, the money need, the form; then the emailed link.
 */
async function pledgeAsResident(title: string, email: string, name: string): Promise<void> {
  const lang = 'fr';
  const { t } = wording(lang);
  const v = await visit(browser, lang);
  const { page } = v;
  try {
    await page.goto(`${stack.examples.url}/caisse-showcase/`);
    await page.getByRole('heading', { name: title }).waitFor();
    await tabTo(page, `button[aria-label="${t.project.contributeTo(title)}"]`, { max: 300 });
    await page.keyboard.press('Enter');
    await tabTo(page, `button[aria-label="${t.needs.helpWith('Vivaces')}"]`);
    await page.keyboard.press('Enter');
    await typeInto(page, 'input[name=quantity]', '45,50');
    await typeInto(page, 'input[name=name]', name);
    await typeInto(page, 'input[name=email]', email);
    await tabTo(page, 'input[name=shareWithOrganizers]');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: t.pledge.thanks(name) }).waitFor();
    await confirmPledgeByEmail(page, stack, email, lang);
    assert.deepEqual(v.errors, []);
  } finally {
    await v.close();
  }
}

for (const lang of ['fr', 'en'] as Lang[]) {
  describe(`a staff member's day (${lang})`, () => {
    const w = W[lang];
    const title = lang === 'fr' ? 'Verdir la ruelle Théodore' : 'Greening Faillon alley';
    const resident = { email: `resident-${lang}@example.org`, name: lang === 'fr' ? 'Éloïse Côté' : '=SUM(1+1)' };

    test('a project drafted with three needs and an image, approved, pledged to, confirmed in the inbox and exported', async () => {
      const v = await visit(browser, lang);
      const { page } = v;
      try {
        await signIn(page, stack.node.url, DEMO_STAFF.carrefourVilleray, lang);
        const id = await draftProject(v, lang, title);
        await approve(lang, id);
        await acceptAsCaisse(lang, lang === 'fr' ? title : `${title} (EN)`);
        await pledgeAsResident(title, resident.email, resident.name);

        // The notification to the organization, then the pledge in the inbox.
        await page.goto(`${stack.node.url}/dev/mail?lang=${lang}&to=${encodeURIComponent(DEMO_STAFF.carrefourVilleray)}`);
        assert.match((await page.locator('main').textContent()) ?? '', new RegExp(`${w.newPledge}\\s*:\\s*${title}`));
        await page.goto(`${stack.node.url}${ORG}/inbox?lang=${lang}`);
        await accessible(page, 'inbox');
        await v.screenshot('workspace-inbox');
        const row = page.locator('tr').filter({ hasText: resident.email });
        assert.match((await row.textContent()) ?? '', /45[,.]50/);
        const action = await row.locator('form:has(button[value=confirmed])').getAttribute('action');
        await tabTo(page, `form[action="${action}"] button[value=confirmed]`);
        await enterAndLoad(page);
        assert.equal(((await page.locator('[role=status]').first().textContent()) ?? '').trim(), w.confirmed);

        // The CSV of the confirmed pledges, downloaded and read.
        await page.goto(`${stack.node.url}${ORG}/inbox?status=confirmed&lang=${lang}`);
        await tabTo(page, 'a[href*="inbox.csv"]');
        const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
        const bytes = readFileSync((await download.path())!);
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
        const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
        assert.ok(csv.startsWith(w.header), csv.slice(0, 80));
        const line = csv.split('\r\n').find((l) => l.includes(resident.email))!;
        // The project's title in the staff's language; the need has its French title only.
        assert.ok(line.includes(`${w.status},${lang === 'fr' ? title : `${title} (EN)`},Vivaces,45.50,$ CAD,`), line);
        assert.ok(line.includes(lang === 'fr' ? 'Éloïse Côté' : "'=SUM(1+1)"), `no formula: ${line}`);
        assert.deepEqual(v.errors, []);
      } finally {
        await v.close();
      }
    });

    test("an event's registrant is in its list and its CSV", async () => {
      const starts = new Date(Date.now() + 9 * 86_400_000);
      const headers = { authorization: `Bearer ${DEMO_KEYS.carrefourVilleray}`, 'content-type': 'application/json' };
      const event = await (
        await fetch(`${stack.node.url}/v1/events`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify({ title: { fr: `Corvée de la ruelle (${lang})`, en: `Alley work bee (${lang})` }, category: 'workshop', community: 'villeray', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 7_200_000).toISOString(), place: { name: 'Ruelle Théodore', address: 'Entre Théodore et Aylwin' }, capacity: 20, registration: true }),
        })
      ).json();
      const registered = await fetch(`${stack.node.url}/v1/events/${event.id}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ contact: { name: 'Noé Gélinas', email: `noe-${lang}@example.org` }, seats: 2, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang }),
      });
      assert.equal(registered.status, 201, await registered.clone().text());
      const v = await visit(browser, lang);
      const { page } = v;
      try {
        await signIn(page, stack.node.url, DEMO_STAFF.carrefourEditor, lang);
        await page.goto(`${stack.node.url}${ORG}/events?lang=${lang}`);
        await accessible(page, 'events');
        await v.screenshot('workspace-events');
        await tabTo(page, `a[href="${ORG}/events/${event.id}"]`);
        await enterAndLoad(page);
        assert.match((await page.locator('table.ws-table').textContent()) ?? '', /Noé Gélinas/);
        await accessible(page, 'event');
        await v.screenshot('workspace-event');
        await tabTo(page, 'a[href$="registrations.csv"]');
        const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
        assert.match(readFileSync((await csv.path())!, 'utf8'), new RegExp(`Noé Gélinas,noe-${lang}@example.org,2`));
        assert.deepEqual(v.errors, []);
      } finally {
        await v.close();
      }
    });
  });
}
