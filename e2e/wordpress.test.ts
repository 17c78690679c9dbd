// In a real WordPress (Debian's package), a project's address alone on a line of a post becomes
// the project's card: WordPress discovers the node's oEmbed, frames the embed page in its sandbox,
// and sizes the frame to the card's content from the height the page sends with WordPress's secret.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startNode, type RunningNode } from '@perron/server';
import { DEMO_PROJECTS } from '../packages/server/src/seed/demo-ids.ts';
import { launch, visit } from './support/browser.ts';
import { ensureElementsBuilt } from './support/stack.ts';
import { wording } from './support/text.ts';
import { startWordPress, wordpressMissing, type WordPress } from './support/wordpress.ts';

const missing = wordpressMissing();

describe('a project pasted into a WordPress post', { skip: missing ?? false }, () => {
  let browser: Browser;
  let node: RunningNode;
  let wp: WordPress;
  before(async () => {
    ensureElementsBuilt();
    node = await startNode({ port: 0, seed: true, followInterval: 0 });
    wp = await startWordPress(new URL(node.url));
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await wp?.close();
    await node?.close();
  });

  test("shows the project's card in a frame sized to its content", async () => {
    const project = `${node.url}/projects/${DEMO_PROJECTS.patinoire}`;
    const post = wp.post(`Notre patinoire a besoin de vous :\n\n${project}\n\nMerci !`);
    const { t } = wording('fr');
    const v = await visit(browser, 'fr');
    try {
      await v.page.goto(post);
      const iframe = v.page.locator('iframe.wp-embedded-content');
      assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts', 'WordPress framed it in its sandbox');
      const card = v.page.frameLocator('iframe.wp-embedded-content').locator('perron-project-card');
      await card.getByRole('heading', { name: 'Patinoire de la ruelle Henri-Julien' }).waitFor();
      await card.getByRole('button', { name: t.project.contributeTo('Patinoire de la ruelle Henri-Julien') }).waitFor();

      // The frame takes the height the embed page measures (WordPress keeps it between 200 and 1000).
      const frame = v.page.frames().find((f) => f.url().startsWith(`${node.url}/embed/projects/`))!;
      assert.ok(frame, 'the embed page is framed');
      await v.page.waitForFunction(
        async () => {
          const el = document.querySelector<HTMLIFrameElement>('iframe.wp-embedded-content')!;
          return !el.hasAttribute('style') && Number(el.height) !== 560;
        },
        undefined,
        { timeout: 20_000 },
      );
      // The card may still grow (its needs arrive after its title): wait until the frame and its content agree.
      const heights = async () => ({
        frame: Number(await iframe.getAttribute('height')),
        content: Math.ceil(await frame.evaluate(() => document.body.getBoundingClientRect().height)),
      });
      let last = await heights();
      for (let i = 0; i < 100 && last.frame !== Math.min(1000, Math.max(200, last.content)); i++) {
        await v.page.waitForTimeout(200);
        last = await heights();
      }
      const expected = Math.min(1000, Math.max(200, last.content));
      assert.equal(last.frame, expected, `the frame (${last.frame} px) takes its content's height (${last.content} px)`);
      assert.equal(await v.page.locator('blockquote.wp-embedded-content').isVisible(), false, 'the fallback link gives way to the card');
      const box = (await iframe.boundingBox())!;
      assert.equal(Math.round(box.height), expected);
      await v.screenshot('wordpress-embed');
      assert.deepEqual(v.errors, []);
    } finally {
      await v.close();
    }
  });
});
