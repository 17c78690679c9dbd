import type { Event, Registration } from '@perron/contract';
import { html, nothing, type ReactiveController } from 'lit';
import type { FieldErrors } from '../internal/fields.ts';
import type { PerronElement } from '../internal/perron-element.ts';

export interface RsvpState {
  open: boolean;
  errors: FieldErrors;
  problem: string;
  sending: boolean;
  done?: Registration;
  /** Kept across retries until the node answers for good, so a registration is never made twice. */
  key?: string;
}

/** The form's code (fields, notice, sending), fetched the first time someone opens one: most visits only read. */
let form: typeof import('../internal/forms.ts') | undefined;

/** Registration (RSVP) to the events that take it: one small form per event, opened in place. */
export class RsvpController implements ReactiveController {
  readonly #states = new Map<string, RsvpState>();

  constructor(readonly host: PerronElement) {
    host.addController(this);
  }

  hostConnected() {}

  state(id: string): RsvpState {
    let s = this.#states.get(id);
    if (!s) this.#states.set(id, (s = { open: false, errors: {}, problem: '', sending: false }));
    return s;
  }

  set(id: string, patch: Partial<RsvpState>) {
    Object.assign(this.state(id), patch);
    this.host.requestUpdate();
  }

  async #toggle(id: string) {
    form ??= await import('../internal/forms.ts');
    form.adoptFieldStyles(this.host);
    this.set(id, { open: !this.state(id).open });
  }

  render(event: Event) {
    const t = this.host.t;
    const s = this.state(event.id);
    const full = event.capacity !== null && event.registeredCount >= event.capacity;
    if (s.done) return html`<p id="rsvp-${event.id}-done" class="done" role="status" tabindex="-1">${t.calendar.registered(s.done.seats)}</p>`;
    if (!event.registration) return nothing;
    if (full) return html`<p class="muted">${t.calendar.eventFull}</p>`;
    return html`<button
        type="button"
        class="button secondary"
        aria-expanded=${s.open ? 'true' : 'false'}
        aria-controls="rsvp-${event.id}-form"
        @click=${() => this.#toggle(event.id)}
      >
        ${t.calendar.register}
      </button>
      ${form ? form.renderRsvpForm(this, event) : nothing}`;
  }
}
