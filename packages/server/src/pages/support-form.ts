import { supportNotice, SupportCreate, type Lang, type Project } from '@perron/contract';
import * as z from 'zod/mini';
import { ProblemError } from '../http/problem.ts';
import { html, type SafeHtml } from './html.ts';

// The project page's "J'appuie ce projet" form: a plain HTML form posted to the node, for people
// without JavaScript. The same schema, notice and service as `POST /v1/projects/{id}/supports`.

const TEXT = {
  fr: {
    title: 'J’appuie ce projet',
    lead: 'Votre appui compte pour ouvrir le financement du projet. Un seul appui par personne, confirmé par courriel.',
    // Not the pledge form's "Votre courriel": both forms are on the page, each field named apart.
    email: 'Votre courriel, pour confirmer votre appui',
    notice: 'Vos renseignements personnels',
    submit: 'J’appuie ce projet',
    supporters: (n: string, count: number) => `${n} ${count > 1 ? 'personnes appuient' : 'personne appuie'} ce projet.`,
    locked: (n: string, count: number, threshold: string) => `${n} ${count > 1 ? 'appuis' : 'appui'} sur ${threshold} — le financement s’ouvre à ${threshold}.`,
    unlocked: (n: string, count: number) => `${n} ${count > 1 ? 'appuis' : 'appui'} — le financement est ouvert.`,
    moneyLocked: (threshold: string) => `Les dons s’ouvrent quand ${threshold} personnes appuient le projet.`,
    errors: {
      email: 'Indiquez une adresse courriel valide, comme nom@exemple.org.',
      already: 'Cette adresse appuie déjà ce projet : un appui compte une fois.',
      closed: 'Ce projet ne reçoit plus d’appuis.',
    },
  },
  en: {
    title: 'I support this project',
    lead: 'Your support counts toward opening the project’s crowdfunding. One support per person, confirmed by email.',
    email: 'Your email, to confirm your support',
    notice: 'Your personal information',
    submit: 'I support this project',
    supporters: (n: string, count: number) => `${n} ${count === 1 ? 'person supports' : 'people support'} this project.`,
    locked: (n: string, count: number, threshold: string) => `${n} ${count === 1 ? 'supporter' : 'supporters'} of ${threshold} — crowdfunding opens at ${threshold}.`,
    unlocked: (n: string, count: number) => `${n} ${count === 1 ? 'supporter' : 'supporters'} — crowdfunding is open.`,
    moneyLocked: (threshold: string) => `Donations open once ${threshold} people support the project.`,
    errors: {
      email: 'Enter a valid email address, like name@example.org.',
      already: 'This address already supports this project: a support counts once.',
      closed: 'This project no longer takes support.',
    },
  },
} as const;

const number = (n: number, lang: Lang) => new Intl.NumberFormat(lang === 'en' ? 'en-CA' : 'fr-CA').format(n);
const pick = (text: { fr: string; en?: string | undefined }, lang: Lang) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);

/** "12 appuis sur 25 — le financement s'ouvre à 25", or the count alone when there is no threshold. */
export function supportLine(p: Pick<Project, 'supporterCount' | 'crowdfunding'>, lang: Lang): string {
  const t = TEXT[lang];
  const n = number(p.supporterCount, lang);
  if (!p.crowdfunding) return t.supporters(n, p.supporterCount);
  return p.crowdfunding.unlocked ? t.unlocked(n, p.supporterCount) : t.locked(n, p.supporterCount, number(p.crowdfunding.threshold, lang));
}

/** Whether the project's money needs wait for supporters. */
export const moneyLocked = (p: Pick<Project, 'crowdfunding'>) => !!p.crowdfunding && !p.crowdfunding.unlocked;
/** Said where a money need's pledge link would be while it waits. */
export const moneyLockedText = (p: Project, lang: Lang) => TEXT[lang].moneyLocked(number(p.crowdfunding!.threshold, lang));

export type SupportErrors = Partial<Record<'email' | 'form', string>>;

/** The posted form as the API's body, checked by the contract's schema; else the error. */
export function readSupportForm(email: string, lang: Lang): { ok: true; body: SupportCreate } | { ok: false; errors: SupportErrors } {
  const parsed = z.safeParse(SupportCreate, { email: email.trim(), consent: { version: supportNotice.version }, lang });
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: { email: TEXT[lang].errors.email } };
}

/** A refusal of the support service, said on the form; anything else is thrown on. */
export function supportRefusal(error: unknown, lang: Lang): SupportErrors {
  if (!(error instanceof ProblemError)) throw error;
  const e = TEXT[lang].errors;
  if (error.code === 'already_supported') return { form: e.already };
  if (error.code === 'invalid_state' || error.code === 'not_found') return { form: e.closed };
  if (error.code === 'validation_failed') return { email: e.email };
  throw error;
}

/** The form: an email, the notice, one button. Errors above the field, tied to it. */
export function supportFormHtml(p: { project: Project; lang: Lang; from?: string; errors?: SupportErrors; email?: string }): SafeHtml {
  const { project, lang } = p;
  const t = TEXT[lang];
  const errors = p.errors ?? {};
  const action = `/projects/${encodeURIComponent(project.id)}/supports?lang=${lang}#support`;
  const describedBy = ['support-notice', errors.email ? 'support-email-error' : ''].filter(Boolean).join(' ');
  return html`<section id="support" class="pledge-form" aria-labelledby="support-title">
<h2 id="support-title">${t.title}</h2>
<p>${t.lead}</p>
${errors.form || errors.email
    ? html`<div class="error-summary" role="alert" tabindex="-1" id="support-errors">
  ${errors.form ? html`<p>${errors.form}</p>` : html`<ul><li><a href="#support-email">${errors.email!}</a></li></ul>`}
</div>`
    : ''}
<form method="post" action="${action}" novalidate>
${p.from ? html`<input type="hidden" name="from" value="${p.from}">` : ''}
<div class="field${errors.email ? ' invalid' : ''}">
  <label for="support-email">${t.email}</label>
  ${errors.email ? html`<p class="field-error" id="support-email-error">${errors.email}</p>` : ''}
  <input id="support-email" name="email" type="email" autocomplete="email" required value="${p.email ?? ''}"${errors.email ? html` aria-invalid="true"` : ''} aria-describedby="${describedBy}">
</div>
<div class="notice" id="support-notice">
  <p>${pick(supportNotice.purpose, lang)}</p>
  <p>${pick(supportNotice.rights, lang)}</p>
</div>
<p><button type="submit">${t.submit}</button></p>
</form>
</section>`;
}
