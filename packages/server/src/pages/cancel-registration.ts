import { organizationName, type Lang } from '@perron/contract';
import type { App } from '../app.ts';
import { eventRow, toEvent } from '../db/queries/events.ts';
import type { NodeServices } from '../handlers/types.ts';
import { ProblemError } from '../http/problem.ts';
import { formatWhen, localized } from '../services/event-text.ts';
import { cancelRegistration, registrationByToken } from '../services/events.ts';
import { html, page, PAGE_HEADERS, pageLang, type SafeHtml } from './html.ts';

const TEXT = {
  fr: {
    other: 'English',
    title: 'Annuler votre inscription',
    lead: 'Vous êtes sur le point d’annuler cette inscription. Votre place sera libérée, l’organisme en sera informé et vos coordonnées seront effacées.',
    event: 'Événement',
    when: 'Quand',
    organizer: 'Organisé par',
    seats: 'Places',
    button: 'Annuler mon inscription',
    done: 'Votre inscription est annulée. Merci de nous avoir prévenus.',
    closed: 'Cette inscription ne peut plus être annulée : l’événement a commencé ou a été annulé.',
    details: 'Voir l’événement',
    invalidTitle: 'Lien non valide',
    invalid: 'Ce lien d’annulation n’est pas valide, ou l’inscription est déjà annulée. Vérifiez qu’il a été copié en entier.',
  },
  en: {
    other: 'Français',
    title: 'Cancel your registration',
    lead: 'You are about to cancel this registration. Your seat will be freed, the organization will be told and your contact details will be erased.',
    event: 'Event',
    when: 'When',
    organizer: 'Organized by',
    seats: 'Seats',
    button: 'Cancel my registration',
    done: 'Your registration is cancelled. Thank you for letting us know.',
    closed: 'This registration can no longer be cancelled: the event has started or was cancelled.',
    details: 'See the event',
    invalidTitle: 'Invalid link',
    invalid: 'This cancellation link is not valid, or the registration is already cancelled. Check that it was copied whole.',
  },
} as const;

const HEADERS = { ...PAGE_HEADERS, 'cache-control': 'no-store', vary: 'Accept-Language' };

function render(lang: Lang, token: string, title: string, body: SafeHtml, status = 200): Response {
  const otherLang = { href: `/registrations/cancel/${encodeURIComponent(token)}?lang=${lang === 'fr' ? 'en' : 'fr'}`, label: TEXT[lang].other };
  return new Response(page({ lang, title: `${title} — Perron`, styles: ['project.css'], otherLang, body }), { status, headers: HEADERS });
}

/**
 * `/registrations/cancel/:token`, the link in a registration's email: GET names the registration
 * and asks, POST cancels (a mail scanner that prefetches the link changes nothing). No JavaScript.
 */
export function cancelRegistrationPages(app: App, node: NodeServices): void {
  const valid = (token: string) => /^[A-Za-z0-9_-]{20,100}$/.test(token);
  const invalid = (lang: Lang, token: string) => render(lang, token, TEXT[lang].invalidTitle, html`<h1>${TEXT[lang].invalidTitle}</h1><p class="lead">${TEXT[lang].invalid}</p>`, 404);
  const facts = async (lang: Lang, eventId: string, seats: number) => {
    const t = TEXT[lang];
    const event = toEvent((await eventRow(node.db, eventId))!, node.baseUrl);
    return html`<dl class="project-facts">
  <dt>${t.event}</dt><dd>${localized(event.title, lang)}</dd>
  <dt>${t.when}</dt><dd>${formatWhen(event, lang)}</dd>
  <dt>${t.organizer}</dt><dd>${organizationName(event.organization, lang)}</dd>
  <dt>${t.seats}</dt><dd>${seats}</dd>
</dl>
<p><a href="/events/${encodeURIComponent(eventId)}?lang=${lang}">${t.details}</a></p>`;
  };

  app.get('/registrations/cancel/:token', async (c) => {
    const token = c.req.param('token');
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const t = TEXT[lang];
    const registration = valid(token) ? await registrationByToken(node.db, token) : undefined;
    if (!registration) return invalid(lang, token);
    return render(lang, token, t.title, html`<h1>${t.title}</h1><p class="lead">${t.lead}</p>
<form method="post" action="/registrations/cancel/${encodeURIComponent(token)}?lang=${lang}"><button type="submit">${t.button}</button></form>
${await facts(lang, registration.event_id, registration.seats)}`);
  });

  app.post('/registrations/cancel/:token', async (c) => {
    const token = c.req.param('token');
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const t = TEXT[lang];
    const registration = valid(token) ? await registrationByToken(node.db, token) : undefined;
    if (!registration) return invalid(lang, token);
    try {
      await node.db.tx((q) => cancelRegistration(q, node, token));
    } catch (error) {
      if (error instanceof ProblemError && error.code === 'not_found') return invalid(lang, token);
      if (!(error instanceof ProblemError && error.code === 'invalid_state')) throw error;
      return render(lang, token, t.title, html`<h1>${t.title}</h1><p class="lead">${t.closed}</p>${await facts(lang, registration.event_id, registration.seats)}`, 409);
    }
    return render(lang, token, t.done, html`<h1>${t.done}</h1>${await facts(lang, registration.event_id, registration.seats)}`);
  });
}
