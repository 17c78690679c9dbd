import type { Lang } from '@perron/contract';
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { App } from '../app.ts';
import type { NodeServices } from '../handlers/types.ts';
import { ProblemError } from '../http/problem.ts';
import type { WorkspaceEnv } from './context.ts';
import { SCREENS } from './screens/index.ts';
import { STRINGS } from './strings/index.ts';
import { sessionMiddleware } from './session.tsx';
import { layout } from './views/layout.tsx';
import { ProblemPage } from './views/problem.tsx';
import { loggedError, loggedPath } from '../http/log.ts';

export type Workspace = Hono<WorkspaceEnv>;
/** A screen adds its routes to the workspace (see screens/index.ts). */
export type Screen = (ws: Workspace, node: NodeServices) => void;

/** `?lang=` first, then the signed-in person's choice, then the browser's first language; French by default. */
function requestLang(query: string | undefined, personLang: Lang | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'fr' || query === 'en') return query;
  if (personLang) return personLang;
  return acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? 'en' : 'fr';
}

/** Nothing but the node's own files; no inline script or style, no frame, forms only to the node. */
const CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'https:', 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

/**
 * The staff workspace at /workspace: server-rendered forms that work without JavaScript.
 * Screens register on the sub-app (see docs/workspace.md); they parse with the contract's
 * schemas, call services/, and render a view in the layout.
 */
export function workspace(app: App, node: NodeServices, screens: Screen[] = SCREENS): void {
  const ws: Workspace = new Hono<WorkspaceEnv>();
  ws.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CSP,
      referrerPolicy: 'no-referrer', // sign-in links carry a token in their query
      crossOriginResourcePolicy: 'same-origin',
      crossOriginOpenerPolicy: 'same-origin',
      xFrameOptions: 'DENY',
    }),
  );
  ws.use('*', async (c, next) => {
    c.set('session', null);
    c.set('lang', requestLang(c.req.query('lang'), undefined, c.req.header('accept-language')));
    c.set('t', STRINGS[c.get('lang')]);
    await next();
    c.header('cache-control', 'no-store'); // pages show personal data: never kept by a cache
  });
  ws.use('*', sessionMiddleware(node));
  ws.use('*', layout);
  // A form posted from another origin is refused (Origin, or Sec-Fetch-Site, must be this node's).
  ws.use('*', csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === new URL(node.baseUrl).origin }));

  for (const screen of screens) screen(ws, node);

  ws.all('*', (c) => {
    c.status(404);
    const t = c.get('t');
    return c.render(<ProblemPage title={t.problems.notFoundTitle} text={t.problems.notFound} />, { title: t.problems.notFoundTitle });
  });

  ws.onError((error, c) => {
    const t = c.get('t') ?? STRINGS.fr;
    if (error instanceof HTTPException && error.status === 403) {
      c.status(403);
      return c.render(<ProblemPage title={t.problems.forbiddenTitle} text={t.problems.forbidden} />, { title: t.problems.forbiddenTitle });
    }
    // A service's refusal: another organization's or community's item is a 404 as in the API.
    if (error instanceof ProblemError && (error.code === 'not_found' || error.code === 'invalid_state')) {
      const [status, title, text] = error.code === 'not_found' ? ([404, t.problems.notFoundTitle, t.problems.notFound] as const) : ([409, t.problems.stateTitle, t.problems.state] as const);
      c.status(status);
      return c.render(<ProblemPage title={title} text={text} />, { title });
    }
    const requestId = c.get('requestId');
    console.error(`[${requestId}] ${c.req.method} ${loggedPath(c.req.path)}: ${loggedError(error)}`);
    c.status(500);
    return c.render(<ProblemPage title={t.problems.errorTitle} text={t.problems.error(requestId)} />, { title: t.problems.errorTitle });
  });

  app.route('/workspace', ws as unknown as App);
}
