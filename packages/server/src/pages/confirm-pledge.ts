import { PledgeConfirm, type Lang } from '@perron/contract';
import type { App } from '../app.ts';
import { PLEDGE_SELECT, type PledgeRow } from '../db/queries/pledges.ts';
import type { NodeServices } from '../handlers/types.ts';
import { ProblemError } from '../http/problem.ts';
import { sha256 } from '../ids.ts';
import { confirmPledge } from '../services/pledging.ts';
import { html, page, PAGE_HEADERS, pageLang, type SafeHtml } from './html.ts';

const TEXT = {
  fr: {
    other: 'English',
    title: 'Confirmer votre engagement',
    lead: 'Vous êtes sur le point de confirmer votre engagement : il sera compté, et l’organisme recevra votre nom et votre courriel pour l’organiser.',
    button: 'Confirmer mon engagement',
    done: 'Merci ! Votre engagement est confirmé et compté.',
    doneNext: 'Un courriel de confirmation suit, avec un lien pour retirer votre engagement ou consulter et effacer vos données.',
    project: 'Voir le projet',
    expired: 'Ce lien a expiré : l’engagement n’a pas été confirmé à temps et les places ont été libérées. Vous pouvez vous engager de nouveau.',
    closed: 'Cet engagement ne peut plus être confirmé.',
    invalidTitle: 'Lien non valide',
    invalid: 'Ce lien de confirmation n’est pas valide (un engagement non confirmé est effacé à la fin de la réservation). Vérifiez qu’il a été copié en entier.',
  },
  en: {
    other: 'Français',
    title: 'Confirm your pledge',
    lead: 'You are about to confirm your pledge: it will count, and the organization will receive your name and email to organize it.',
    button: 'Confirm my pledge',
    done: 'Thank you! Your pledge is confirmed and counted.',
    doneNext: 'A confirmation email follows, with a link to withdraw your pledge or to see and erase your data.',
    project: 'See the project',
    expired: 'This link has expired: the pledge was not confirmed in time and its places were freed. You can pledge again.',
    closed: 'This pledge can no longer be confirmed.',
    invalidTitle: 'Invalid link',
    invalid: 'This confirmation link is not valid (an unconfirmed pledge is erased when its hold ends). Check that it was copied whole.',
  },
} as const;

const HEADERS = { ...PAGE_HEADERS, 'cache-control': 'no-store', vary: 'Accept-Language' };

function render(lang: Lang, token: string, title: string, body: SafeHtml, status = 200): Response {
  const otherLang = { href: `/pledges/confirm/${encodeURIComponent(token)}?lang=${lang === 'fr' ? 'en' : 'fr'}`, label: TEXT[lang].other };
  return new Response(page({ lang, title: `${title} — Perron`, otherLang, body }), { status, headers: HEADERS });
}

/**
 * `/pledges/confirm/:token`, the link a held pledge's email carries: GET asks and changes nothing
 * (mail scanners prefetch links), POST confirms. Works without JavaScript.
 */
export function confirmPledgePages(app: App, node: NodeServices): void {
  const find = async (token: string) =>
    PledgeConfirm.safeParse({ token }).success
      ? (await node.db.query<PledgeRow>(`${PLEDGE_SELECT} where pl.confirm_token_hash = $1`, [sha256(token)]))[0]
      : undefined;
  const message = (lang: Lang, token: string, text: string, projectId: string | null, status: number) =>
    render(lang, token, TEXT[lang].title, html`<h1>${TEXT[lang].title}</h1><p class="lead">${text}</p>${projectId ? projectLink(lang, projectId) : ''}`, status);
  const invalid = (lang: Lang, token: string) => render(lang, token, TEXT[lang].invalidTitle, html`<h1>${TEXT[lang].invalidTitle}</h1><p class="lead">${TEXT[lang].invalid}</p>`, 404);
  const projectLink = (lang: Lang, projectId: string) => html`<p><a href="/projects/${encodeURIComponent(projectId)}?lang=${lang}">${TEXT[lang].project}</a></p>`;
  const done = (lang: Lang, token: string, projectId: string) =>
    render(lang, token, TEXT[lang].done, html`<h1>${TEXT[lang].done}</h1><p class="lead">${TEXT[lang].doneNext}</p>${projectLink(lang, projectId)}`);

  app.get('/pledges/confirm/:token', async (c) => {
    const token = c.req.param('token');
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const t = TEXT[lang];
    const pledge = await find(token);
    if (!pledge) return invalid(lang, token);
    if (pledge.status === 'held' && pledge.held_until! <= node.now()) return message(lang, token, t.expired, pledge.project_id, 410);
    if (pledge.status !== 'held') return pledge.status === 'pending' || pledge.status === 'confirmed' || pledge.status === 'fulfilled' ? done(lang, token, pledge.project_id) : message(lang, token, t.closed, pledge.project_id, 409);
    return render(lang, token, t.title, html`<h1>${t.title}</h1><p class="lead">${t.lead}</p>
<form method="post" action="/pledges/confirm/${encodeURIComponent(token)}?lang=${lang}"><button type="submit">${t.button}</button></form>${projectLink(lang, pledge.project_id)}`);
  });

  app.post('/pledges/confirm/:token', async (c) => {
    const token = c.req.param('token');
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const pledge = await find(token);
    if (!pledge) return invalid(lang, token);
    try {
      await node.db.tx((q) => confirmPledge(q, node, token));
    } catch (error) {
      if (!(error instanceof ProblemError && error.code === 'invalid_state')) throw error;
      return message(lang, token, pledge.status === 'held' ? TEXT[lang].expired : TEXT[lang].closed, pledge.project_id, pledge.status === 'held' ? 410 : 409);
    }
    return done(lang, token, pledge.project_id);
  });
}
