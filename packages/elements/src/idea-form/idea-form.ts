import { initialState } from '@lit/task';
import { ideaNotice, type Community, type IdeaContest, type PendingConfirmation } from '@perron/contract';
import { createIdea, getCommunity, getContest, isPerronError, listContests, newIdempotencyKey } from '@perron/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { perronEvent, type PerronIdeaDetail } from '../events.ts';
import { contactMessages, fieldKey, focusFirstError, formErrors, readContact, refused, renderContact, renderField, type FieldErrors } from '../internal/fields.ts';
import { dayIn, localized } from '../internal/format.ts';
import { PerronElement } from '../internal/perron-element.ts';
import { renderTask } from '../internal/states.ts';
import { fieldStyles } from '../internal/fields.styles.ts';
import { baseStyles } from '../internal/styles.ts';
import { pledgeFormStyles } from '../pledge-form/pledge-form.styles.ts';
import { ideaFormStyles } from './idea-form.styles.ts';
import { addFrench } from '../i18n/locale.ts';
import frIdeaForm from '../i18n/fr-CA/idea-form.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frIdeaForm);

interface Place {
  community: Community;
  /** The contest of the `contest` attribute, or the community's contests taking ideas now. */
  contests: IdeaContest[];
  /** A `contest` attribute: the idea goes to that contest only. */
  fixed: boolean;
}

/**
 * @summary A resident proposes an idea: its title and description, the community's contest if
 * any, their name and email with the collection notice. The idea is published once its author
 * follows the emailed link and a curator of the community approves it.
 *
 * A failure keeps what was typed, and trying again resends the same idea (same idempotency key),
 * so it is never recorded twice.
 *
 * @slot - Fallback content (a link to the community's ideas), shown until the form loads and when it cannot.
 * @csspart base - The form, then the "check your email" message.
 * @csspart notice - The collection notice and the consents.
 * @csspart submit - The submit button.
 * @csspart error - The form's error message.
 * @csspart check-email - The last step: follow the emailed link.
 * @csspart closed - The message shown when the contest takes no ideas now.
 * @csspart loading - The placeholder shown while loading.
 * @csspart not-found - The message shown when the community or contest does not exist.
 * @tagname perron-idea-form
 * @fires {PerronIdeaEvent} perron-idea - An idea awaits its author's email confirmation: `detail` is `{ confirmation }`.
 * @cssprop [--perron-form-width=36rem] - Maximum width of the form.
 */
export class PerronIdeaForm extends PerronElement {
  static override styles = [baseStyles, fieldStyles, pledgeFormStyles, ideaFormStyles];

  /** The community's slug: the idea is for it, or for one of its contests taking ideas. */
  @property({ reflect: true }) community?: string;
  /** An idea contest's id: the idea goes to this contest. */
  @property({ reflect: true }) contest?: string;
  /** The level of the form's title in the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  @state() private errors: FieldErrors = {};
  @state() private problem = '';
  @state() private sending = false;
  @state() private done?: { confirmation: PendingConfirmation; email: string };

  /** One key per idea, kept across retries until the node answers for good. */
  #idempotencyKey?: string;

  readonly #data = this.task({
    task: async ([slug, contestId, core], { signal }): Promise<Place | typeof initialState> => {
      if (contestId) {
        const contest = await getContest(core, contestId, { signal });
        return { community: await getCommunity(core, contest.community, { signal }), contests: [contest], fixed: true };
      }
      if (!slug) return initialState;
      const [community, contests] = await Promise.all([getCommunity(core, slug, { signal }), listContests(core, { community: slug, limit: 20 }, { signal })]);
      return { community, contests: contests.items.filter((c) => c.currentPhase === 'submission'), fixed: false };
    },
    args: () => [this.community, this.contest, this.core] as const,
  });

  #messages() {
    const e = this.t.ideaForm.errors;
    return { title: e.title, description: e.description, ...contactMessages(this), 'consent.shareWithOrganizers': e.consent };
  }

  async #submit(e: SubmitEvent, place: Place) {
    e.preventDefault();
    if (this.sending) return;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const contest = place.fixed ? place.contests[0] : place.contests.find((c) => c.id === data.get('contestId'));
    const errors = formErrors(form, this.#messages());
    if (Object.keys(errors).length) return this.#showErrors(errors);
    const { contact, consent } = readContact(data, ideaNotice);
    const body = {
      title: String(data.get('title') ?? '').trim(),
      description: String(data.get('description') ?? '').trim(),
      // A contest's ideas belong to its community.
      community: contest?.community ?? place.community.slug,
      ...(contest ? { contestId: contest.id } : {}),
      author: contact,
      consent,
      lang: this.language,
    };
    this.errors = {};
    this.problem = '';
    this.sending = true;
    this.#idempotencyKey ??= newIdempotencyKey();
    try {
      const confirmation = await createIdea(this.core, body, { idempotencyKey: this.#idempotencyKey });
      this.#idempotencyKey = undefined;
      this.done = { confirmation, email: contact.email };
      this.dispatchEvent(perronEvent<PerronIdeaDetail>('perron-idea', { confirmation }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#sent')?.focus();
    } catch (error) {
      await this.#failed(error);
    } finally {
      this.sending = false;
    }
  }

  async #showErrors(errors: FieldErrors) {
    this.errors = errors;
    this.problem = this.t.ideaForm.errors.summary(Object.keys(errors).length);
    await this.updateComplete;
    focusFirstError(this.renderRoot);
  }

  async #failed(error: unknown) {
    const e = this.t.ideaForm.errors;
    if (refused(error)) this.#idempotencyKey = undefined;
    const code = isPerronError(error) ? error.code : undefined;
    if (code === 'validation_failed') {
      const messages: Record<string, string> = this.#messages();
      const fields = 'fields' in (error as object) && Array.isArray((error as { fields?: unknown }).fields) ? ((error as { fields: { path: string }[] }).fields) : [];
      const errors: FieldErrors = {};
      for (const field of fields) {
        // The author's contact is `author.*` in the body, `contact.*` in the shared fields.
        const key = fieldKey(field.path).replace(/^author\./, 'contact.');
        if (key in messages) errors[key] = messages[key];
      }
      if (Object.keys(errors).length) return this.#showErrors(errors);
    }
    this.problem = code === 'phase_closed' ? e.closed : code === 'rate_limited' ? this.t.pledge.errors.rateLimited(('retryAfter' in (error as object) && Number((error as { retryAfter: unknown }).retryAfter)) || 60) : e.failed;
  }

  async #another() {
    this.done = undefined;
    this.errors = {};
    this.problem = '';
    await this.updateComplete;
    this.renderRoot.querySelector('form')?.reset();
    this.renderRoot.querySelector<HTMLElement>('input')?.focus();
  }

  override render() {
    return renderTask(this, this.#data, {
      notFound: this.contest ? 'contest' : 'community',
      skeleton: () => html`<span class="skeleton form" aria-hidden="true"></span>`,
      complete: (place) => (this.done ? this.#renderDone(this.done) : this.#renderForm(place)),
    });
  }

  #renderForm(place: Place) {
    const { t, language } = this;
    const k = t.ideaForm;
    const name = localized(place.community.name, language).value;
    const contest = place.fixed ? place.contests[0]! : undefined;
    if (contest && contest.currentPhase !== 'submission') return html`<p class="state" part="closed">${k.closed}</p>`;
    const label = contest ? k.labelContest(localized(contest.title, language).value) : k.label(name);
    return html`<form part="base" novalidate aria-labelledby="idea-form-title" lang=${language} @submit=${(e: SubmitEvent) => this.#submit(e, place)}>
      <p id="idea-form-title" class="title" role="heading" aria-level=${this.headingLevel}>${label}</p>
      ${renderField(
        'title',
        k.title,
        this.errors,
        (a) => html`<input id=${a.id} name="title" required maxlength="140" aria-invalid=${ifDefined(a.invalid)} aria-describedby=${ifDefined(a.describedBy)} />`,
        k.titleHint,
      )}
      ${renderField(
        'description',
        k.description,
        this.errors,
        (a) => html`<textarea id=${a.id} name="description" required maxlength="2000" aria-invalid=${ifDefined(a.invalid)} aria-describedby=${ifDefined(a.describedBy)}></textarea>`,
        k.descriptionHint,
      )}
      ${place.fixed || !place.contests.length
        ? nothing
        : renderField(
            'contestId',
            k.contest,
            this.errors,
            (a) => html`<select id=${a.id} name="contestId" aria-describedby=${ifDefined(a.describedBy)}>
              <option value="">${k.noContest}</option>
              ${place.contests.map((c) => html`<option value=${c.id}>${localized(c.title, language).value}</option>`)}
            </select>`,
          )}
      ${renderContact(this, name, this.errors, '', ideaNotice)}
      ${this.problem ? html`<p part="error" class="problem" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button type="submit" part="submit" class="button" aria-disabled=${this.sending ? 'true' : 'false'}>${this.sending ? t.pledge.sending : k.submit}</button>
      </div>
    </form>`;
  }

  #renderDone({ confirmation, email }: NonNullable<typeof this.done>) {
    const { t, f, language } = this;
    const k = t.ideaForm;
    return html`<div part="base check-email" lang=${language}>
      <p id="sent" class="title" role="heading" aria-level=${this.headingLevel} tabindex="-1">${k.checkEmail}</p>
      <p>${k.sent(email, f.day(dayIn(confirmation.expiresAt)))}</p>
      <p>${k.next}</p>
      <div class="actions">
        <button type="button" class="button secondary" @click=${this.#another}>${k.another}</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'perron-idea-form': PerronIdeaForm;
  }
}
