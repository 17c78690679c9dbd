import type { Child } from 'hono/jsx';
import { jsxRenderer, useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';

/** The path of the current page in the other language (anonymous pages carry `?lang=`). */
function otherLangHref(url: string, lang: string): string {
  const u = new URL(url);
  u.searchParams.set('lang', lang);
  u.searchParams.delete('done');
  return `${u.pathname}${u.search}`;
}

function Header() {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const session = c.get('session');
  const other = t.otherLang;
  return (
    <header class="ws-bar">
      <a class="ws-brand" href="/workspace">
        {t.layout.brand} <span>{t.layout.workspace}</span>
      </a>
      <div class="ws-bar-end">
        {session ? (
          // A signed-in person's language is kept with them: switching is a (small) write.
          <form method="post" action="/workspace/lang" class="ws-inline">
            <input type="hidden" name="lang" value={other.code} />
            <input type="hidden" name="back" value={new URL(c.req.url).pathname} />
            <button type="submit" class="ws-link" lang={other.name}>
              {other.label}
            </button>
          </form>
        ) : (
          <a href={otherLangHref(c.req.url, other.code)} lang={other.name} hreflang={other.code}>
            {other.label}
          </a>
        )}
        {session && (
          <form method="post" action="/workspace/sign-out" class="ws-inline">
            <span class="ws-who">{t.layout.signedInAs(session.person.name ?? session.person.email)}</span>{' '}
            <button type="submit" class="ws-link">
              {t.layout.signOut}
            </button>
          </form>
        )}
      </div>
    </header>
  );
}

/** The workspace's navigation: the person's organizations and the communities they review. */
function Nav() {
  const c = useRequestContext<WorkspaceEnv>();
  const session = c.get('session');
  if (!session) return null;
  const t = c.get('t');
  const here = new URL(c.req.url).pathname;
  const lang = c.get('lang');
  const link = (href: string, label: Child) => (
    <li>
      <a href={href} aria-current={here === href || here.startsWith(`${href}/`) ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav class="ws-nav" aria-label={t.layout.nav}>
      <ul>
        {session.memberships.map((m) => link(`/workspace/o/${m.slug}`, m.name))}
        {session.curatorships.map((k) => link(`/workspace/c/${k.slug}`, lang === 'en' ? (k.name.en ?? k.name.fr) : k.name.fr))}
      </ul>
    </nav>
  );
}

/** Every workspace page: language, title, styles, header, navigation, one `main`. No inline script or style (strict CSP). */
export const layout = jsxRenderer<WorkspaceEnv>(({ children, title }) => {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  return (
    <html lang={t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} — ${t.layout.titleSuffix}`}</title>
        <link rel="stylesheet" href="/static/workspace.css" />
      </head>
      <body>
        <a class="ws-skip" href="#main">
          {t.layout.skip}
        </a>
        <Header />
        <div class="ws-frame">
          <Nav />
          <main id="main" tabindex={-1}>
            {children}
          </main>
        </div>
      </body>
    </html>
  );
});


