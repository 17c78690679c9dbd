import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { args, executablePath } from '../../scripts/chromium.mjs';


export const SCREENSHOTS = new URL('../../test-results/e2e/', import.meta.url).pathname;

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath, args, headless: true });
}

export type Lang = 'fr' | 'en';

/** What went wrong on the page that a visitor would not see: uncaught errors and policy violations. */
export interface Visit {
  context: BrowserContext;
  page: Page;
  errors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh visitor: their own browser profile in `lang`, third-party cookies blocked, nothing stored. */
export async function visit(browser: Browser, lang: Lang, { viewport = { width: 1280, height: 900 } } = {}): Promise<Visit> {
  const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-CA' : 'en-CA', timezoneId: 'America/Toronto', viewport, acceptDownloads: true });
  // A policy the host set and the elements broke: reported by the browser, counted as an error.
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`policy violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (/policy violation|Content Security Policy|Trusted ?(Type|HTML|Script)/i.test(message.text())) errors.push(`csp: ${message.text()}`);
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    errors,
    async screenshot(name) {
      const path = `${SCREENSHOTS}${name}-${lang}.png`;
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: () => context.close(),
  };
}
