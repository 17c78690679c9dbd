import { initialState } from '@lit/task';
import { organizationName, type Need, type Pledge, type ProjectDetail } from '@perron/contract';
import { createPledge, getNeed, getProject, isPerronError, newIdempotencyKey } from '@perron/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { perronEvent, type PerronPledgeDetail } from '../events.ts';
import {
  contactMessages,
  fieldKey,
  focusFirstError,
  formErrors,
  readContact,
  refused,
  renderContact,
  renderField,
  type FieldErrors,
} from '../internal/fields.ts';
import { localized, safeHref } from '../internal/format.ts';
import { amount, isOpen, maxPledge, parseCents, waitsForSupporters } from '../internal/need-amount.ts';
import { PerronElement } from '../internal/perron-element.ts';
import { renderTask } from '../internal/states.ts';
import { fieldStyles } from '../internal/fields.styles.ts';
import { baseStyles } from '../internal/styles.ts';
import { pledgeFormStyles } from './pledge-form.styles.ts';
import { addFrench } from '../i18n/locale.ts';
import frNeeds from '../i18n/fr-CA/needs.ts';
import frPledge from '../i18n/fr-CA/pledge.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frNeeds);
addFrench(frPledge);

/**
 * @summary A pledge to one need: the right fields for its category, name and email, the
 * collection notice and its consents, then a confirmation that says what happens next.
 *
 * A failure keeps what was typed, and trying again resends the same pledge (same idempotency
 * key), so it is never counted twice. Inside a host `<form>`, its value (under its `name`) is the
 * id of the recorded pledge.
 *
 * @slot - Fallback content (a link to the project), shown until the form loads and when it cannot.
 * @csspart base - The form, then the confirmation.
 * @csspart notice - The collection notice and the consents.
 * @csspart submit - The submit button.
 * @csspart error - The form's error message.
 * @csspart confirmation - The confirmation.
 * @csspart check-email - The last step of a public pledge: follow the emailed link before the hold ends.
 * @csspart closed - The message shown when the need is filled or closed.
 * @csspart empty - The message shown when the project has no open need.
 * @csspart loading - The placeholder shown while loading.
 * @csspart not-found - The message shown when the need does not exist.
 * @tagname perron-pledge-form
 * @fires {PerronPledgeEvent} perron-pledge - A pledge was recorded: `detail` is `{ pledge, need }`; a public pledge is `held` (not yet counted) until its email is confirmed.
 * @cssprop [--perron-form-width=36rem] - Maximum width of the form.
 */
export class PerronPledgeForm extends PerronElement {
  static override styles = [baseStyles, fieldStyles, pledgeFormStyles];
  static formAssociated = true;

  /** The need's id. With its `project` too, the form reads the project alone (one request, not two) and takes that need in it. */
  @property({ reflect: true }) need?: string;
  /** The project's id: without `need`, the person chooses among its open needs. */
  @property({ reflect: true }) project?: string;
  /** The level of the form's title in the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  @state() private chosen?: string;
  @state() private errors: FieldErrors = {};
  @state() private problem = '';
  @state() private sending = false;
  @state() private done?: { pledge: Pledge; need: Need; name: string; email: string; organization: string };

  /** One key per pledge, kept across retries until the node answers for good. */
  #idempotencyKey?: string;
  readonly #internals = this.attachInternals();

  readonly #data = this.task({
    task: async ([projectId, needId, core], { signal }): Promise<ProjectDetail | typeof initialState> => {
      if (projectId) return getProject(core, projectId, { signal });
      if (!needId) return initialState;
      const need = await getNeed(core, needId, { signal });
      return getProject(core, need.projectId, { signal });
    },
    args: () => [this.project, this.need, this.core] as const,
  });

  /** The needs that take pledges now: open, and not a money need waiting for supporters. */
  #open(project: ProjectDetail) {
    return project.needs.filter((n) => isOpen(n) && !waitsForSupporters(project, n));
  }

  #needOf(project: ProjectDetail) {
    const open = this.#open(project);
    const id = this.need ?? this.chosen ?? (open.length === 1 ? open[0]!.id : undefined);
    return project.needs.find((n) => n.id === id);
  }

  #quantityError(need: Need) {
    const { t, f } = this;
    const max = maxPledge(need);
    return need.category === 'financial'
      ? t.pledge.errors.amount(f.money(1), f.money(max))
      : t.pledge.errors.quantity(f.number(1), f.number(max));
  }

  async #submit(e: SubmitEvent, project: ProjectDetail) {
    e.preventDefault();
    if (this.sending) return;
    const t = this.t;
    const need = this.#needOf(project);
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const raw = String(data.get('quantity') ?? '').trim();
    const quantity = need?.category === 'financial' ? parseCents(raw) : raw ? Number(raw) : Number.NaN;
    const message = String(data.get('message') ?? '').trim();
    const body = { quantity, ...readContact(data), ...(message ? { message } : {}), lang: this.language };

    const errors = formErrors(form, {
      quantity: need ? this.#quantityError(need) : '',
      message: t.pledge.errors.message,
      ...contactMessages(this),
    });
    if (!need) {
      delete errors.quantity;
      errors.need = t.pledge.errors.need;
    } else if (!errors.quantity && !(Number.isInteger(quantity) && quantity >= 1 && quantity <= maxPledge(need))) errors.quantity = this.#quantityError(need);
    if (!need || Object.keys(errors).length) return this.#showErrors(errors);

    this.errors = {};
    this.problem = '';
    this.sending = true;
    this.#idempotencyKey ??= newIdempotencyKey();
    try {
      const pledge = await createPledge(this.core, need.id, body, { idempotencyKey: this.#idempotencyKey });
      this.#idempotencyKey = undefined;
      this.done = { pledge, need, name: body.contact.name, email: body.contact.email, organization: organizationName(project.organization, this.language) };
      this.#internals.setFormValue(pledge.id);
      this.dispatchEvent(perronEvent<PerronPledgeDetail>('perron-pledge', { pledge, need }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#thanks')?.focus();
    } catch (error) {
      await this.#failed(error, need);
    } finally {
      this.sending = false;
    }
  }

  async #showErrors(errors: FieldErrors) {
    this.errors = errors;
    this.problem = this.t.pledge.errors.summary(Object.keys(errors).length);
    await this.updateComplete;
    focusFirstError(this.renderRoot);
  }

  async #failed(error: unknown, need: Need) {
    const e = this.t.pledge.errors;
    if (!isPerronError(error)) return void (this.problem = e.failed);
    if (refused(error)) this.#idempotencyKey = undefined;
    switch (error.code) {
      case 'validation_failed': {
        const fields = 'fields' in error && Array.isArray(error.fields) ? (error.fields as { path: string }[]) : [];
        const messages = { quantity: this.#quantityError(need), message: e.message, ...contactMessages(this) };
        const errors: FieldErrors = {};
        for (const field of fields) {
          const key = fieldKey(field.path);
          if (key in messages) errors[key] = messages[key as keyof typeof messages];
        }
        return Object.keys(errors).length ? this.#showErrors(errors) : void (this.problem = e.failed);
      }
      case 'over_pledged':
        return this.#showErrors({ quantity: e.overPledged });
      case 'pledge_cap':
        return void (this.problem = e.cap);
      case 'blocked':
        return void (this.problem = e.blocked);
      case 'crowdfunding_locked':
        return void (this.problem = e.locked);
      case 'invalid_state':
      case 'not_found':
        return void (this.problem = e.closed);
      case 'idempotency_conflict':
        return void (this.problem = e.conflict);
      case 'rate_limited':
        return void (this.problem = e.rateLimited(('retryAfter' in error && Number(error.retryAfter)) || 60));
      default:
        this.problem = e.failed;
    }
  }

  #reset() {
    this.done = undefined;
    this.errors = {};
    this.problem = '';
    this.#idempotencyKey = undefined;
    this.#internals.setFormValue(null);
    this.renderRoot.querySelector('form')?.reset();
  }

  formResetCallback() {
    this.#reset();
  }

  async #another() {
    this.#reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input, select')?.focus();
  }

  override render() {
    return renderTask(this, this.#data, {
      notFound: this.project ? 'project' : 'need',
      skeleton: () => html`<span class="skeleton form" aria-hidden="true"></span>`,
      complete: (project) => (this.done ? this.#renderDone(this.done) : this.#renderForm(project)),
    });
  }

  #renderForm(project: ProjectDetail) {
    const { t, language } = this;
    const need = this.#needOf(project);
    if (this.need && !need) return html`<div class="state" part="not-found"><p>${t.notFound.need}</p><slot></slot></div>`;
    if (this.need && need && !isOpen(need)) return html`<p class="state" part="closed">${t.pledge.filled}</p>`;
    if (this.need && need && waitsForSupporters(project, need)) {
      return html`<p class="state" part="closed">${t.needs.waiting(this.f.number(project.crowdfunding!.threshold), this.f.number(project.supporterCount))}</p>`;
    }
    const open = this.#open(project);
    if (!open.length) return html`<p class="state" part="empty">${t.needs.empty}</p>`;
    const title = localized(need?.title ?? project.title, language);
    return html`<form part="base" novalidate aria-labelledby="pledge-title" lang=${language} @submit=${(e: SubmitEvent) => this.#submit(e, project)}>
      <p id="pledge-title" class="title" role="heading" aria-level=${this.headingLevel}>
        ${t.pledge.label(title.value)}
      </p>
      ${this.need || open.length === 1 ? nothing : this.#renderNeedChoice(open, need)}
      ${need ? this.#renderQuantity(need) : nothing}
      ${renderContact(this, organizationName(project.organization, this.language), this.errors)}
      ${renderField(
        'message',
        `${t.pledge.message} (${t.optional})`,
        this.errors,
        (a) => html`<textarea id=${a.id} name="message" maxlength="1000" aria-invalid=${ifDefined(a.invalid)} aria-describedby=${ifDefined(a.describedBy)}></textarea>`,
      )}
      ${this.problem ? html`<p part="error" class="problem" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button type="submit" part="submit" class="button" aria-disabled=${this.sending ? 'true' : 'false'}>
          ${this.sending ? t.pledge.sending : t.pledge.submit}
        </button>
      </div>
    </form>`;
  }

  #renderNeedChoice(open: Need[], need: Need | undefined) {
    const { t, language } = this;
    return renderField(
      'need',
      t.pledge.chooseNeed,
      this.errors,
      (a) => html`<select
        id=${a.id}
        name="need"
        required
        aria-invalid=${ifDefined(a.invalid)}
        aria-describedby=${ifDefined(a.describedBy)}
        @change=${(e: Event) => {
          this.chosen = (e.target as HTMLSelectElement).value || undefined;
          this.errors = {};
          this.problem = '';
        }}
      >
        <option value="" ?selected=${!need}>${t.pledge.pickNeed}</option>
        ${open.map((n) => html`<option value=${n.id} ?selected=${n.id === need?.id}>${localized(n.title, language).value}</option>`)}
      </select>`,
    );
  }

  #renderQuantity(need: Need) {
    const { t, f, language } = this;
    const max = maxPledge(need);
    const label =
      need.category === 'human'
        ? t.pledge.quantity[need.unit]
        : need.category === 'material'
          ? t.pledge.quantity.material(localized(need.unit, language).value)
          : t.pledge.quantity.financial;
    const hint = [
      need.category === 'human' && need.shift ? t.needs.shift(f.when(need.shift.startsAt, need.shift.endsAt)) : '',
      need.category === 'financial'
        ? t.pledge.range(f.money(1), f.money(max))
        : `${t.pledge.range(f.number(1), f.number(max))} ${t.pledge.remaining(amount(t, f, need, need.wanted - need.pledged, language))}`,
    ]
      .filter(Boolean)
      .join(' ');
    return html`${renderField(
      'quantity',
      label,
      this.errors,
      (a) =>
        need.category === 'financial'
          ? html`<input
              id=${a.id}
              name="quantity"
              inputmode="decimal"
              autocomplete="transaction-amount"
              required
              aria-invalid=${ifDefined(a.invalid)}
              aria-describedby=${ifDefined(a.describedBy)}
            />`
          : html`<input
              id=${a.id}
              name="quantity"
              type="number"
              inputmode="numeric"
              min="1"
              max=${max}
              step="1"
              required
              aria-invalid=${ifDefined(a.invalid)}
              aria-describedby=${ifDefined(a.describedBy)}
            />`,
      hint,
    )}`;
  }

  #renderDone({ pledge, need, name, email, organization }: NonNullable<typeof this.done>) {
    const { t, f, language } = this;
    const collection = pledge.collection;
    const pay = collection && safeHref(collection.url);
    return html`<div part="base confirmation" lang=${language}>
      <p id="thanks" class="title" role="heading" aria-level=${this.headingLevel} tabindex="-1">${t.pledge.thanks(name)}</p>
      <p>${t.pledge.summary(amount(t, f, need, pledge.quantity, language), localized(need.title, language).value)}</p>
      ${pledge.status === 'held' && pledge.heldUntil
        ? html`<p part="check-email">${t.pledge.checkEmail(email, f.time(pledge.heldUntil))}</p>`
        : collection
          ? nothing
          : html`<p>${t.pledge.next(organization, email)}</p>`}
      ${collection ? html`<p>${localized(collection.instructions, language).value}</p>` : nothing}
      <div class="actions">
        ${pay ? html`<a class="button" href=${pay}>${t.pledge.pay}</a>` : nothing}
        <button type="button" class="button secondary" @click=${this.#another}>${t.pledge.another}</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'perron-pledge-form': PerronPledgeForm;
  }
}
