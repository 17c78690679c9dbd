// Node B follows node A. On a site that embeds B's elements, A's projects show with where they come
// from, and a pledge made there on A's project is recorded on A, once; B keeps none of it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { consentNotice } from '@perron/contract';
import type { Browser } from 'playwright-core';
import { createApiKey, startNode, type RunningNode } from '@perron/server';
import { DEMO_KEYS, DEMO_NEEDS, DEMO_PROJECTS } from '../packages/server/src/seed/demo-ids.ts';
import { launch, visit } from './support/browser.ts';
import { hostPage } from './support/host-page.ts';
import { ensureElementsBuilt } from './support/stack.ts';
import { wording } from './support/text.ts';

let browser: Browser;
before(async () => (browser = await launch()));
after(() => browser?.close());

describe("a site embedding node B's elements, B following node A", () => {
  const { t } = wording('fr');
  let a: RunningNode;
  let b: RunningNode;
  let site: Awaited<ReturnType<typeof hostPage>>;

  before(async () => {
    ensureElementsBuilt();
    a = await startNode({ port: 0, seed: true, followInterval: 0 });
    // The worker polls B's followed nodes every second.
    b = await startNode({ port: 0, followInterval: 1_000, workerPollMs: 200, readPrivateOrigins: true });
    site = await hostPage(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Site</title>
      <script type="module" src="${b.url}/elements/perron.js"></script></head>
      <body><main><h1>Projets du quartier</h1>
        <perron-project-list node="${b.url}"></perron-project-list>
        <perron-needs-list node="${b.url}" project="${DEMO_PROJECTS.patinoire}"></perron-needs-list>
      </main></body></html>`);
  });
  after(async () => {
    await site?.close();
    await b?.close();
    await a?.close();
  });

  test("A's projects appear within a polling interval, with their origin; a pledge through B's element lands on A once", async () => {
    const curator = await createApiKey(b.db, { role: 'curator', label: 'B' });
    const res = await fetch(`${b.url}/v1/follows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${curator}`, 'content-type': 'application/json', 'idempotency-key': 'follow-a-0001' },
      body: JSON.stringify({ url: a.url }),
    });
    assert.equal(res.status, 201);
    // Read by the worker, not by this test: wait for B's list to hold A's projects.
    for (let polls = 0; ; polls++) {
      const list = (await (await fetch(`${b.url}/v1/projects?origin=all`)).json()) as { items: unknown[] };
      if (list.items.length) break;
      assert.ok(polls < 200, 'B never read A');
      await new Promise((r) => setTimeout(r, 100));
    }

    const v = await visit(browser, 'fr');
    const { page } = v;
    try {
      await page.goto(site.url);
      const list = page.locator('perron-project-list');
      await list.getByText(t.project.via(new URL(a.url).host)).first().waitFor();
      await v.screenshot('following-list');

      const need = (await (await fetch(`${a.url}/v1/needs/${DEMO_NEEDS.patinoireArrosage}`)).json()) as { pledged: number; title: { fr: string } };
      const needs = page.locator('perron-needs-list');
      await needs.getByRole('button', { name: t.needs.helpWith(need.title.fr) }).click();
      const form = needs.locator('perron-pledge-form');
      await form.getByLabel(t.pledge.quantity.hours).fill('4');
      await form.getByLabel(t.pledge.name).fill('Odile Bélanger');
      await form.getByLabel(t.pledge.email).fill('odile.follow@example.org');
      await form.getByLabel(consentNotice.shareWithOrganizers.fr).check();
      await form.getByRole('button', { name: t.pledge.submit }).click();
      await form.getByRole('heading', { name: t.pledge.thanks('Odile Bélanger') }).waitFor();

      const pledges = (await (await fetch(`${a.url}/v1/pledges?need=${DEMO_NEEDS.patinoireArrosage}`, { headers: { authorization: `Bearer ${DEMO_KEYS.carrefourVilleray}` } })).json()) as {
        items: { quantity: number; contact: { email: string } | null }[];
      };
      const mine = pledges.items.filter((p) => p.contact?.email === 'odile.follow@example.org');
      assert.equal(mine.length, 1, 'recorded on A, once');
      assert.equal(mine[0]!.quantity, 4);
      const [row] = await b.db.query<{ n: number }>('select count(*) as n from pledges');
      assert.equal(Number(row!.n), 0, 'nothing recorded on B');
      assert.deepEqual(v.errors, []);
    } finally {
      await v.close();
    }
  });
});
