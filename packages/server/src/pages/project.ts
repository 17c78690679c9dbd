import { Id, organizationName, PLEDGE_HOLD_MINUTES, type HumanNeed, type Lang, type LocalizedText, type Need, type NeedSkill, type ProjectDetail, type ProjectStatus } from '@perron/contract';
import type { App } from '../app.ts';
import { followedProject } from '../db/queries/followed.ts';
import { findProjectDetail } from '../db/queries/projects.ts';
import type { NodeServices } from '../handlers/types.ts';
import { describeQuantity } from '../services/pledge-receipt.ts';
import { createPledge } from '../services/pledging.ts';
import { isOpenNeed, pledgeFormHtml, pledgeRefusal, readPledgeForm, type PledgeErrors, type PledgeValues } from './project-pledge.ts';
import { html, oembedLink, page, PAGE_HEADERS, pageLang } from './html.ts';
import { projectJsonLd } from './structured-data.ts';
import { moneyLocked, moneyLockedText, readSupportForm, supportFormHtml, supportLine, supportRefusal, type SupportErrors } from './support-form.ts';
import { supportProject } from '../services/supports.ts';
import { localDate } from '../services/time-zone.ts';

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
    deadline: (day: string) => `D’ici le ${day}`,
    supportFirst: 'Appuyer le projet',
    help: 'Je contribue',
    helpWith: (need: string) => `Je contribue : ${need}`,
    organization: 'L’organisme',
    website: (name: string) => `Site web de ${name}`,
    back: (host: string) => `Retour à ${host}`,
    thanksTitle: 'Merci ! Dernière étape : votre courriel',
    thanks: (minutes: number) => `Nous avons envoyé un lien à l’adresse que vous avez indiquée. Suivez-le dans les ${minutes} minutes pour confirmer votre engagement : d’ici là, votre place est réservée, mais rien n’est encore compté.`,
    thanksNext: 'Une fois votre engagement confirmé, l’organisme reçoit votre nom et votre courriel et vous écrira pour l’organiser. Le courriel de confirmation contient aussi un lien pour le retirer.',
    project: 'Retour au projet',
    supportedTitle: 'Merci ! Dernière étape : votre courriel',
    supported: 'Nous avons envoyé un lien à l’adresse que vous avez indiquée. Suivez-le dans les 7 jours pour confirmer votre appui : il sera compté une seule fois.',
    fix: 'Votre engagement n’a pas été envoyé',
    supportFix: 'Votre appui n’a pas été envoyé',
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
    deadline: (day: string) => `By ${day}`,
    supportFirst: 'Support the project',
    help: 'I want to help',
    helpWith: (need: string) => `I want to help: ${need}`,
    organization: 'The organization',
    website: (name: string) => `${name}’s website`,
    back: (host: string) => `Back to ${host}`,
    thanksTitle: 'Thank you! Last step: your email',
    thanks: (minutes: number) => `We sent a link to the address you gave. Follow it within ${minutes} minutes to confirm your pledge: until then your place is held, but nothing is counted yet.`,
    thanksNext: 'Once your pledge is confirmed, the organization receives your name and email and will write to you to organize it. The confirmation email also has a link to withdraw it.',
    project: 'Back to the project',
    supportedTitle: 'Thank you! Last step: your email',
    supported: 'We sent a link to the address you gave. Follow it within 7 days to confirm your support: it will count once.',
    fix: 'Your pledge was not sent',
    supportFix: 'Your support was not sent',
    missingTitle: 'Project not found',
    missing: 'No public project has this id on this node.',
  },
} as const;

const pick = (text: LocalizedText, lang: Lang) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);
const locale = (lang: Lang) => (lang === 'en' ? 'en-CA' : 'fr-CA');
const day = (date: string, lang: Lang) => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
/** A deadline's day, « 15 décembre » / "December 15", with its year when it is not this year's in Montréal. */
const dayMonth = (date: string, lang: Lang) =>
  new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: date.slice(0, 4) === localDate(new Date()).slice(0, 4) ? undefined : 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const moment = (at: string, lang: Lang) => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'full', timeStyle: 'short', timeZone: 'America/Toronto' }).format(new Date(at));

/**
 * A volunteer need's skills in the page's language: the taxonomy's have both labels; text the
 * organization typed (and a copy's from a node without `skillLabels`) stays French, marked `lang="fr"`.
 */
const skillsHtml = (need: HumanNeed, lang: Lang) =>
  (need.skillLabels ?? need.skills.map((fr): NeedSkill => ({ label: { fr } }))).map(({ label }, i) => {
    const en = lang === 'en' ? label.en : undefined;
    return html`${i ? ', ' : ''}<span lang="${en ? 'en' : 'fr'}">${en ?? label.fr}</span>`;
  });

function needItem(need: Need, lang: Lang, link: (needId: string) => string, waiting: string | null) {
  const t = TEXT[lang];
  const amount = (quantity: number) =>
    describeQuantity({ category: need.category, unit: need.category === 'human' ? need.unit : null, unitLabel: need.category === 'material' ? need.unit : null, quantity, lang });
  // "4 of 10 people", "$875.00 of $2,500.00"
  const pledged = need.category === 'financial' ? amount(need.pledged) : new Intl.NumberFormat(locale(lang)).format(need.pledged);
  const label = t.progress(pledged, amount(need.wanted));
  return html`<li class="need">
  <h3>${pick(need.title, lang)} <span class="hint">${t.category[need.category]}</span></h3>
  ${need.description ? html`<p>${pick(need.description, lang)}</p>` : ''}
  ${need.category === 'human' && need.skills.length ? html`<p class="hint">${t.skills} ${skillsHtml(need, lang)}</p>` : ''}
  ${need.category === 'human' && need.shift ? html`<p class="hint">${t.shift} ${moment(need.shift.startsAt, lang)}</p>` : ''}
  ${need.deadline ? html`<p class="hint">${t.deadline(dayMonth(need.deadline, lang))}</p>` : ''}
  <progress max="${need.wanted}" value="${Math.min(need.pledged, need.wanted)}" aria-label="${label}"></progress>
  <p>${label}${need.status === 'filled' ? html` — <strong>${t.filled}</strong>` : need.status === 'closed' ? html` — ${t.closed}` : ''}</p>
  ${waiting && need.category === 'financial' && need.status === 'open'
    ? html`<p class="hint">${waiting} <a href="#support">${t.supportFirst}</a></p>`
    : isOpenNeed(need) ? html`<p><a class="button-link" href="${link(need.id)}" aria-label="${t.helpWith(pick(need.title, lang))}">${t.help}</a></p>` : ''}
</li>`;
}

interface OrganizationFacts {
  description: LocalizedText | null;
  website: string | null;
  logo_url: string | null;
}

/** What the page shows besides the project: where the person came from, and the pledge form's state. */
interface PageState {
  from?: string;
  need?: string;
  errors?: PledgeErrors;
  values?: PledgeValues;
  /** The support form's email and errors, after a post that failed. */
  support?: { email: string; errors: SupportErrors };
}

/** A page the person came from, to lead them back: an http(s) address other than the node's own. */
export function backLink(from: string | undefined, referer: string | undefined, baseUrl: string): string | undefined {
  for (const candidate of [from, referer]) {
    if (!candidate || candidate.length > 500) continue;
    try {
      const url = new URL(candidate);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin !== new URL(baseUrl).origin) return url.href;
    } catch {
      // not an address: ignored
    }
  }
  return undefined;
}

const query = (lang: Lang, from: string | undefined, more: Record<string, string> = {}) => new URLSearchParams({ lang, ...(from ? { from } : {}), ...more }).toString();

function projectBody(p: ProjectDetail, org: OrganizationFacts, lang: Lang, state: PageState) {
  const t = TEXT[lang];
  const back = state.from;
  const needLink = (needId: string) => `/projects/${encodeURIComponent(p.id)}?${query(lang, back, { need: needId })}#pledge`;
  const [website, logo] = [org.website, org.logo_url].map((url) => (url && /^https?:\/\//.test(url) ? url : null));
  // Money needs wait for the supporters' threshold: said at each, left out of the pledge form.
  const waiting = moneyLocked(p) && p.status === 'published' ? moneyLockedText(p, lang) : null;
  const pledgeable = waiting ? { ...p, needs: p.needs.filter((n) => n.category !== 'financial') } : p;
  const pledging = p.status === 'published' && pledgeable.needs.some(isOpenNeed);
  return html`
${back ? html`<p class="back"><a href="${back}">${t.back(new URL(back).host)}</a></p>` : ''}
${state.errors && Object.keys(state.errors).length ? html`<p class="hint">${t.fix}</p>` : ''}
${state.support ? html`<p class="hint">${t.supportFix}</p>` : ''}
<p class="hint">${t.status[p.status]}</p>
<h1>${pick(p.title, lang)}</h1>
<p class="lead">${pick(p.summary, lang)}</p>
<dl class="project-facts">
  <dt>${t.by}</dt><dd>${organizationName(p.organization, lang)}</dd>
  ${p.startsOn && p.endsOn ? html`<dt>${t.when}</dt><dd>${t.dates(day(p.startsOn, lang), day(p.endsOn, lang))}</dd>` : ''}
  ${p.partners.length ? html`<dt>${t.partners}</dt><dd>${p.partners.map((x, i) => html`${i ? ', ' : ''}${organizationName(x.organization, lang)} (${t.role[x.role]})`)}</dd>` : ''}
</dl>
${p.description ? pick(p.description, lang).split(/\n+/).map((para) => html`<p>${para}</p>`) : ''}
<section aria-labelledby="needs">
  <h2 id="needs">${t.needs}</h2>
  ${p.needs.length ? html`<ul class="needs">${p.needs.map((n) => needItem(n, lang, needLink, waiting))}</ul>` : html`<p>${t.noNeeds}</p>`}
  <p>${supportLine(p, lang)}</p>
</section>
${p.status === 'published' ? supportFormHtml({ project: p, lang, from: back, errors: state.support?.errors, email: state.support?.email }) : ''}
${pledging ? pledgeFormHtml({ project: pledgeable, lang, need: pledgeable.needs.find((n) => n.id === (state.values?.need ?? state.need)), from: back, errors: state.errors, values: state.values }) : ''}
<section aria-labelledby="organization">
  <h2 id="organization">${t.organization}</h2>
  <p class="organization-name">${logo ? html`<img class="logo" src="${logo}" alt="" width="64" height="64" loading="lazy" referrerpolicy="no-referrer">` : ''}<strong>${organizationName(p.organization, lang)}</strong></p>
  ${org.description ? html`<p>${pick(org.description, lang)}</p>` : ''}
  ${website ? html`<p><a href="${website}" rel="noopener">${t.website(organizationName(p.organization, lang))}</a></p>` : ''}
</section>`;
}

/** The project's page, with its form in the state given (fresh, or with what was posted and its errors). */
async function renderProject(node: NodeServices, id: string, lang: Lang, state: PageState, status: 200 | 400 | 409 = 200): Promise<Response> {
  const t = TEXT[lang];
  const otherLang = { href: `/projects/${encodeURIComponent(id)}?${query(lang === 'fr' ? 'en' : 'fr', state.from, state.need ? { need: state.need } : {})}`, label: t.other };
  const headers = { ...PAGE_HEADERS, vary: 'Accept-Language, Referer' };
  const project = Id.safeParse(id).success ? await findProjectDetail(node.db, id, node.baseUrl, null) : null;
  if (!project) {
    // A followed node's project is shown, and contributed to, on its own node.
    const copy = Id.safeParse(id).success ? await followedProject(node.db, id) : undefined;
    if (copy) return new Response(null, { status: 302, headers: { location: copy.url } });
    return new Response(page({ lang, title: `${t.missingTitle} — Perron`, otherLang, body: html`<h1>${t.missingTitle}</h1><p class="lead">${t.missing}</p>` }), { status: 404, headers });
  }
  const [org] = await node.db.query<OrganizationFacts>('select description, website, logo_url from organizations where id = $1', [project.organization.id]);
  const head = html`${oembedLink(node.baseUrl, project.url, pick(project.title, lang))}
${projectJsonLd(project, node.baseUrl, lang)}`;
  const title = `${status === 200 ? '' : `${state.support ? t.supportFix : t.fix} — `}${pick(project.title, lang)} — Perron`;
  return new Response(page({ lang, title, styles: ['project.css'], otherLang, head, body: projectBody(project, org ?? { description: null, website: null, logo_url: null }, lang, state) }), { status, headers });
}

/**
 * `/projects/:id`: a public project's own page, the `url` of every project and the fallback link of
 * a snippet without JavaScript: its needs, a pledge form that posts without JavaScript, the
 * organization, and a way back to the site the person came from (`from`, else the Referer).
 * `POST /projects/:id/pledges` records the pledge as the API does (held until its email is
 * confirmed), then `GET /projects/:id/pledged` says to follow the emailed link.
 */
export function projectPage(app: App, node: NodeServices): void {
  app.get('/projects/:id', async (c) => {
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const from = backLink(c.req.query('from'), c.req.header('referer'), node.baseUrl);
    return renderProject(node, c.req.param('id'), lang, { from, need: c.req.query('need') });
  });

  app.post('/projects/:id/pledges', async (c) => {
    const id = c.req.param('id');
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const form = await c.req.parseBody();
    const values: PledgeValues = {};
    for (const k of ['need', 'quantity', 'name', 'email', 'message', 'share', 'updates'] as const) if (typeof form[k] === 'string') values[k] = form[k].slice(0, 2000);
    const from = backLink(typeof form.from === 'string' ? form.from : undefined, undefined, node.baseUrl);
    const project = Id.safeParse(id).success ? await findProjectDetail(node.db, id, node.baseUrl, null) : null;
    if (!project) return renderProject(node, id, lang, { from });
    const need = project.needs.find((n) => n.id === values.need);
    const read = readPledgeForm(values, need, lang);
    if (!read.ok) return renderProject(node, id, lang, { from, values, errors: read.errors }, 400);
    try {
      await node.db.tx((q) => createPledge(q, node, need!.id, read.body, { key: null, client: c.get('client') }));
    } catch (error) {
      return renderProject(node, id, lang, { from, values, errors: pledgeRefusal(error, need!, lang) }, 409);
    }
    // POST-redirect-GET: a reload does not pledge twice, and the address carries nothing personal.
    return c.redirect(`/projects/${encodeURIComponent(id)}/pledged?${query(lang, from)}`, 303);
  });

  app.post('/projects/:id/supports', async (c) => {
    const id = c.req.param('id');
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.slice(0, 300) : '';
    const from = backLink(typeof form.from === 'string' ? form.from : undefined, undefined, node.baseUrl);
    const read = readSupportForm(email, lang);
    if (!read.ok) return renderProject(node, id, lang, { from, support: { email, errors: read.errors } }, 400);
    try {
      await node.db.tx((q) => supportProject(q, node, id, read.body));
    } catch (error) {
      return renderProject(node, id, lang, { from, support: { email, errors: supportRefusal(error, lang) } }, 409);
    }
    return c.redirect(`/projects/${encodeURIComponent(id)}/supported?${query(lang, from)}`, 303);
  });

  app.get('/projects/:id/supported', (c) => {
    const id = c.req.param('id');
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const t = TEXT[lang];
    const from = backLink(c.req.query('from'), undefined, node.baseUrl);
    const otherLang = { href: `/projects/${encodeURIComponent(id)}/supported?${query(lang === 'fr' ? 'en' : 'fr', from)}`, label: t.other };
    const body = html`<h1>${t.supportedTitle}</h1>
<p class="lead">${t.supported}</p>
<p><a href="/projects/${encodeURIComponent(id)}?${query(lang, from)}">${t.project}</a></p>
${from ? html`<p><a href="${from}">${t.back(new URL(from).host)}</a></p>` : ''}`;
    return c.body(page({ lang, title: `${t.supportedTitle} — Perron`, otherLang, body }), 200, { ...PAGE_HEADERS, 'cache-control': 'no-store' });
  });

  app.get('/projects/:id/pledged', (c) => {
    const id = c.req.param('id');
    const lang = pageLang(c.req.query('lang'), c.req.header('accept-language'));
    const t = TEXT[lang];
    const from = backLink(c.req.query('from'), undefined, node.baseUrl);
    const otherLang = { href: `/projects/${encodeURIComponent(id)}/pledged?${query(lang === 'fr' ? 'en' : 'fr', from)}`, label: t.other };
    const body = html`<h1>${t.thanksTitle}</h1>
<p class="lead">${t.thanks(PLEDGE_HOLD_MINUTES)}</p>
<p>${t.thanksNext}</p>
<p><a href="/projects/${encodeURIComponent(id)}?${query(lang, from)}">${t.project}</a></p>
${from ? html`<p><a href="${from}">${t.back(new URL(from).host)}</a></p>` : ''}`;
    return c.body(page({ lang, title: `${t.thanksTitle} — Perron`, otherLang, body }), 200, { ...PAGE_HEADERS, 'cache-control': 'no-store' });
  });
}
