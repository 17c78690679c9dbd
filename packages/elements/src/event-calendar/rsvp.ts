import { registrationNotice, type Event, type Registration } from '@perron/contract';
import { isPerronError, newIdempotencyKey, registerForEvent } from '@perron/sdk';
import { html, nothing, type ReactiveController } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { perronEvent, type PerronRegisterDetail } from '../events.ts';
import { contactMessages, focusFirstError, formErrors, readContact, refused, renderContact, renderField, type FieldErrors } from '../internal/fields.ts';
import type { PerronElement } from '../internal/perron-element.ts';
import { addFrench } from '../i18n/locale.ts';
import frCalendar from '../i18n/fr-CA/calendar.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frCalendar);

interface RsvpState {
  open: boolean;
  errors: FieldErrors;
  problem: string;
  sending: boolean;
  done?: Registration;
  /** Kept across retries until the node answers for good, so a registration is never made twice. */
  key?: string;
}

/** Registration (RSVP) to the events that take it: one small form per event, opened in place. */
export class RsvpController implements ReactiveController {
  readonly #states = new Map<string, RsvpState>();

  constructor(private readonly host: PerronElement) {
    host.addController(this);
  }

  hostConnected() {}

  #state(id: string): RsvpState {
    let s = this.#states.get(id);
    if (!s) this.#states.set(id, (s = { open: false, errors: {}, problem: '', sending: false }));
    return s;
  }

  #set(id: string, patch: Partial<RsvpState>) {
    Object.assign(this.#state(id), patch);
    this.host.requestUpdate();
  }

  async #submit(e: SubmitEvent, event: Event) {
    e.preventDefault();
    const state = this.#state(event.id);
    if (state.sending) return;
    const t = this.host.t;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const body = { ...readContact(data, registrationNotice), seats: Number(data.get('seats') || 1), lang: this.host.language };
    const errors = formErrors(form, contactMessages(this.host));
    if (Object.keys(errors).length) {
      this.#set(event.id, { errors, problem: '' });
      await this.host.updateComplete;
      return focusFirstError(form);
    }
    state.key ??= newIdempotencyKey();
    this.#set(event.id, { errors: {}, problem: '', sending: true });
    try {
      const registration = await registerForEvent(this.host.core, event.id, body, { idempotencyKey: state.key });
      this.#set(event.id, { done: registration, key: undefined, sending: false });
      // The form is gone: the focus goes to what replaced it, not to the page's start.
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>(`#rsvp-${event.id}-done`)?.focus();
      this.host.dispatchEvent(perronEvent<PerronRegisterDetail>('perron-register', { registration }));
    } catch (error) {
      const code = isPerronError(error) ? error.code : undefined;
      const problem = code === 'event_full' ? t.calendar.eventFull : code === 'conflict' ? t.calendar.alreadyRegistered : t.pledge.errors.failed;
      this.#set(event.id, { sending: false, problem, key: refused(error) ? undefined : state.key });
    }
  }

  render(event: Event) {
    const t = this.host.t;
    const s = this.#state(event.id);
    const full = event.capacity !== null && event.registeredCount >= event.capacity;
    if (s.done) return html`<p id="rsvp-${event.id}-done" class="done" role="status" tabindex="-1">${t.calendar.registered(s.done.seats)}</p>`;
    if (!event.registration) return nothing;
    if (full) return html`<p class="muted">${t.calendar.eventFull}</p>`;
    const prefix = `rsvp-${event.id}-`;
    return html`<button
        type="button"
        class="button secondary"
        aria-expanded=${s.open ? 'true' : 'false'}
        aria-controls="${prefix}form"
        @click=${() => this.#set(event.id, { open: !s.open })}
      >
        ${t.calendar.register}
      </button>
      <form id="${prefix}form" class="rsvp" novalidate ?hidden=${!s.open} @submit=${(e: SubmitEvent) => this.#submit(e, event)}>
        ${renderField(
          'seats',
          t.calendar.seats,
          s.errors,
          (a) => html`<input id=${a.id} name="seats" type="number" min="1" max="10" value="1" inputmode="numeric" aria-describedby=${ifDefined(a.describedBy)} />`,
          undefined,
          prefix,
        )}
        ${renderContact(this.host, event.organization.name, s.errors, prefix, registrationNotice)}
        ${s.problem ? html`<p class="problem" role="alert">${s.problem}</p>` : nothing}
        <button type="submit" class="button" aria-disabled=${s.sending ? 'true' : 'false'}>${s.sending ? t.pledge.sending : t.calendar.register}</button>
      </form>`;
  }
}
