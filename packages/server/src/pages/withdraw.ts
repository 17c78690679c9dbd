import { PledgeWithdraw, type Lang, type LocalizedText } from '@perron/contract';
import type { App } from '../app.ts';
import { PLEDGE_SELECT, type PledgeRow } from '../db/queries/pledges.ts';
import type { NodeServices } from '../handlers/types.ts';
import { ProblemError } from '../http/problem.ts';
import { sha256 } from '../ids.ts';
import { describeQuantity } from '../services/pledge-receipt.ts';
import { withdrawPledge } from '../services/pledging.ts';
import { html, page, PAGE_HEADERS, pageLang, type SafeHtml } from './html.ts';

const TEXT = {
  fr: {
    other: 'English',
    title: 'Retirer votre engagement',
    lead: 'Vous êtes sur le point de retirer cet engagement. L’organisme en sera informé, la place redeviendra libre et vos coordonnées seront effacées.',
    pledge: 'L’engagement',
    organization: 'Organisme',
    projectName: 'Projet',
    need: 'Besoin',
    quantity: 'Engagement',
    button: 'Retirer mon engagement',
    project: 'Voir le projet',
    done: 'Votre engagement est retiré. Merci de nous avoir prévenus.',
    already: (status: string) => `Cet engagement ne peut plus être retiré (état : ${status}).`,
    invalidTitle: 'Lien non valide',
    invalid: 'Ce lien de retrait n’est pas valide. Vérifiez qu’il a été copié en entier.',
    myData: 'Vos données : les consulter, les télécharger ou les effacer',
    status: { held: 'à confirmer', pending: 'en attente', confirmed: 'confirmé', fulfilled: 'réalisé', declined: 'décliné', withdrawn: 'déjà retiré', expired: 'expiré' },
  },
  en: {
    other: 'Français',
    title: 'Withdraw your pledge',
    lead: 'You are about to withdraw this pledge. The organization will be told, the place will be free again and your contact details will be erased.',
    pledge: 'The pledge',
    organization: 'Organization',
    projectName: 'Project',
    need: 'Need',
    quantity: 'Pledge',
    button: 'Withdraw my pledge',
    project: 'See the project',
    done: 'Your pledge is withdrawn. Thank you for letting us know.',
    already: (status: string) => `This pledge can no longer be withdrawn (status: ${status}).`,
    invalidTitle: 'Invalid link',
    invalid: 'This withdrawal link is not valid. Check that it was copied whole.',
    myData: 'Your data: see, download or erase it',
    status: { held: 'awaiting confirmation', pending: 'pending', confirmed: 'confirmed', fulfilled: 'fulfilled', declined: 'declined', withdrawn: 'already withdrawn', expired: 'expired' },
  },
} as const;

const HEADERS = { ...PAGE_HEADERS, vary: 'Accept-Language' };
const pick = (text: LocalizedText, lang: Lang) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);

function render(lang: Lang, token: string, title: string, body: SafeHtml, status = 200): Response {
  const other = lang === 'fr' ? 'en' : 'fr';
  const otherLang = { href: `/withdraw/${encodeURIComponent(token)}?lang=${other}`, label: TEXT[lang].other };
  return new Response(page({ lang, title: `${title} — Perron`, styles: ['project.css'], otherLang, body }), { status, headers: HEADERS });
}

/**
 * `/withdraw/:token`, the link in a pledge's receipt: GET asks, POST withdraws (a mail scanner
 * that prefetches the link changes nothing). Works without JavaScript.
 */
export function withdrawPages(app: App, node: NodeServices): void {
  const find = async (token: string) =>
    PledgeWithdraw.safeParse({ token }).success
      ? (await node.db.query<PledgeRow>(`${PLEDGE_SELECT} where pl.withdraw_token_hash = $1`, [sha256(token)]))[0]
      : undefined;
  const invalid = (lang: Lang, token: string) => render(lang, token, TEXT[lang].invalidTitle, html`<h1>${TEXT[lang].invalidTitle}</h1><p class="lead">${TEXT[lang].invalid}</p>`, 404);
  const projectLink = (lang: Lang, projectId: string) => html`<p><a href="/projects/${encodeURIComponent(projectId)}?lang=${lang}">${TEXT[lang].project}</a></p>`;
  /** Which pledge this link is for: the organization, project, need and quantity (never the contact). */
  const described = async (lang: Lang, pledge: PledgeRow) => {
    const t = TEXT[lang];
    const [org] = await node.db.query<{ name: string }>('select o.name from projects p join organizations o on o.id = p.organization_id where p.id = $1', [pledge.project_id]);
    const what = describeQuantity({ category: pledge.category, unit: pledge.unit, unitLabel: pledge.unit_label, quantity: pledge.quantity, lang });
    return html`<dl class="project-facts" aria-label="${t.pledge}">
  <dt>${t.organization}</dt><dd>${org?.name}</dd>
  <dt>${t.projectName}</dt><dd>${pick(pledge.project_title, lang)}</dd>
  <dt>${t.need}</dt><dd>${pick(pledge.need_title, lang)}</dd>
  <dt>${t.quantity}</dt><dd>${what}</dd>
</dl>`;
  };
  // The same token opens the person's "my data" page (empty once the withdrawal erased the contact).
  const myDataLink = (lang: Lang, token: string) => html`<p><a href="/my-data/${encodeURIComponent(token)}?lang=${lang}">${TEXT[lang].myData}</a></p>`;

  app.get('/withdraw/:token', async (c) => {
    const token = c.req.param('token');
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const t = TEXT[lang];
    const pledge = await find(token);
    if (!pledge) return invalid(lang, token);
    const open = pledge.status === 'held' || pledge.status === 'pending' || pledge.status === 'confirmed';
    const facts = await described(lang, pledge);
    const body = open
      ? html`<h1>${t.title}</h1><p class="lead">${t.lead}</p>${facts}
<form method="post" action="/withdraw/${encodeURIComponent(token)}?lang=${lang}"><button type="submit">${t.button}</button></form>${projectLink(lang, pledge.project_id)}${myDataLink(lang, token)}`
      : html`<h1>${t.title}</h1><p class="lead">${t.already(t.status[pledge.status])}</p>${facts}${projectLink(lang, pledge.project_id)}`;
    return render(lang, token, t.title, body);
  });

  app.post('/withdraw/:token', async (c) => {
    const token = c.req.param('token');
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const t = TEXT[lang];
    const pledge = await find(token);
    if (!pledge) return invalid(lang, token);
    try {
      await node.db.tx((q) => withdrawPledge(q, node, token));
    } catch (error) {
      if (!(error instanceof ProblemError && error.code === 'invalid_state')) throw error;
      return render(lang, token, t.title, html`<h1>${t.title}</h1><p class="lead">${t.already(t.status[pledge.status])}</p>${await described(lang, pledge)}${projectLink(lang, pledge.project_id)}`, 409);
    }
    return render(lang, token, t.title, html`<h1>${t.done}</h1>${await described(lang, pledge)}${projectLink(lang, pledge.project_id)}`);
  });
}
