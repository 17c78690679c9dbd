import { organizationName, registrationNotice, type Event } from '@perron/contract';
import { isPerronError, newIdempotencyKey, registerForEvent } from '@perron/sdk';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { perronEvent, type PerronRegisterDetail } from '../events.ts';
import { contactMessages, focusFirstError, formErrors, readContact, refused, renderContact, renderField } from '../internal/fields.ts';
import type { RsvpController } from './rsvp.ts';

async function submit(rsvp: RsvpController, e: SubmitEvent, event: Event) {
  e.preventDefault();
  const { host } = rsvp;
  const state = rsvp.state(event.id);
  if (state.sending) return;
  const t = host.t;
  const form = e.target as HTMLFormElement;
  const data = new FormData(form);
  const body = { ...readContact(data, registrationNotice), seats: Number(data.get('seats') || 1), lang: host.language };
  const errors = formErrors(form, contactMessages(host));
  if (Object.keys(errors).length) {
    rsvp.set(event.id, { errors, problem: '' });
    await host.updateComplete;
    return focusFirstError(form);
  }
  state.key ??= newIdempotencyKey();
  rsvp.set(event.id, { errors: {}, problem: '', sending: true });
  try {
    const registration = await registerForEvent(host.core, event.id, body, { idempotencyKey: state.key });
    rsvp.set(event.id, { done: registration, key: undefined, sending: false });
    // The form is gone: the focus goes to what replaced it, not to the page's start.
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>(`#rsvp-${event.id}-done`)?.focus();
    host.dispatchEvent(perronEvent<PerronRegisterDetail>('perron-register', { registration }));
  } catch (error) {
    const code = isPerronError(error) ? error.code : undefined;
    const problem = code === 'event_full' ? t.calendar.eventFull : code === 'conflict' ? t.calendar.alreadyRegistered : t.pledge.errors.failed;
    rsvp.set(event.id, { sending: false, problem, key: refused(error) ? undefined : state.key });
  }
}

/** An event's registration form: seats, then the contact fields and the registration's own notice. */
export function renderRsvpForm(rsvp: RsvpController, event: Event) {
  const t = rsvp.host.t;
  const s = rsvp.state(event.id);
  const prefix = `rsvp-${event.id}-`;
  return html`<form id="${prefix}form" class="rsvp" novalidate ?hidden=${!s.open} @submit=${(e: SubmitEvent) => submit(rsvp, e, event)}>
    ${renderField(
      'seats',
      t.calendar.seats,
      s.errors,
      (a) => html`<input id=${a.id} name="seats" type="number" min="1" max="10" value="1" inputmode="numeric" aria-describedby=${ifDefined(a.describedBy)} />`,
      undefined,
      prefix,
    )}
    ${renderContact(rsvp.host, organizationName(event.organization, rsvp.host.language), s.errors, prefix, registrationNotice)}
    ${s.problem ? html`<p class="problem" role="alert">${s.problem}</p>` : nothing}
    <button type="submit" class="button" aria-disabled=${s.sending ? 'true' : 'false'}>${s.sending ? t.pledge.sending : t.calendar.register}</button>
  </form>`;
}
