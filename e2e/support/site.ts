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
