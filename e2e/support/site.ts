import type { Page } from 'playwright-core';
import type { Lang } from './browser.ts';
import type { Stack } from './stack.ts';

/** The Villeray organization's own site, in one language. */
export const communitySite = (stack: Stack, lang: Lang) => `${stack.examples.url}/community-site/${lang === 'en' ? 'en.html' : ''}`;

/** What the organization sees through its API key. */
export async function asOrganization<T = any>(stack: Stack, key: string, path: string): Promise<T> {
  const res = await fetch(`${stack.node.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
  if (!res.ok) throw new Error(`${res.status} ${path}: ${await res.text()}`);
  return res.json() as Promise<T>;
}

export async function publicJson<T = any>(stack: Stack, path: string): Promise<T> {
  const res = await fetch(`${stack.node.url}${path}`);
  if (!res.ok) throw new Error(`${res.status} ${path}: ${await res.text()}`);
  return res.json() as Promise<T>;
}

/** The fill of the project card's progress bar for a category, 0 to 1, as the visitor sees it. */
export async function cardRatio(page: Page, row: number): Promise<number> {
  const bar = page.locator('perron-project-card [part~="progress"] .bar > span').nth(row);
  return Number(await bar.evaluate((el) => (el as HTMLElement).style.getPropertyValue('--ratio')));
}

/**
 * What a person does with the email a public pledge sends: opens it (the node's dev mailbox stands
 * in for their inbox), follows the link, and confirms on the node's page. Ends on that page.
 */
export async function confirmPledgeByEmail(page: Page, stack: Stack, email: string, lang: Lang): Promise<void> {
  await page.goto(`${stack.node.url}/dev/mail?lang=${lang}`);
  const link = page.getByRole('link', { name: /\/pledges\/confirm\// });
  await page.getByRole('article').filter({ hasText: email }).filter({ has: link }).first().locator(link).first().click();
  await page.getByRole('button', { name: lang === 'fr' ? 'Confirmer mon engagement' : 'Confirm my pledge' }).click();
  await page.getByRole('heading', { name: lang === 'fr' ? 'Merci ! Votre engagement est confirmé et compté.' : 'Thank you! Your pledge is confirmed and counted.' }).waitFor();
}
