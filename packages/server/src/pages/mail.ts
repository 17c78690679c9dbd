import type { App } from '../app.ts';
import type { NodeServices } from '../handlers/types.ts';
import { html, page, PAGE_HEADERS, pageLang, type SafeHtml } from './html.ts';

interface OutboxRow {
  id: string;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  created_at: Date;
}

const TEXT = {
  fr: {
    title: 'Boîte de courriels de développement',
    other: 'English',
    lead: 'Ce nœud n’envoie aucun courriel : il garde ici ce qu’il aurait envoyé, du plus récent au plus ancien. Suivez les liens pour confirmer un vote ou une idée.',
    empty: 'Aucun courriel pour l’instant.',
    to: 'À :',
    json: 'Les mêmes courriels en JSON',
  },
  en: {
    title: 'Development mailbox',
    other: 'Français',
    lead: 'This node sends no email: it keeps here what it would have sent, newest first. Follow the links to confirm a vote or an idea.',
    empty: 'No email yet.',
    to: 'To:',
    json: 'The same emails as JSON',
  },
} as const;

const SHOWN = 200;

/** Text with its http(s) links made clickable; everything else escaped. */
function linkified(text: string): SafeHtml[] {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, i) => (i % 2 ? html`<a href="${part}">${part}</a>` : html`${part}`));
}

/**
 * `/dev/mail`: the outbox, for a demo or test node whose mail goes nowhere else (`devMailbox`).
 * Elsewhere the page is absent: its links would let anyone confirm anyone's vote.
 */
export function mailPages(app: App, node: NodeServices): void {
  const enabled = () => node.devMailbox;
  const newest = (to?: string) =>
    node.db.query<OutboxRow>(
      `select id, recipient, subject, body_text, body_html, created_at from mail_outbox
        where $1::text is null or lower(recipient) = lower($1) order by created_at desc, id desc limit ${SHOWN}`,
      [to ?? null],
    );

  app.get('/dev/mail/messages.json', async (c) => {
    if (!enabled()) return c.notFound();
    const items = (await newest(c.req.query('to'))).map((m) => ({
      id: m.id,
      to: m.recipient,
      subject: m.subject,
      text: m.body_text,
      html: m.body_html,
      createdAt: new Date(m.created_at).toISOString(),
    }));
    return c.json({ items }, 200, { 'cache-control': 'no-store' });
  });

  app.get('/dev/mail', async (c) => {
    if (!enabled()) return c.notFound();
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const t = TEXT[lang];
    const mails = await newest(c.req.query('to')); // `?to=`: the mails of one address, as its owner would see them
    const when = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'America/Toronto' });
    const body = html`
<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<p><a href="/dev/mail/messages.json">${t.json}</a></p>
${mails.length ? '' : html`<p>${t.empty}</p>`}
${mails.map(
  (m) => html`
<article class="mail" aria-labelledby="${m.id}">
  <h2 id="${m.id}">${m.subject}</h2>
  <p class="hint">${t.to} ${m.recipient} · <time datetime="${new Date(m.created_at).toISOString()}">${when.format(new Date(m.created_at))}</time></p>
  <pre class="mail-body">${linkified(m.body_text)}</pre>
</article>`,
)}`;
    const other = lang === 'fr' ? 'en' : 'fr';
    return c.body(
      page({ lang, title: `${t.title} — Perron`, styles: ['engagement.css'], otherLang: { href: `/dev/mail?lang=${other}`, label: t.other }, body }),
      200,
      { ...PAGE_HEADERS, 'cache-control': 'no-store' },
    );
  });
}
