import { Id, type Lang, type LocalizedText, type Need, type ProjectDetail, type ProjectStatus } from '@perron/contract';
import type { App } from '../app.ts';
import { followedProject } from '../db/queries/followed.ts';
import { findProjectDetail } from '../db/queries/projects.ts';
import type { NodeServices } from '../handlers/types.ts';
import { describeQuantity } from '../services/pledge-receipt.ts';
import { html, oembedLink, page, PAGE_HEADERS, pageLang } from './html.ts';
import { projectJsonLd } from './structured-data.ts';

const TEXT = {
  fr: {
    other: 'English',
    status: { draft: 'Brouillon', submitted: 'En révision', published: 'Ouvert aux contributions', completed: 'Terminé', cancelled: 'Annulé', rejected: 'Refusé' } satisfies Record<ProjectStatus, string>,
    by: 'Porté par',
    when: 'Quand',
    dates: (from: string, to: string) => `du ${from} au ${to}`,
    partners: 'Partenaires',
    role: { funder: 'bailleur de fonds', partner: 'partenaire', sponsor: 'commanditaire' },
    needs: 'Besoins',
    noNeeds: 'Ce projet n’a pas encore publié de besoins.',
    category: { human: 'Bénévolat et expertise', material: 'Matériel', financial: 'Dons' },
    progress: (pledged: string, wanted: string) => `${pledged} sur ${wanted}`,
    filled: 'Comblé, merci !',
    closed: 'Fermé',
    skills: 'Compétences :',
    shift: 'Quart :',
    supporters: (n: number) => `${n} ${n > 1 ? 'personnes appuient' : 'personne appuie'} ce projet.`,
    contribute: 'Pour offrir du temps, du matériel ou un don, utilisez le formulaire du projet sur le site de l’organisme, ou écrivez-lui.',
    missingTitle: 'Projet introuvable',
    missing: 'Aucun projet public ne porte cet identifiant sur ce nœud.',
  },
  en: {
    other: 'Français',
    status: { draft: 'Draft', submitted: 'Under review', published: 'Open to contributions', completed: 'Completed', cancelled: 'Cancelled', rejected: 'Rejected' } satisfies Record<ProjectStatus, string>,
    by: 'Led by',
    when: 'When',
    dates: (from: string, to: string) => `from ${from} to ${to}`,
    partners: 'Partners',
    role: { funder: 'funder', partner: 'partner', sponsor: 'sponsor' },
    needs: 'Needs',
    noNeeds: 'This project has not posted any needs yet.',
    category: { human: 'Volunteering and expertise', material: 'Materials', financial: 'Donations' },
    progress: (pledged: string, wanted: string) => `${pledged} of ${wanted}`,
    filled: 'Filled, thank you!',
    closed: 'Closed',
    skills: 'Skills:',
    shift: 'Shift:',
    supporters: (n: number) => `${n} ${n === 1 ? 'person supports' : 'people support'} this project.`,
    contribute: "To offer time, materials or a donation, use the project's form on the organization's website, or write to them.",
    missingTitle: 'Project not found',
    missing: 'No public project has this id on this node.',
  },
} as const;

const pick = (text: LocalizedText, lang: Lang) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);
const locale = (lang: Lang) => (lang === 'en' ? 'en-CA' : 'fr-CA');
const day = (date: string, lang: Lang) => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const moment = (at: string, lang: Lang) => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'full', timeStyle: 'short', timeZone: 'America/Toronto' }).format(new Date(at));

function needItem(need: Need, lang: Lang) {
  const t = TEXT[lang];
  const amount = (quantity: number) =>
    describeQuantity({ category: need.category, unit: need.category === 'human' ? need.unit : null, unitLabel: need.category === 'material' ? need.unit : null, quantity, lang });
  // "4 of 10 people", "$875.00 of $2,500.00"
  const pledged = need.category === 'financial' ? amount(need.pledged) : new Intl.NumberFormat(locale(lang)).format(need.pledged);
  const label = t.progress(pledged, amount(need.wanted));
  return html`<li class="need">
  <h3>${pick(need.title, lang)} <span class="hint">${t.category[need.category]}</span></h3>
  ${need.description ? html`<p>${pick(need.description, lang)}</p>` : ''}
  ${need.category === 'human' && need.skills.length ? html`<p class="hint">${t.skills} ${need.skills.join(', ')}</p>` : ''}
  ${need.category === 'human' && need.shift ? html`<p class="hint">${t.shift} ${moment(need.shift.startsAt, lang)}</p>` : ''}
  <progress max="${need.wanted}" value="${Math.min(need.pledged, need.wanted)}" aria-label="${label}"></progress>
  <p>${label}${need.status === 'filled' ? html` — <strong>${t.filled}</strong>` : need.status === 'closed' ? html` — ${t.closed}` : ''}</p>
</li>`;
}

function projectBody(p: ProjectDetail, lang: Lang) {
  const t = TEXT[lang];
  return html`
<p class="hint">${t.status[p.status]}</p>
<h1>${pick(p.title, lang)}</h1>
<p class="lead">${pick(p.summary, lang)}</p>
<dl class="project-facts">
  <dt>${t.by}</dt><dd>${p.organization.name}</dd>
  ${p.startsOn && p.endsOn ? html`<dt>${t.when}</dt><dd>${t.dates(day(p.startsOn, lang), day(p.endsOn, lang))}</dd>` : ''}
  ${p.partners.length ? html`<dt>${t.partners}</dt><dd>${p.partners.map((x, i) => html`${i ? ', ' : ''}${x.organization.name} (${t.role[x.role]})`)}</dd>` : ''}
</dl>
${p.description ? pick(p.description, lang).split(/\n+/).map((para) => html`<p>${para}</p>`) : ''}
<section aria-labelledby="needs">
  <h2 id="needs">${t.needs}</h2>
  ${p.needs.length ? html`<ul class="needs">${p.needs.map((n) => needItem(n, lang))}</ul>` : html`<p>${t.noNeeds}</p>`}
  <p>${t.supporters(p.supporterCount)}</p>
  ${p.status === 'published' ? html`<p class="hint">${t.contribute}</p>` : ''}
</section>`;
}

/** `/projects/:id`: a public project's own page, the `url` of every project and the fallback link of a snippet without JavaScript. */
export function projectPage(app: App, node: NodeServices): void {
  app.get('/projects/:id', async (c) => {
    const id = c.req.param('id');
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const t = TEXT[lang];
    const otherLang = { href: `/projects/${encodeURIComponent(id)}?lang=${lang === 'fr' ? 'en' : 'fr'}`, label: t.other };
    const headers = { ...PAGE_HEADERS, vary: 'Accept-Language' };
    const project = Id.safeParse(id).success ? await findProjectDetail(node.db, id, node.baseUrl, null) : null;
    if (!project) {
      // A followed node's project is shown, and contributed to, on its own node.
      const copy = Id.safeParse(id).success ? await followedProject(node.db, id) : undefined;
      if (copy) return c.redirect(copy.url, 302);
      return c.body(page({ lang, title: `${t.missingTitle} — Perron`, otherLang, body: html`<h1>${t.missingTitle}</h1><p class="lead">${t.missing}</p>` }), 404, headers);
    }
    const head = html`${oembedLink(node.baseUrl, project.url, pick(project.title, lang))}
${projectJsonLd(project, node.baseUrl, lang)}`;
    return c.body(page({ lang, title: `${pick(project.title, lang)} — Perron`, styles: ['project.css'], otherLang, head, body: projectBody(project, lang) }), 200, headers);
  });
}
