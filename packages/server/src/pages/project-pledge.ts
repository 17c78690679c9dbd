import { consentNotice, CONSENT_VERSION, MAX_PLEDGE, organizationName, PledgeCreate, type Lang, type LocalizedText, type Need, type ProjectDetail } from '@perron/contract';
import * as z from 'zod/mini';
import { ProblemError } from '../http/problem.ts';
import { describeQuantity } from '../services/pledge-receipt.ts';
import { html, type SafeHtml } from './html.ts';

// The project page's pledge form: a plain HTML form posted to the node, for people without
// JavaScript (a shared link, a search engine, the snippet's fallback). The same schema, consent
// and service as `POST /v1/needs/{id}/pledges`; errors come back at their fields.

const TEXT = {
  fr: {
    title: 'M’engager',
    lead: 'Choisissez un besoin et dites combien vous offrez. L’équipe du projet vous écrira.',
    need: 'Besoin',
    quantity: { hours: 'Nombre d’heures', people: 'Nombre de personnes', material: (unit: string) => `Quantité (${unit})`, financial: 'Montant du don ($)', any: 'Quantité (dans l’unité du besoin : heures, personnes, articles ou dollars)' },
    range: (min: string, max: string) => `Entre ${min} et ${max}.`,
    name: 'Votre nom',
    email: 'Votre courriel',
    message: 'Message aux organisateurs (facultatif)',
    notice: 'Vos renseignements personnels',
    submit: 'Envoyer mon engagement',
    summary: (n: number) => (n > 1 ? `${n} champs sont à corriger :` : 'Un champ est à corriger :'),
    errors: {
      need: 'Choisissez un besoin ouvert.',
      quantity: (min: string, max: string) => `Indiquez un nombre entier entre ${min} et ${max}.`,
      amount: (min: string, max: string) => `Indiquez un montant entre ${min} et ${max}.`,
      name: 'Indiquez votre nom (100 caractères au plus).',
      email: 'Indiquez une adresse courriel valide, comme nom@exemple.org.',
      message: 'Le message doit faire 1 000 caractères au plus.',
      share: 'Cochez cette case : l’organisme a besoin de votre nom et de votre courriel pour organiser votre contribution.',
      overPledged: 'C’est plus que ce qu’il reste à combler pour ce besoin. Indiquez une quantité plus petite.',
      cap: 'Vous avez atteint le nombre d’engagements possibles en ligne pour aujourd’hui. Écrivez à l’organisme pour aller plus loin.',
      blocked: 'Cet organisme n’accepte pas d’engagement de cette adresse courriel.',
      closed: 'Ce besoin ne prend plus d’engagements.',
      locked: 'Les dons à ce projet s’ouvrent quand assez de personnes l’appuient : appuyez-le, ou offrez du temps ou du matériel.',
    },
  },
  en: {
    title: 'Pledge',
    lead: 'Choose a need and say how much you offer. The project team will write to you.',
    need: 'Need',
    quantity: { hours: 'Number of hours', people: 'Number of people', material: (unit: string) => `Quantity (${unit})`, financial: 'Donation amount ($)', any: 'Quantity (in the need’s unit: hours, people, items or dollars)' },
    range: (min: string, max: string) => `Between ${min} and ${max}.`,
    name: 'Your name',
    email: 'Your email',
    message: 'Message to the organizers (optional)',
    notice: 'Your personal information',
    submit: 'Send my pledge',
    summary: (n: number) => (n > 1 ? `${n} fields need fixing:` : 'One field needs fixing:'),
    errors: {
      need: 'Choose an open need.',
      quantity: (min: string, max: string) => `Enter a whole number between ${min} and ${max}.`,
      amount: (min: string, max: string) => `Enter an amount between ${min} and ${max}.`,
      name: 'Enter your name (at most 100 characters).',
      email: 'Enter a valid email address, like name@example.org.',
      message: 'The message must be at most 1,000 characters.',
      share: 'Tick this box: the organization needs your name and email to organize your contribution.',
      overPledged: 'That is more than what is left to fill on this need. Enter a smaller quantity.',
      cap: 'You have reached the number of online pledges possible today. Write to the organization to go further.',
      blocked: 'This organization does not accept pledges from this email address.',
      closed: 'This need no longer takes pledges.',
      locked: 'Donations to this project open once enough people support it: support it, or offer time or materials.',
    },
  },
} as const;

export type PledgeField = 'need' | 'quantity' | 'name' | 'email' | 'message' | 'share' | 'form';
export type PledgeErrors = Partial<Record<PledgeField, string>>;
/** What the person typed, given back with the errors: nothing is lost. */
export type PledgeValues = Partial<Record<'need' | 'quantity' | 'name' | 'email' | 'message' | 'share' | 'updates', string>>;

const pick = (text: LocalizedText, lang: Lang) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);
const number = (n: number, lang: Lang) => new Intl.NumberFormat(lang === 'en' ? 'en-CA' : 'fr-CA').format(n);
const money = (cents: number, lang: Lang) => new Intl.NumberFormat(lang === 'en' ? 'en-CA' : 'fr-CA', { style: 'currency', currency: 'CAD' }).format(cents / 100);

export const isOpenNeed = (n: Need) => n.status === 'open' && (n.category === 'financial' || n.pledged < n.wanted);
const maxPledge = (n: Need) => (n.category === 'financial' ? MAX_PLEDGE.cents : n.category === 'material' ? MAX_PLEDGE.material : n.unit === 'people' ? MAX_PLEDGE.people : MAX_PLEDGE.hours);
/** The unit a need counts in, to say it beside its title in the choice. */
const unitOf = (n: Need, lang: Lang) =>
  n.category === 'financial' ? '$' : n.category === 'material' ? pick(n.unit, lang) : lang === 'en' ? n.unit : n.unit === 'hours' ? 'heures' : 'personnes';
/** At most what is left on a bounded need, and never more than one pledge may carry. */
const maxFor = (n: Need) => (n.category === 'financial' ? maxPledge(n) : Math.max(1, Math.min(maxPledge(n), n.wanted - n.pledged)));

function quantityError(need: Need | undefined, lang: Lang): string {
  const e = TEXT[lang].errors;
  if (!need) return e.quantity(number(1, lang), number(MAX_PLEDGE.cents, lang));
  return need.category === 'financial' ? e.amount(money(100, lang), money(maxFor(need), lang)) : e.quantity(number(1, lang), number(maxFor(need), lang));
}

/** "25", "25,50", "1 200 $" → cents; anything else → NaN. */
function parseCents(raw: string): number {
  const s = raw.replace(/[\s\u00a0\u202f$]/g, '').replace(',', '.');
  return /^\d{1,9}(\.\d{1,2})?$/.test(s) ? Math.round(Number(s) * 100) : Number.NaN;
}

/** Which of the form's fields a path of the contract's schema is. */
const FIELD_OF: Record<string, PledgeField> = { quantity: 'quantity', 'contact.name': 'name', 'contact.email': 'email', message: 'message', 'consent.shareWithOrganizers': 'share' };

/** The posted form as the API's body, checked by the contract's schema; else the errors by field. */
export function readPledgeForm(form: PledgeValues, need: Need | undefined, lang: Lang): { ok: true; body: PledgeCreate } | { ok: false; errors: PledgeErrors } {
  const e = TEXT[lang].errors;
  const raw = (form.quantity ?? '').trim();
  const quantity = need?.category === 'financial' ? parseCents(raw) : /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  const message = (form.message ?? '').trim();
  const input = {
    quantity,
    contact: { name: (form.name ?? '').trim(), email: (form.email ?? '').trim() },
    ...(message ? { message } : {}),
    consent: { version: CONSENT_VERSION, shareWithOrganizers: form.share === 'yes', updates: form.updates === 'yes' },
    lang,
  };
  const errors: PledgeErrors = {};
  if (!need || !isOpenNeed(need)) errors.need = e.need;
  const parsed = z.safeParse(PledgeCreate, input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[issue.path.join('.')];
      if (field) errors[field] ??= field === 'quantity' ? quantityError(need, lang) : e[field as 'name' | 'email' | 'message' | 'share'];
    }
  }
  if (need && !errors.quantity && quantity > maxFor(need)) errors.quantity = quantityError(need, lang);
  return Object.keys(errors).length || !parsed.success ? { ok: false, errors } : { ok: true, body: parsed.data };
}

/** A refusal of the pledging service, said at the field it concerns; anything else is thrown on. */
export function pledgeRefusal(error: unknown, need: Need, lang: Lang): PledgeErrors {
  const e = TEXT[lang].errors;
  if (!(error instanceof ProblemError)) throw error;
  switch (error.code) {
    case 'over_pledged':
      return { quantity: e.overPledged };
    case 'validation_failed':
      return { quantity: quantityError(need, lang) };
    case 'pledge_cap':
      return { form: e.cap };
    case 'blocked':
      return { form: e.blocked };
    case 'crowdfunding_locked':
      return { need: e.locked };
    case 'invalid_state':
    case 'not_found':
      return { need: e.closed };
    default:
      throw error;
  }
}

/** One labelled field; its error (if any) above the control and tied to it by aria-describedby. */
function field(name: PledgeField, label: string, errors: PledgeErrors, control: (describedBy: string | undefined) => SafeHtml, hint?: string): SafeHtml {
  const error = errors[name];
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return html`<div class="field${error ? ' invalid' : ''}">
  <label for="pledge-${name}">${label}</label>
  ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : ''}
  ${error ? html`<p class="field-error" id="${name}-error">${error}</p>` : ''}
  ${control(ids)}
</div>`;
}

const invalid = (errors: PledgeErrors, name: PledgeField) => (errors[name] ? html` aria-invalid="true"` : '');
const describedBy = (ids: string | undefined) => (ids ? html` aria-describedby="${ids}"` : '');

/** The form, for one need (`need`) or a choice among the open ones. */
export function pledgeFormHtml(p: { project: ProjectDetail; lang: Lang; need?: Need; from?: string; errors?: PledgeErrors; values?: PledgeValues }): SafeHtml {
  const { project, lang, need } = p;
  const t = TEXT[lang];
  const errors = p.errors ?? {};
  const values = p.values ?? {};
  const open = project.needs.filter(isOpenNeed);
  // The answer opens at the form: its errors, or what follows, are where the person is looking.
  const action = `/projects/${encodeURIComponent(project.id)}/pledges?lang=${lang}#pledge`;
  const chosen = need && isOpenNeed(need) ? need : open.length === 1 ? open[0] : undefined;
  const quantityLabel = !chosen
    ? t.quantity.any
    : chosen.category === 'human'
      ? t.quantity[chosen.unit]
      : chosen.category === 'material'
        ? t.quantity.material(pick(chosen.unit, lang))
        : t.quantity.financial;
  const hint = chosen
    ? chosen.category === 'financial'
      ? t.range(money(100, lang), money(maxFor(chosen), lang))
      : t.range(number(1, lang), describeQuantity({ category: chosen.category, unit: chosen.category === 'human' ? chosen.unit : null, unitLabel: chosen.category === 'material' ? chosen.unit : null, quantity: maxFor(chosen), lang }))
    : undefined;
  const count = Object.keys(errors).filter((k) => k !== 'form').length;
  const notice = consentNotice;
  return html`<section id="pledge" class="pledge-form" aria-labelledby="pledge-title">
<h2 id="pledge-title">${t.title}</h2>
<p>${t.lead}</p>
${count || errors.form
    ? html`<div class="error-summary" role="alert" tabindex="-1" id="pledge-errors">
  ${errors.form ? html`<p>${errors.form}</p>` : ''}
  ${count ? html`<p>${t.summary(count)}</p><ul>${(Object.keys(errors) as PledgeField[]).filter((k) => k !== 'form').map((k) => html`<li><a href="#pledge-${k}">${errors[k]}</a></li>`)}</ul>` : ''}
</div>`
    : ''}
<form method="post" action="${action}" novalidate>
${p.from ? html`<input type="hidden" name="from" value="${p.from}">` : ''}
${field(
  'need',
  t.need,
  errors,
  (ids) => html`<select id="pledge-need" name="need" required${invalid(errors, 'need')}${describedBy(ids)}>
  ${open.length === 1 ? '' : html`<option value="">—</option>`}
  ${open.map((n) => html`<option value="${n.id}"${(values.need ?? chosen?.id) === n.id ? html` selected` : ''}>${pick(n.title, lang)} (${unitOf(n, lang)})</option>`)}
</select>`,
)}
${field(
  'quantity',
  quantityLabel,
  errors,
  (ids) => html`<input id="pledge-quantity" name="quantity" inputmode="${chosen?.category === 'financial' ? 'decimal' : 'numeric'}" required value="${values.quantity ?? ''}"${invalid(errors, 'quantity')}${describedBy(ids)}>`,
  hint,
)}
${field('name', t.name, errors, (ids) => html`<input id="pledge-name" name="name" autocomplete="name" maxlength="100" required value="${values.name ?? ''}"${invalid(errors, 'name')}${describedBy(ids)}>`)}
${field('email', t.email, errors, (ids) => html`<input id="pledge-email" name="email" type="email" autocomplete="email" required value="${values.email ?? ''}"${invalid(errors, 'email')}${describedBy(ids)}>`)}
<fieldset class="notice">
  <legend>${t.notice}</legend>
  <p>${pick(notice.purpose, lang).replace('{organization}', organizationName(project.organization, lang))}</p>
  <p>${pick(notice.rights, lang)}</p>
  ${errors.share ? html`<p class="field-error" id="share-error">${errors.share}</p>` : ''}
  <p class="check"><input type="checkbox" id="pledge-share" name="share" value="yes" required${values.share === 'yes' ? html` checked` : ''}${invalid(errors, 'share')}${errors.share ? html` aria-describedby="share-error"` : ''}> <label for="pledge-share">${pick(notice.shareWithOrganizers, lang)}</label></p>
  <p class="check"><input type="checkbox" id="pledge-updates" name="updates" value="yes"${values.updates === 'yes' ? html` checked` : ''}> <label for="pledge-updates">${pick(notice.updates, lang)}</label></p>
</fieldset>
${field('message', t.message, errors, (ids) => html`<textarea id="pledge-message" name="message" maxlength="1000"${invalid(errors, 'message')}${describedBy(ids)}>${values.message ?? ''}</textarea>`)}
<p><button type="submit">${t.submit}</button></p>
</form>
</section>`;
}
