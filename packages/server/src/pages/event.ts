import { Id, organizationName, type Lang } from '@perron/contract';
import { followedEvent } from '../db/queries/followed.ts';
import type { App } from '../app.ts';
import { publicEventRow, toEvent } from '../db/queries/events.ts';
import type { NodeServices } from '../handlers/types.ts';
import { CATEGORY_LABELS, formatWhen, localized } from '../services/event-text.ts';
import { html, oembedLink, page, PAGE_HEADERS, pageLang } from './html.ts';
import { eventJsonLd } from './structured-data.ts';

const TEXT = {
  fr: {
    other: 'English',
    when: 'Quand',
    where: 'Où',
    online: 'En ligne :',
    organizer: 'Organisé par',
    places: 'Places',
    placesOf: (taken: number, capacity: number | null) => (capacity === null ? `${taken} inscrites` : `${taken} prises sur ${capacity}`),
    full: 'Complet',
    registration: 'Inscription requise',
    calendar: 'Ajouter à mon calendrier (.ics)',
    missingTitle: 'Événement introuvable',
    missing: 'Aucun événement ne porte cet identifiant sur ce nœud.',
  },
  en: {
    other: 'Français',
    when: 'When',
    where: 'Where',
    online: 'Online:',
    organizer: 'Organized by',
    places: 'Seats',
    placesOf: (taken: number, capacity: number | null) => (capacity === null ? `${taken} registered` : `${taken} taken of ${capacity}`),
    full: 'Full',
    registration: 'Registration required',
    calendar: 'Add to my calendar (.ics)',
    missingTitle: 'Event not found',
    missing: 'No event has this id on this node.',
  },
} as const;

/** `/events/:id`: an event's own page, the `url` of every event the API answers with. */
export function eventPage(app: App, node: NodeServices): void {
  app.get('/events/:id', async (c) => {
    const id = c.req.param('id');
    const lang: Lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const t = TEXT[lang];
    const other = lang === 'fr' ? 'en' : 'fr';
    const otherLang = { href: `/events/${encodeURIComponent(id)}?lang=${other}`, label: t.other };
    const headers = { ...PAGE_HEADERS, vary: 'Accept-Language' };
    const row = Id.safeParse(id).success ? await publicEventRow(node.db, id) : undefined;
    if (!row) {
      // A followed node's event is shown, and registered for, on its own node.
      const copy = Id.safeParse(id).success ? await followedEvent(node.db, id) : undefined;
      if (copy) return c.redirect(copy.url, 302);
      const body = html`<h1>${t.missingTitle}</h1><p class="lead">${t.missing}</p>`;
      return c.body(page({ lang, title: `${t.missingTitle} — Perron`, otherLang, body }), 404, headers);
    }
    const e = toEvent(row, node.baseUrl);
    const title = localized(e.title, lang);
    const full = e.capacity !== null && e.registeredCount >= e.capacity;
    const body = html`
<p class="hint">${CATEGORY_LABELS[lang][e.category]}</p>
<h1>${title}</h1>
<dl class="event-facts">
  <dt>${t.when}</dt><dd>${formatWhen(e, lang)}</dd>
  <dt>${t.where}</dt><dd>${e.place ? html`${e.place.name}<br>${e.place.address}` : html`${t.online} <a href="${e.link!}">${e.link!}</a>`}</dd>
  <dt>${t.organizer}</dt><dd>${organizationName(e.organization, lang)}</dd>
  ${e.registration ? html`<dt>${t.places}</dt><dd>${t.placesOf(e.registeredCount, e.capacity)}${full ? html` — <strong>${t.full}</strong>` : ''} · ${t.registration}</dd>` : ''}
</dl>
${e.description ? localized(e.description, lang).split(/\n+/).map((p) => html`<p>${p}</p>`) : ''}
<p><a href="/v1/events/${encodeURIComponent(e.id)}.ics" download>${t.calendar}</a></p>`;
    const head = html`${oembedLink(node.baseUrl, e.url, title)}
${eventJsonLd(e, node.baseUrl, lang)}`;
    return c.body(page({ lang, title: `${title} — Perron`, styles: ['engagement.css'], otherLang, head, body }), 200, headers);
  });
}
