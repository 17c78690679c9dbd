import { initialState } from '@lit/task';
import { frenchText, supportNotice, type Project } from '@perron/contract';
import { getProject, isPerronError, newIdempotencyKey, supportProject } from '@perron/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { perronEvent, type PerronSupportDetail } from '../events.ts';
import { formErrors, refused, renderField } from '../internal/fields.ts';
import { localized } from '../internal/format.ts';
import { PerronElement } from '../internal/perron-element.ts';
import { renderTask } from '../internal/states.ts';
import { fieldStyles } from '../internal/fields.styles.ts';
import { baseStyles } from '../internal/styles.ts';
import { supportFormStyles } from './support-form.styles.ts';
import { addFrench } from '../i18n/locale.ts';
import frProject from '../i18n/fr-CA/project.ts';
import frSupport from '../i18n/fr-CA/support.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frProject);
addFrench(frSupport);

type Step = 'form' | 'sending' | 'pending' | 'already' | 'closed';

/**
 * @summary "J'appuie ce projet": a resident supports a project with their email (the support
 * notice beside it); the support counts once the emailed link is followed, one per email. A
 * project's supporters open its money needs at the threshold its organization sets.
 *
 * A failure keeps what was typed, and trying again resends the same support (same idempotency key).
 *
 * @slot - Fallback content (a link to the project), shown until the project loads and when it cannot.
 * @csspart base - The form, then the message that follows it.
 * @csspart supporters - How many support the project, against the threshold that opens its money needs when it has one.
 * @csspart notice - The notice: what the email is for and how to erase it.
 * @csspart submit - The submit button.
 * @csspart error - The form's error message.
 * @csspart pending - The "check your email" message.
 * @csspart closed - The message shown when the project takes no more support.
 * @tagname perron-support-form
 * @fires {PerronSupportEvent} perron-support - A support awaits its email confirmation: `detail` is `{ projectId, confirmation }`.
 * @cssprop [--perron-form-width=36rem] - Maximum width of the form.
 */
export class PerronSupportForm extends PerronElement {
  static override styles = [baseStyles, fieldStyles, supportFormStyles];

  /** The project's id. */
  @property({ reflect: true }) project?: string;
  /** The level of the form's title in the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  @state() private step: Step = 'form';
  @state() private emailError = '';
  @state() private problem = '';
  @state() private sent?: { email: string; expiresAt: string };
  /** Kept across retries until the node answers for good, so a support is never sent twice. */
  #key?: string;

  /** The project, to name it and say how many support it (the card's dialog reads it from the SDK's cache). */
  readonly #project = this.task({
    task: ([id, core], { signal }) => (id ? getProject(core, id, { signal }) : initialState),
    args: () => [this.project, this.core] as const,
  });

  /** The notice in the element's language (French typography in French). */
  #say(text: { fr: string; en: string }): string {
    return this.language === 'fr' ? frenchText(text.fr) : text.en;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.step === 'sending' || !this.project) return;
    const t = this.t.support;
    const form = e.target as HTMLFormElement;
    const email = String(new FormData(form).get('email') ?? '').trim();
    if (formErrors(form, { email: '' }).email !== undefined) {
      this.emailError = t.emailError;
      this.problem = '';
      await this.updateComplete;
      return this.renderRoot.querySelector<HTMLElement>('#support-email')?.focus();
    }
    this.#key ??= newIdempotencyKey();
    this.emailError = this.problem = '';
    this.step = 'sending';
    try {
      const confirmation = await supportProject(this.core, this.project, { email, consent: { version: supportNotice.version }, lang: this.language }, { idempotencyKey: this.#key });
      this.#key = undefined;
      this.sent = { email, expiresAt: confirmation.expiresAt };
      this.step = 'pending';
      this.dispatchEvent(perronEvent<PerronSupportDetail>('perron-support', { projectId: this.project, confirmation }));
    } catch (error) {
      const code = isPerronError(error) ? error.code : undefined;
      if (refused(error)) this.#key = undefined;
      if (code === 'already_supported') this.step = 'already';
      else if (code === 'invalid_state' || code === 'not_found') this.step = 'closed';
      else if (code === 'validation_failed') (this.step = 'form'), (this.emailError = t.emailError);
      else (this.step = 'form'), (this.problem = t.failed);
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.step === 'form' ? (this.emailError ? '#support-email' : '[part~="error"]') : '#support-status')?.focus();
  }

  override render() {
    return renderTask(this, this.#project, {
      notFound: 'project',
      skeleton: () => html`<span class="skeleton form" aria-hidden="true"></span>`,
      complete: (project) => this.#renderForm(project),
    });
  }

  #renderForm(project: Project) {
    const { f, language } = this;
    const t = this.t.support;
    const name = localized(project.title, language);
    const n = project.supporterCount;
    const c = project.crowdfunding;
    const count = c ? this.t.project.funding(f.number(n), n, c.unlocked ? undefined : f.number(c.threshold)) : this.t.project.supporters(f.number(n), n);
    const title = html`<p class="title" role="heading" aria-level=${this.headingLevel}>${t.title}</p>`;
    const status = (text: string) =>
      html`<div part="base" class="done" lang=${language}>${title}<p id="support-status" part="pending" role="status" tabindex="-1">${text}</p></div>`;
    if (this.step === 'pending') return status(t.pending(this.sent!.email, f.when(this.sent!.expiresAt, this.sent!.expiresAt)));
    if (this.step === 'already') return status(t.already);
    if (this.step === 'closed' || project.status !== 'published') return html`<p id="support-status" class="state" part="closed" role="status" tabindex="-1" lang=${language}>${t.closed}</p>`;
    const sending = this.step === 'sending';
    return html`<form part="base" novalidate lang=${language} aria-labelledby="support-title" @submit=${this.#submit}>
      <p id="support-title" class="title" role="heading" aria-level=${this.headingLevel}>${t.title}</p>
      <p class="muted" lang=${name.lang}>${name.value}</p>
      <p part="supporters">${count}</p>
      <p>${t.lead}</p>
      ${renderField(
        'email',
        t.email,
        this.emailError ? { email: this.emailError } : {},
        (a) => html`<input
          id=${a.id}
          name="email"
          type="email"
          autocomplete="email"
          required
          aria-invalid=${ifDefined(a.invalid)}
          aria-describedby=${[a.describedBy, 'support-notice'].filter(Boolean).join(' ')}
        />`,
        undefined,
        'support-',
      )}
      <div part="notice" class="notice" id="support-notice">
        <p>${this.#say(supportNotice.purpose)}</p>
        <p>${this.#say(supportNotice.rights)}</p>
      </div>
      ${this.problem ? html`<p part="error" class="problem" role="alert" tabindex="-1">${this.problem}</p>` : nothing}
      <div class="actions">
        <button type="submit" part="submit" class="button" aria-disabled=${sending ? 'true' : 'false'}>${sending ? t.sending : t.send}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'perron-support-form': PerronSupportForm;
  }
}
