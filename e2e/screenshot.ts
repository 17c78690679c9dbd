// The README's picture of the community site, from a real node and real elements:
//   node --conditions=source --import ./scripts/ts.mjs e2e/screenshot.ts
import { launch, visit } from './support/browser.ts';
import { communitySite } from './support/site.ts';
import { startStack } from './support/stack.ts';

const out = new URL('../docs/screenshot-community-site.png', import.meta.url).pathname;
const stack = await startStack();
const browser = await launch();
try {
  const v = await visit(browser, 'fr', { viewport: { width: 1200, height: 1300 } });
  await v.page.goto(communitySite(stack, 'fr'));
  await v.page.locator('perron-needs-list [part="need"]').first().waitFor();
  await v.page.locator('perron-project-card [part~="progress"]').waitFor();
  await v.page.screenshot({ path: out });
  console.log(out);
} finally {
  await browser.close();
  await stack.close();
}
