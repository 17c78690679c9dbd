import { ConfirmationPath, type Lang } from '@perron/contract';
import type { App } from '../app.ts';
import type { NodeServices } from '../handlers/types.ts';
import { ProblemError } from '../http/problem.ts';
import { confirm, lookUpConfirmation, type ConfirmationState } from '../services/confirmations.ts';
import { html, page, PAGE_HEADERS, pageLang, type SafeHtml } from './html.ts';

const TEXT = {
  fr: {
    other: 'English',
    voteTitle: 'Confirmer votre appui',
    voteLead: 'Vous êtes sur le point d’appuyer cette idée. Votre appui sera compté une seule fois.',
    voteButton: 'Confirmer mon appui',
    ideaTitle: 'Envoyer votre idée',
    ideaLead: 'Vous êtes sur le point d’envoyer cette idée à l’équipe qui révise les idées de la communauté. Une fois publiée, chacun pourra la lire et l’appuyer.',
    ideaButton: 'Envoyer mon idée',
    voteDone: 'Merci ! Votre appui est compté.',
    ideaDone: 'Merci ! Votre idée est envoyée.',
    ideaReview: 'L’équipe de la communauté la lira avant de la publier. Vous recevrez un courriel quand ce sera fait.',
    ideaPublished: 'Elle est publiée : chacun peut la lire et l’appuyer.',
    ideaDeclined: 'L’équipe de la communauté ne l’a pas publiée.',
    supports: (n: number) => `Cette idée compte maintenant ${n} ${n > 1 ? 'appuis' : 'appui'}.`,
    used: 'Ce lien a déjà servi : c’est confirmé.',
    expired: 'Ce lien a expiré (il était valable 7 jours). Appuyez l’idée ou proposez-la de nouveau pour recevoir un nouveau lien.',
    unknown: 'Ce lien de confirmation n’est pas valide. Vérifiez qu’il a été copié en entier.',
    invalidTitle: 'Lien non valide',
    myData: 'Vos données : les consulter, les télécharger ou les effacer',
  },
  en: {
    other: 'Français',
    voteTitle: 'Confirm your support',
    voteLead: 'You are about to support this idea. Your support counts once.',
    voteButton: 'Confirm my support',
    ideaTitle: 'Send your idea',
    ideaLead: 'You are about to send this idea to the team that reviews the community’s ideas. Once published, everyone will be able to read and support it.',
    ideaButton: 'Send my idea',
    voteDone: 'Thank you! Your support counts.',
    ideaDone: 'Thank you! Your idea is sent.',
    ideaReview: 'The community’s team will read it before publishing it. You will get an email when that is done.',
    ideaPublished: 'It is published: everyone can read and support it.',
    ideaDeclined: 'The community’s team did not publish it.',
    supports: (n: number) => `This idea now has ${n} ${n === 1 ? 'supporter' : 'supporters'}.`,
    used: 'This link was already used: it is confirmed.',
    expired: 'This link has expired (it was valid for 7 days). Support or propose the idea again to receive a new link.',
    unknown: 'This confirmation link is not valid. Check that it was copied whole.',
    invalidTitle: 'Invalid link',
    myData: 'Your data: see, download or erase it',
  },
} as const;

const ideaBlock = (idea: { title: string; description: string; lang: Lang }) =>
  html`<blockquote lang="${idea.lang}-CA"><p><strong>${idea.title}</strong></p><p>${idea.description}</p></blockquote>`;

function render(lang: Lang, token: string, title: string, body: SafeHtml): string {
  const other = lang === 'fr' ? 'en' : 'fr';
  return page({ lang, title: `${title} — Perron`, styles: ['engagement.css'], otherLang: { href: `/confirm/${token}?lang=${other}`, label: TEXT[lang].other }, body });
}

function askPage(lang: Lang, token: string, s: ConfirmationState): string {
  const t = TEXT[lang];
  const title = s.kind === 'vote' ? t.voteTitle : t.ideaTitle;
  // Confirming is a POST: mail scanners that prefetch the link from the email confirm nothing.
  return render(lang, token, title, html`
<h1>${title}</h1>
<p class="lead">${s.kind === 'vote' ? t.voteLead : t.ideaLead}</p>
${ideaBlock(s.idea)}
<form method="post" action="/confirm/${token}">
  <input type="hidden" name="lang" value="${lang}">
  <button type="submit">${s.kind === 'vote' ? t.voteButton : t.ideaButton}</button>
</form>`);
}

function donePage(lang: Lang, token: string, kind: 'vote' | 'idea', idea: { title: string; description: string; lang: Lang; supportCount: number; status: string }, already = false): string {
  const t = TEXT[lang];
  const title = kind === 'vote' ? t.voteDone : t.ideaDone;
  return render(lang, token, title, html`
<h1>${title}</h1>
${already ? html`<p class="hint">${t.used}</p>` : ''}
${ideaBlock(idea)}
${kind === 'vote' ? html`<p>${t.supports(idea.supportCount)}</p>` : html`<p>${idea.status === 'in_review' ? t.ideaReview : idea.status === 'declined' ? t.ideaDeclined : t.ideaPublished}</p>`}
<p><a href="/my-data/${token}?lang=${lang}">${t.myData}</a></p>`);
}

const invalidPage = (lang: Lang, token: string, message: string) =>
  render(lang, token, TEXT[lang].invalidTitle, html`<h1>${TEXT[lang].invalidTitle}</h1><p class="lead">${message}</p>`);

/** `/confirm/:token`, the link in vote and idea emails: GET shows what it confirms, POST confirms. */
export function confirmPages(app: App, node: NodeServices): void {
  app.get('/confirm/:token', async (c) => {
    const token = c.req.param('token');
    const asked = c.req.query('lang');
    const valid = ConfirmationPath.safeParse({ token }).success;
    const s = valid ? await lookUpConfirmation(node.db, token, node.now()) : null;
    // The language of the email that carried the link, unless the person chose another.
    const lang = asked === 'fr' || asked === 'en' ? asked : (s?.lang ?? pageLang(undefined, c.req.header('accept-language')));
    const headers = { ...PAGE_HEADERS, 'cache-control': 'no-store', vary: 'Accept-Language' };
    if (!s) return c.body(invalidPage(lang, valid ? token : '', TEXT[lang].unknown), 404, headers);
    if (s.state === 'expired') return c.body(invalidPage(lang, token, TEXT[lang].expired), 410, headers);
    if (s.state === 'used') {
      const idea = { ...s.idea, supportCount: s.idea.support_count };
      return c.body(donePage(lang, token, s.kind, idea, true), 200, headers);
    }
    return c.body(askPage(lang, token, s), 200, headers);
  });

  app.post('/confirm/:token', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const lang: Lang = form.lang === 'en' ? 'en' : 'fr';
    const headers = { ...PAGE_HEADERS, 'cache-control': 'no-store' };
    if (!ConfirmationPath.safeParse({ token }).success) return c.body(invalidPage(lang, '', TEXT[lang].unknown), 404, headers);
    try {
      const result = await node.db.tx((q) => confirm(q, token, node.now()));
      return c.body(donePage(lang, token, result.kind, result.idea), 200, headers);
    } catch (error) {
      if (!(error instanceof ProblemError) || error.code !== 'not_found') throw error;
      const s = await lookUpConfirmation(node.db, token, node.now());
      return c.body(invalidPage(lang, s ? token : '', s ? TEXT[lang].expired : TEXT[lang].unknown), s ? 410 : 404, headers);
    }
  });
}
