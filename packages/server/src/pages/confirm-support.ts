import { SupportConfirm, type Lang, type Project } from '@perron/contract';
import type { App } from '../app.ts';
import { findProjectDetail } from '../db/queries/projects.ts';
import type { NodeServices } from '../handlers/types.ts';
import { ProblemError } from '../http/problem.ts';
import { confirmSupport, lookUpSupport } from '../services/supports.ts';
import { html, page, PAGE_HEADERS, pageLang, type SafeHtml } from './html.ts';
import { supportLine } from './support-form.ts';

const TEXT = {
  fr: {
    other: 'English',
    title: 'Confirmer votre appui',
    lead: (project: string) => `Vous êtes sur le point d’appuyer le projet « ${project} ». Votre appui sera compté une seule fois ; votre courriel n’est transmis à personne.`,
    button: 'Confirmer mon appui',
    done: 'Merci ! Votre appui est compté.',
    already: 'Ce lien a déjà servi : votre appui est compté.',
    project: 'Voir le projet',
    myData: 'Vos données : les consulter, les télécharger ou les effacer',
    invalidTitle: 'Lien non valide',
    invalid: 'Ce lien n’est pas valide ou a expiré (il était valable 7 jours). Appuyez le projet de nouveau pour recevoir un nouveau lien.',
  },
  en: {
    other: 'Français',
    title: 'Confirm your support',
    lead: (project: string) => `You are about to support the project “${project}”. Your support counts once; your email is passed on to no one.`,
    button: 'Confirm my support',
    done: 'Thank you! Your support counts.',
    already: 'This link was already used: your support counts.',
    project: 'See the project',
    myData: 'Your data: see, download or erase it',
    invalidTitle: 'Invalid link',
    invalid: 'This link is not valid or has expired (it was valid for 7 days). Support the project again to receive a new link.',
  },
} as const;

const HEADERS = { ...PAGE_HEADERS, 'cache-control': 'no-store', vary: 'Accept-Language' };
const pick = (text: { fr: string; en?: string | undefined }, lang: Lang) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);

function render(lang: Lang, token: string, title: string, body: SafeHtml, status = 200): Response {
  const otherLang = { href: `/supports/confirm/${encodeURIComponent(token)}?lang=${lang === 'fr' ? 'en' : 'fr'}`, label: TEXT[lang].other };
  return new Response(page({ lang, title: `${title} — Perron`, styles: ['engagement.css'], otherLang, body }), { status, headers: HEADERS });
}

function donePage(lang: Lang, token: string, project: Project, already: boolean): Response {
  const t = TEXT[lang];
  return render(lang, token, t.done, html`<h1>${t.done}</h1>
${already ? html`<p class="hint">${t.already}</p>` : ''}
<p class="lead">${pick(project.title, lang)}</p>
<p>${supportLine(project, lang)}</p>
<p><a href="/projects/${encodeURIComponent(project.id)}?lang=${lang}">${t.project}</a></p>
<p><a href="/my-data/${token}?lang=${lang}">${t.myData}</a></p>`);
}

/**
 * `/supports/confirm/:token`, the link a support's email carries: GET asks and changes nothing
 * (mail scanners prefetch links), POST confirms. Works without JavaScript.
 */
export function confirmSupportPages(app: App, node: NodeServices): void {
  const invalid = (lang: Lang) => render(lang, '', TEXT[lang].invalidTitle, html`<h1>${TEXT[lang].invalidTitle}</h1><p class="lead">${TEXT[lang].invalid}</p>`, 404);

  app.get('/supports/confirm/:token', async (c) => {
    const token = c.req.param('token');
    const s = SupportConfirm.safeParse({ token }).success ? await lookUpSupport(node.db, token, node.now()) : null;
    const asked = c.req.query('lang');
    const lang = asked === 'fr' || asked === 'en' ? asked : (s?.lang ?? pageLang(undefined, c.req.header('accept-language')));
    const project = s && !s.expired ? await findProjectDetail(node.db, s.projectId, node.baseUrl, 'authorized') : null;
    if (!s || !project) return invalid(lang);
    if (s.status === 'confirmed') return donePage(lang, token, project, true);
    const t = TEXT[lang];
    return render(lang, token, t.title, html`<h1>${t.title}</h1>
<p class="lead">${t.lead(pick(project.title, lang))}</p>
<p>${supportLine(project, lang)}</p>
<form method="post" action="/supports/confirm/${token}">
  <input type="hidden" name="lang" value="${lang}">
  <button type="submit">${t.button}</button>
</form>`);
  });

  app.post('/supports/confirm/:token', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const lang: Lang = form.lang === 'en' ? 'en' : 'fr';
    if (!SupportConfirm.safeParse({ token }).success) return invalid(lang);
    const before = await lookUpSupport(node.db, token, node.now());
    try {
      const result = await node.db.tx((q) => confirmSupport(q, node, token));
      return donePage(lang, token, result.project, before?.status === 'confirmed');
    } catch (error) {
      if (error instanceof ProblemError && error.code === 'not_found') return invalid(lang);
      throw error;
    }
  });
}
