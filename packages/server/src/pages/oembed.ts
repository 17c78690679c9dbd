import { Id, organizationName, type Lang } from '@perron/contract';
import type { App } from '../app.ts';
import { publicEventRow, toEvent } from '../db/queries/events.ts';
import { findProjectDetail } from '../db/queries/projects.ts';
import type { NodeServices } from '../handlers/types.ts';
import { CORS_HEADERS } from '../http/cache.ts';
import { problemBody, problemResponse } from '../http/problem.ts';
import { fileResponse, readStatic, STATIC_DIR } from './files.ts';
import { CATEGORY_LABELS, formatWhen, formatWhere, localized } from '../services/event-text.ts';
import { html, pageLang } from './html.ts';

const MORE = { fr: 'Voir l’événement et s’inscrire', en: 'See the event and register' } as const;

/**
 * `/embed/projects/:id` and `/embed/events/:id`: what an oEmbed iframe shows — the same elements
 * as on any site, and a script that tells WordPress the height. WordPress sandboxes the frame
 * without `allow-same-origin`, so the page runs in an opaque origin: its files are served with
 * CORS, and its policy names the node rather than 'self'.
 */
export function oembedPages(app: App, node: NodeServices): void {
  const assetHeaders = { ...CORS_HEADERS, 'cross-origin-resource-policy': 'cross-origin', 'cache-control': 'public, max-age=300' };
  app.get('/embed/frame.js', async (c) => fileResponse((await readStatic(STATIC_DIR, 'oembed-frame.js'))!, c.req.header('if-none-match'), assetHeaders));
  app.get('/embed/frame.css', async (c) => fileResponse((await readStatic(STATIC_DIR, 'oembed-frame.css'))!, c.req.header('if-none-match'), assetHeaders));

  app.get('/embed/:kind{projects|events}/:id', async (c) => {
    const kind = c.req.param('kind') as 'projects' | 'events';
    const id = c.req.param('id');
    const lang: Lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const exists = Id.safeParse(id).success && (kind === 'projects' ? await findProjectDetail(node.db, id, node.baseUrl, null) : await publicEventRow(node.db, id));
    if (!exists) return problemResponse(problemBody('not_found', `No public ${kind === 'projects' ? 'project' : 'event'} ${id}`, { requestId: c.get('requestId') }));
    const title = exists && 'title' in exists ? ((lang === 'en' && exists.title.en) || exists.title.fr) : id;
    const base = node.baseUrl;
    // A project: its card, whose button leads to the project's page (WordPress opens it in its own window).
    // An event: its facts and a link to its page (no element shows one event yet).
    const event = kind === 'events' && exists && !('needs' in exists) ? toEvent(exists, base) : null;
    const body = event
      ? html`<article class="event"><p class="hint">${CATEGORY_LABELS[lang][event.category]}</p><h1>${localized(event.title, lang)}</h1>
<p>${formatWhen(event, lang)}</p><p>${formatWhere(event, lang)}</p><p>${organizationName(event.organization, lang)}</p>
<p><a href="${event.url}?lang=${lang}">${MORE[lang]}</a></p></article>`
      : html`<perron-project-card project="${id}"></perron-project-card>`;
    const page = html`<!doctype html>
<html lang="${lang}-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${base}/embed/frame.css">
<script type="module" src="${base}/elements/perron.js"></script>
<script type="module" src="${base}/embed/frame.js"></script>
</head>
<body>
<main>${body}</main>
</body>
</html>
`;
    const origin = new URL(base).origin;
    return c.body(page.value, 200, {
      'content-type': 'text/html; charset=utf-8',
      // Framed by any site (that is its purpose); scripts, styles and requests only from this node.
      'content-security-policy': [`default-src 'none'`, `script-src ${origin}`, `style-src ${origin}`, `connect-src ${origin}`, `img-src ${origin} https: data:`, `base-uri 'none'`, `form-action 'none'`, `frame-ancestors *`].join('; '),
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cache-control': 'public, max-age=60',
    });
  });
}
