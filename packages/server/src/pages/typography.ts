import { frenchHtml } from '@perron/contract';
import type { App } from '../app.ts';

/**
 * Every French page the node serves (its own pages, the workspace) set once, here, the Québec
 * way: narrow no-break spaces before « : ; ! ? », typographic apostrophes, « 1er ». Strings and
 * views are written with plain spaces; only the text between tags changes.
 */
export function frenchTypography(app: App): void {
  app.use('*', async (c, next) => {
    await next();
    const res = c.res;
    if (!/^text\/html\b/i.test(res.headers.get('content-type') ?? '') || res.headers.has('content-encoding') || !res.body) return;
    const body = await res.text();
    const french = /<html[^>]*\blang="fr/i.test(body.slice(0, 400));
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    c.res = undefined as unknown as Response; // replace, not merge: the old headers are copied above
    c.res = new Response(french ? frenchHtml(body) : body, { status: res.status, statusText: res.statusText, headers });
  });
}
