import { openApiDocument } from '@perron/contract/openapi';
import { cachedJson, CORS_HEADERS } from '../http/cache.ts';
import { hsdsMeta } from '../services/hsds.ts';
import type { NodeServices } from '../handlers/types.ts';
import type { App } from '../app.ts';
import { homePage } from './home.ts';
import { imagePages } from './images.ts';
import { elementsPages } from './elements.ts';
import { embedPage } from './embed.ts';
import { staticFiles } from './files.ts';
import { cancelRegistrationPages } from './cancel-registration.ts';
import { confirmPages } from './confirm.ts';
import { confirmPledgePages } from './confirm-pledge.ts';
import { confirmSupportPages } from './confirm-support.ts';
import { mailPages } from './mail.ts';
import { myDataPages } from './my-data.tsx';
import { eventPage } from './event.ts';
import { oembedPages } from './oembed.ts';
import { projectPage } from './project.ts';
import { frenchTypography } from './typography.ts';
import { withdrawPages } from './withdraw.ts';
import { workspace } from '../workspace/index.tsx';

/** What a node serves besides the API routes: documents and pages people open. */
export function pages(app: App, node: NodeServices): void {
  frenchTypography(app);
  let openapi: string | undefined; // built on first request: the base URL is known once listening
  app.get('/v1/openapi.json', (c) =>
    c.body((openapi ??= JSON.stringify(openApiDocument(node.baseUrl))), 200, { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' }),
  );
  // HSDS clients ask for `${base}/`: the API's root answers there too.
  app.get('/hsds/', (c) => cachedJson(c, hsdsMeta(node.baseUrl), { cacheable: true }));
  homePage(app, node);
  elementsPages(app);
  embedPage(app, node);
  oembedPages(app, node);
  confirmPages(app, node);
  confirmPledgePages(app, node);
  confirmSupportPages(app, node);
  mailPages(app, node);
  eventPage(app, node);
  projectPage(app, node);
  withdrawPages(app, node);
  cancelRegistrationPages(app, node);
  myDataPages(app, node);
  imagePages(app, node);
  workspace(app, node);
  staticFiles(app);
}
