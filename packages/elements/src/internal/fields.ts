import { consentNotice, frenchText, type ConsentNotice } from '@perron/contract';
import { isPerronError } from '@perron/sdk';
import { adoptStyles, html, nothing, supportsAdoptingStyleSheets, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { fieldStyles } from './fields.styles.ts';
import type { PerronElement } from './perron-element.ts';
import { addFrench } from '../i18n/locale.ts';
import frPledge from '../i18n/fr-CA/pledge.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frPledge);

const styled = new WeakSet<ShadowRoot>();

/**
 * The fields' styles, added to an element's shadow root when its form's code arrives: an element
 * that only sometimes holds a form (the calendar, the idea vote) leaves them out of its own styles,
 * so that a page where nobody opens a form does not download them.
 */
export function adoptFieldStyles(host: PerronElement) {
  const root = host.renderRoot as ShadowRoot;
  if (styled.has(root)) return;
  styled.add(root);
  // Where sheets cannot be adopted, Lit's adoptStyles appends a <style> (it replaces adopted sheets otherwise).
  if (!supportsAdoptingStyleSheets) adoptStyles(root, [fieldStyles]);
  else root.adoptedStyleSheets = [...root.adoptedStyleSheets, fieldStyles.styleSheet!];
}

/** Errors by field, keyed by the field's path in the request body (`contact.email`). */
export type FieldErrors = Partial<Record<string, string>>;

/** The key of a contract issue (`['contact','email']`) or of a node's field error (`body.contact.email`). */
export const fieldKey = (path: readonly PropertyKey[] | string) =>
  (typeof path === 'string' ? path.replace(/^body\./, '') : path.map(String).join('.'));
export const fieldId = (key: string) => key.replace(/\./g, '-');

/** Where a contact form's controls go in the request body, when the messages name them so. */
const BODY_KEYS: Record<string, string> = { name: 'contact.name', email: 'contact.email', shareWithOrganizers: 'consent.shareWithOrganizers' };

/**
 * The fields the browser's constraint validation refuses (required, maxlength, type=email, min,
 * max), in the reader's words: one message per known field. Text that is only spaces counts as
 * empty, as the node trims it. The node checks again and answers 400 with field errors.
 */
export function formErrors(form: HTMLFormElement, messages: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const control of form.elements as unknown as Iterable<HTMLInputElement>) {
    if (!control.name || !control.willValidate) continue;
    const blank = control.required && control.type !== 'checkbox' && !control.value.trim();
    const key = [BODY_KEYS[control.name], control.name].find((k) => k !== undefined && k in messages);
    if ((blank || !control.validity.valid) && key !== undefined) errors[key] ??= messages[key];
  }
  return errors;
}

/** A labelled control with its hint and error wired by `aria-describedby`. */
export function renderField(
  key: string,
  label: string,
  errors: FieldErrors,
  control: (attrs: { id: string; describedBy: string | undefined; invalid: 'true' | undefined }) => TemplateResult,
  hint?: string,
  prefix = '',
) {
  const id = prefix + fieldId(key);
  const error = errors[key];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
    ${control({ id, describedBy, invalid: error ? 'true' : undefined })}
    ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing}
  </div>`;
}

/**
 * Name, email, the collection notice (who collects, why, the rights) and two separate, unchecked
 * consents. `prefix` keeps ids unique when several forms share a shadow root.
 */
export function renderContact(host: PerronElement, organization: string, errors: FieldErrors, prefix = '', notice: ConsentNotice = consentNotice) {
  const t = host.t;
  const lang = host.language;
  const say = (text: { fr: string; en: string }) => (lang === 'fr' ? frenchText(text.fr) : text.en);
  const shareError = errors['consent.shareWithOrganizers'];
  return html`${renderField('contact.name', t.pledge.name, errors, (a) => html`<input
        id=${a.id}
        name="name"
        autocomplete="name"
        required
        maxlength="100"
        aria-invalid=${ifDefined(a.invalid)}
        aria-describedby=${ifDefined(a.describedBy)}
      />`, undefined, prefix)}
    ${renderField('contact.email', t.pledge.email, errors, (a) => html`<input
        id=${a.id}
        name="email"
        type="email"
        autocomplete="email"
        required
        maxlength="254"
        aria-invalid=${ifDefined(a.invalid)}
        aria-describedby=${ifDefined(a.describedBy)}
      />`, undefined, prefix)}
    <fieldset part="notice" class="notice">
      <legend>${t.pledge.notice}</legend>
      <p>${say(notice.purpose).replace('{organization}', organization)}</p>
      <p>${say(notice.rights)}</p>
      <div class="check">
        <input
          type="checkbox"
          id="${prefix}consent-shareWithOrganizers"
          name="shareWithOrganizers"
          required
          aria-invalid=${ifDefined(shareError ? 'true' : undefined)}
          aria-describedby=${ifDefined(shareError ? `${prefix}consent-shareWithOrganizers-error` : undefined)}
        />
        <label for="${prefix}consent-shareWithOrganizers">${say(notice.shareWithOrganizers)}</label>
      </div>
      ${shareError ? html`<p class="field-error" id="${prefix}consent-shareWithOrganizers-error">${shareError}</p>` : nothing}
      <div class="check">
        <input type="checkbox" id="${prefix}consent-updates" name="updates" />
        <label for="${prefix}consent-updates">${say(notice.updates)}</label>
      </div>
    </fieldset>`;
}

/** The contact and consent parts of a request body, read from the form as typed. */
export function readContact(data: FormData, notice: ConsentNotice = consentNotice) {
  return {
    contact: { name: String(data.get('name') ?? '').trim(), email: String(data.get('email') ?? '').trim() },
    consent: {
      version: notice.version,
      // Required: the form sends nothing until it is checked (formErrors), and the node refuses false.
      shareWithOrganizers: (data.get('shareWithOrganizers') === 'on') as true,
      updates: data.get('updates') === 'on',
    },
  };
}

export const contactMessages = (host: PerronElement): Record<string, string> => ({
  'contact.name': host.t.pledge.errors.name,
  'contact.email': host.t.pledge.errors.email,
  'consent.shareWithOrganizers': host.t.pledge.errors.consent,
});

/** Moves the focus to the first field in error, in the order of the form. */
export function focusFirstError(root: ParentNode) {
  root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * Whether the node turned a write down for good (a 4xx but 408 and 429): nothing was recorded, so
 * the next attempt is a new write with a new idempotency key. Any other failure is retried with the same key.
 */
export const refused = (error: unknown) => isPerronError(error) && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
