import { Email, type Lang } from '@perron/contract';
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import type { Child } from 'hono/jsx';
import * as z from 'zod/mini';
import type { App } from '../app.ts';
import type { NodeServices } from '../handlers/types.ts';
import { localized } from '../services/event-text.ts';
import { emailOfToken, eraseMyData, findMyData, isEmpty, LastStaffError, requestMyData, type MyData } from '../services/my-data.ts';
import { describeQuantity } from '../services/pledge-receipt.ts';
import { clientIp } from '../workspace/session.tsx';
import { PAGE_HEADERS, pageLang } from './html.ts';
import { MY_DATA_STRINGS, type MyDataStrings } from './my-data.strings.ts';

// The token is a credential: never sent on to another site, never cached.
const HEADERS = { ...PAGE_HEADERS, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', vary: 'Accept-Language' };
const TOKEN = '{[A-Za-z0-9_-]{20,100}}';

/** The node's public page frame (as html.ts's `page`): its header, its styles, one `main`. */
function Page(p: { lang: Lang; title: string; otherHref: string; children: Child }) {
  const t = MY_DATA_STRINGS[p.lang];
  const other = p.lang === 'fr' ? 'en' : 'fr';
  return (
    <html lang={`${p.lang}-CA`}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${p.title} — Perron`}</title>
        <link rel="stylesheet" href="/static/node.css" />
        <link rel="stylesheet" href="/static/my-data.css" />
      </head>
      <body>
        <header class="bar">
          <a class="brand" href={`/?lang=${p.lang}`}>
            Perron
          </a>
          <a class="lang" href={p.otherHref} lang={`${other}-CA`} hreflang={other}>
            {t.other}
          </a>
        </header>
        <main id="main">{p.children}</main>
      </body>
    </html>
  );
}

function respond(lang: Lang, title: string, otherHref: string, body: Child, status = 200): Response {
  const markup = <Page lang={lang} title={title} otherHref={otherHref}>{body}</Page>;
  return new Response(`<!doctype html>${String(markup)}`, { status, headers: HEADERS });
}

const otherLangOf = (c: Context, lang: Lang) => `${new URL(c.req.url).pathname}?lang=${lang === 'fr' ? 'en' : 'fr'}`;

function Kept({ t }: { t: MyDataStrings }) {
  return (
    <section aria-labelledby="kept">
      <h2 id="kept">{t.keptTitle}</h2>
      <ul>
        {t.kept.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </section>
  );
}

function RequestForm({ t, lang, email, error }: { t: MyDataStrings; lang: Lang; email?: string; error?: boolean }) {
  return (
    <>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <p>{t.ask}</p>
      <form method="post" action={`/my-data?lang=${lang}`} class="ask" novalidate>
        <label for="email">{t.email}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          required
          maxlength={254}
          value={email}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'email-error' : undefined}
        />
        {error && (
          <p id="email-error" class="field-error">
            {t.invalidEmail}
          </p>
        )}
        <button type="submit">{t.send}</button>
      </form>
      <Kept t={t} />
    </>
  );
}

/** A table that scrolls sideways on a narrow screen, reachable by keyboard. */
function Table({ id, caption, head, rows }: { id: string; caption: string; head: string[]; rows: Child[][] }) {
  return (
    <>
      <h2 id={id}>{caption}</h2>
      {/* The region the heading names (one landmark per table): keyboard users scroll it sideways. */}
      <div class="scroll" role="region" aria-labelledby={id} tabindex={0}>
        <table>
          <thead>
            <tr>
              {head.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                {r.map((cell) => (
                  <td>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function DataView({ t, lang, token, data }: { t: MyDataStrings; lang: Lang; token: string; data: MyData }) {
  const day = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long', timeZone: 'America/Toronto' });
  const when = (iso: string | null) => (iso ? day.format(new Date(iso)) : '');
  const consent = (c: { version: string; at: string }) => t.consent(c.version, when(c.at));
  const or = (value: string | null) => value ?? <em>{t.erasedValue}</em>;
  const c = t.col;
  const base = `/my-data/${encodeURIComponent(token)}`;
  return (
    <>
      <h1>{t.dataTitle}</h1>
      <p class="lead">{t.dataLead(data.email)}</p>
      {isEmpty(data) && <p>{t.nothing}</p>}
      {data.pledges.length > 0 && (
        <Table
          id="pledges"
          caption={t.caption(t.pledges, data.pledges.length)}
          head={[c.project, c.need, c.quantity, c.status, c.name, c.email, c.message, c.consent, c.created]}
          rows={data.pledges.map((p) => [
            localized(p.project, lang),
            localized(p.need, lang),
            describeQuantity({ category: p.category, unit: p.unit, unitLabel: p.unitLabel, quantity: p.quantity, lang }),
            t.pledgeStatus[p.status],
            or(p.name),
            or(p.email),
            p.message ?? '',
            consent(p.consent),
            when(p.createdAt),
          ])}
        />
      )}
      {data.registrations.length > 0 && (
        <Table
          id="registrations"
          caption={t.caption(t.registrations, data.registrations.length)}
          head={[c.event, c.organization, c.when, c.seats, c.name, c.email, c.consent]}
          rows={data.registrations.map((r) => [localized(r.event, lang), r.organization, when(r.startsAt), String(r.seats), r.name, r.email, consent(r.consent)])}
        />
      )}
      {data.supports.length > 0 && (
        <Table
          id="supports"
          caption={t.caption(t.supports, data.supports.length)}
          head={[c.project, c.organization, c.status, c.email, c.consent, c.created]}
          rows={data.supports.map((s) => [localized(s.project, lang), s.organization, t.voteStatus[s.status] ?? s.status, s.email, consent(s.consent), when(s.createdAt)])}
        />
      )}
      {data.votes.length > 0 && (
        <Table
          id="votes"
          caption={t.caption(t.votes, data.votes.length)}
          head={[c.idea, c.status, c.email, c.consent, c.created]}
          rows={data.votes.map((v) => [v.idea, t.voteStatus[v.status] ?? v.status, v.email, consent(v.consent), when(v.createdAt)])}
        />
      )}
      {data.ideas.length > 0 && (
        <Table
          id="ideas"
          caption={t.caption(t.ideas, data.ideas.length)}
          head={[c.title, c.status, c.name, c.email, c.consent, c.created]}
          rows={data.ideas.map((i) => [i.title, t.ideaStatus[i.status] ?? i.status, or(i.name), or(i.email), consent(i.consent), when(i.createdAt)])}
        />
      )}
      {data.blocks.length > 0 && (
        <>
          <Table id="blocks" caption={t.caption(t.blocks, data.blocks.length)} head={[c.organization, c.since]} rows={data.blocks.map((b) => [b.organization, when(b.since)])} />
          <p class="hint">{t.blocksNote}</p>
        </>
      )}
      {data.staff && (
        <>
          <Table
            id="staff"
            caption={t.staff}
            head={[c.organization, c.role, c.since]}
            rows={[
              ...data.staff.organizations.map((o) => [o.organization, t.roles[o.role], when(o.since)]),
              ...data.staff.curates.map((community) => [community, t.roles.curator, '']),
            ]}
          />
          <p>{t.staffLead(`${data.staff.name ?? ''} <${data.staff.email}>`.trim(), data.staff.openSessions)}</p>
          <p class="hint">{t.staffNote}</p>
        </>
      )}
      {data.mail.length > 0 && (
        <Table
          id="mail"
          caption={t.caption(t.mail, data.mail.length)}
          head={[c.subject, c.created, c.sentAt]}
          rows={data.mail.map((m) => [m.subject, when(m.createdAt), m.sentAt ? when(m.sentAt) : t.notSent])}
        />
      )}
      {!isEmpty(data) && (
        <>
          <section aria-labelledby="export">
            <h2 id="export">{t.exportTitle}</h2>
            <p>{t.exportText}</p>
            <p>
              <a href={`${base}/export.json`} download="perron-my-data.json">
                {t.exportLink}
              </a>
            </p>
          </section>
          <section aria-labelledby="erase">
            <h2 id="erase">{t.eraseTitle}</h2>
            {t.eraseText.map((line) => (
              <p>{line}</p>
            ))}
            <form method="post" action={`${base}/erase?lang=${lang}`}>
              <button type="submit">{t.erase}</button>
            </form>
          </section>
        </>
      )}
      <Kept t={t} />
    </>
  );
}

const RequestBody = z.object({ email: Email });

/**
 * `/my-data`: a person asks by email for a link to what the node keeps about them;
 * `/my-data/{token}` (that link, or a pledge's, vote's or idea's emailed link) shows it, exports it
 * as JSON and erases it. POSTs come from this node's own pages only (Origin checked).
 */
export function myDataPages(app: App, node: NodeServices): void {
  const langOf = (c: Context) => pageLang(c.req.query('lang'), c.req.header('accept-language'));
  // A form posted from another site (Origin, or Sec-Fetch-Site, not this node's) is refused with a page, not a 500.
  const sameOrigin = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === new URL(node.baseUrl).origin });
  const guard: MiddlewareHandler = async (c, next) => {
    try {
      await sameOrigin(c, async () => {});
    } catch {
      const lang = langOf(c);
      const t = MY_DATA_STRINGS[lang];
      return respond(lang, t.forbiddenTitle, otherLangOf(c, lang), <><h1>{t.forbiddenTitle}</h1><p class="lead">{t.forbidden}</p></>, 403);
    }
    await next();
  };
  app.use('/my-data', guard);
  app.use('/my-data/*', guard);

  app.get('/my-data', (c) => {
    const lang = langOf(c);
    const t = MY_DATA_STRINGS[lang];
    return respond(lang, t.title, otherLangOf(c, lang), <RequestForm t={t} lang={lang} />);
  });

  app.post('/my-data', async (c) => {
    const lang = langOf(c);
    const t = MY_DATA_STRINGS[lang];
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.trim() : '';
    const parsed = z.safeParse(RequestBody, { email });
    if (!parsed.success) return respond(lang, t.title, otherLangOf(c, lang), <RequestForm t={t} lang={lang} email={email} error />, 422);
    const outcome = await node.db.tx((q) => requestMyData(q, node.mailer, { email: parsed.data.email, ip: clientIp(c), lang, baseUrl: node.baseUrl, now: node.now() }));
    node.worker?.wake();
    if (outcome === 'ip_limited') {
      const res = respond(lang, t.limitedTitle, otherLangOf(c, lang), <><h1>{t.limitedTitle}</h1><p class="lead">{t.limited}</p></>, 429);
      res.headers.set('retry-after', '3600');
      return res;
    }
    return c.redirect(`/my-data/sent?lang=${lang}`, 303);
  });

  app.get('/my-data/sent', (c) => {
    const lang = langOf(c);
    const t = MY_DATA_STRINGS[lang];
    return respond(lang, t.sentTitle, otherLangOf(c, lang), <><h1>{t.sentTitle}</h1><p class="lead">{t.sent}</p>{node.devMailbox && <p class="hint"><a href="/dev/mail">{t.devMailbox}</a></p>}</>);
  });

  app.get('/my-data/erased', (c) => {
    const lang = langOf(c);
    const t = MY_DATA_STRINGS[lang];
    return respond(lang, t.erasedTitle, otherLangOf(c, lang), <><h1>{t.erasedTitle}</h1><p class="lead">{t.erased}</p><Kept t={t} /></>);
  });

  const invalid = (c: Context, lang: Lang) => {
    const t = MY_DATA_STRINGS[lang];
    return respond(lang, t.invalidTitle, otherLangOf(c, lang), <><h1>{t.invalidTitle}</h1><p class="lead">{t.invalid}</p><p><a href={`/my-data?lang=${lang}`}>{t.askAgain}</a></p></>, 404);
  };

  app.get(`/my-data/:token${TOKEN}`, async (c) => {
    const lang = langOf(c);
    const token = c.req.param('token');
    const email = await emailOfToken(node.db, token, node.now());
    if (!email) return invalid(c, lang);
    const t = MY_DATA_STRINGS[lang];
    return respond(lang, t.dataTitle, otherLangOf(c, lang), <DataView t={t} lang={lang} token={token} data={await findMyData(node.db, email)} />);
  });

  app.get(`/my-data/:token${TOKEN}/export.json`, async (c) => {
    const email = await emailOfToken(node.db, c.req.param('token'), node.now());
    if (!email) return invalid(c, langOf(c));
    const data = await findMyData(node.db, email);
    const body = JSON.stringify({ node: node.baseUrl, exportedAt: node.now().toISOString(), ...data }, null, 2);
    return c.body(body, 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="perron-my-data.json"',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    });
  });

  app.post(`/my-data/:token${TOKEN}/erase`, async (c) => {
    const lang = langOf(c);
    const now = node.now();
    let erased;
    try {
      erased = await node.db.tx(async (q) => {
        const email = await emailOfToken(q, c.req.param('token'), now);
        return email ? eraseMyData(q, node, email) : null;
      });
    } catch (error) {
      if (!(error instanceof LastStaffError)) throw error;
      const t = MY_DATA_STRINGS[lang];
      const list = (names: string[]) => new Intl.ListFormat(lang === 'fr' ? 'fr-CA' : 'en-CA').format(names.map((o) => (lang === 'fr' ? `« ${o} »` : `“${o}”`)));
      const communities = error.communities.map((k) => (lang === 'en' ? (k.en ?? k.fr) : k.fr));
      const page = `/my-data/${encodeURIComponent(c.req.param('token'))}`;
      const back = `${page}?lang=${lang}`;
      // The other language's link leads to the data page: the erase address answers POSTs only.
      return respond(lang, t.lastAdminTitle, `${page}?lang=${lang === 'fr' ? 'en' : 'fr'}`, <><h1>{t.lastAdminTitle}</h1><div role="alert">{error.organizations.length > 0 && <p class="lead">{t.lastAdmin(list(error.organizations))}</p>}{communities.length > 0 && <p class="lead">{t.lastCurator(list(communities))}</p>}</div><p><a href={back}>{t.back}</a></p></>, 409);
    }
    if (!erased) return invalid(c, lang);
    node.worker?.wake();
    return c.redirect(`/my-data/erased?lang=${lang}`, 303);
  });
}
