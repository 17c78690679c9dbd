// What the workspace's end-to-end tests do as a person would: move with Tab, type, sign in from the
// dev mailbox's link, and run axe on what they see.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Lang } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The element that has the focus, through shadow roots (the elements' forms live in theirs). */
const focusedMatches = (page: Page, selector: string) =>
  page.evaluate((s) => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.matches(s) ?? false;
  }, selector);

/** Presses Tab until the focus is on what `selector` matches; fails when it never gets there. */
export async function tabTo(page: Page, selector: string, { max = 120 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await focusedMatches(page, selector)) return;
  }
  assert.fail(`Tab never reached ${selector} on ${page.url()}`);
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** The text of what has the focus, through shadow roots. */
export const focusedText = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.textContent?.trim() ?? '';
  });

/** axe on the page as it is, at 320 px and 1280 px wide: no violation. Leaves the page at 1280 px. */
export async function accessible(page: Page, what: string): Promise<void> {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(axeSource); // by the debugger, not a <script>: the page's CSP stays as strict as ever
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(o?: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `${what} at ${width}px`);
  }
}

/**
 * Signs in with the keyboard alone: the email on the sign-in page, the link in the dev mailbox (the
 * newest mail to that address), the button on the link's page. Ends on the page the node leads to.
 */
export async function signIn(page: Page, nodeUrl: string, email: string, lang: Lang): Promise<void> {
  await page.goto(`${nodeUrl}/workspace/sign-in?lang=${lang}`);
  await typeInto(page, 'input[name=email]', email);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/workspace\/sign-in\/sent/);
  await page.goto(`${nodeUrl}/dev/mail?lang=${lang}&to=${encodeURIComponent(email)}`);
  await tabTo(page, 'a[href*="/workspace/sign-in/link?token="]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/workspace\/sign-in\/link/);
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname.startsWith('/workspace') && !url.pathname.startsWith('/workspace/sign-in'));
}

/** Tabs to a closed select and chooses the option of this value by typing its label, as a person would. */
export async function choose(page: Page, select: string, value: string): Promise<void> {
  await tabTo(page, select);
  const label = await page.locator(`${select} option[value="${value}"]`).textContent();
  await page.keyboard.type(label!.trim());
  assert.equal(await page.locator(select).inputValue(), value, `${select} is on ${value}`);
}
