import { frenchText, voteNotice, type Idea } from '@perron/contract';
import { isPerronError, newIdempotencyKey, voteForIdea } from '@perron/sdk';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { perronEvent, type PerronVoteDetail } from '../events.ts';
import { formErrors, refused, renderField } from '../internal/fields.ts';
import type { PerronElement } from '../internal/perron-element.ts';
import type { VoteState } from './idea-vote.ts';

/** One idea's vote, as its element keeps it. */
interface Vote {
  vote(): VoteState;
  set(patch: Partial<VoteState>): Promise<void>;
  cancel(): void;
}

async function submit(host: PerronElement, e: SubmitEvent, idea: Idea, v: Vote) {
  e.preventDefault();
  const state = v.vote();
  if (state.step === 'sending') return;
  const t = host.t;
  const form = e.target as HTMLFormElement;
  const email = String(new FormData(form).get('email') ?? '').trim();
  if (formErrors(form, { email: '' }).email !== undefined) {
    await v.set({ emailError: t.idea.emailError, problem: undefined });
    return host.renderRoot.querySelector<HTMLElement>(`#vote-${idea.id}-email`)?.focus();
  }
  const key = state.key ?? newIdempotencyKey();
  await v.set({ step: 'sending', emailError: undefined, problem: undefined, key });
  try {
    const confirmation = await voteForIdea(host.core, idea.id, { email, consent: { version: voteNotice.version }, lang: host.language }, { idempotencyKey: key });
    await v.set({ step: 'pending', email, expiresAt: confirmation.expiresAt, key: undefined });
    host.dispatchEvent(perronEvent<PerronVoteDetail>('perron-vote', { ideaId: idea.id, confirmation }));
  } catch (error) {
    const code = isPerronError(error) ? error.code : undefined;
    if (code === 'already_voted') await v.set({ step: 'already', key: undefined });
    else if (code === 'phase_closed') await v.set({ step: 'closed', key: undefined });
    else await v.set({ step: 'email', problem: t.idea.failed, key: refused(error) ? undefined : key });
  }
  host.renderRoot.querySelector<HTMLElement>(`#vote-${idea.id}-status`)?.focus();
}

/** The email step of a vote: the address, the vote notice (French typography in French), send or cancel. */
export function renderVoteForm(host: PerronElement, idea: Idea, v: Vote) {
  const t = host.t;
  const vote = v.vote();
  const say = (text: { fr: string; en: string }) => (host.language === 'fr' ? frenchText(text.fr) : text.en);
  const sending = vote.step === 'sending';
  return html`<form class="vote" novalidate aria-label=${t.idea.supportIdea(idea.title)} @submit=${(e: SubmitEvent) => submit(host, e, idea, v)}>
    ${renderField(
      'email',
      t.idea.email,
      vote.emailError ? { email: vote.emailError } : {},
      (a) => html`<input
        id=${a.id}
        name="email"
        type="email"
        autocomplete="email"
        required
        aria-invalid=${ifDefined(a.invalid)}
        aria-describedby=${ifDefined(a.describedBy)}
      />`,
      t.idea.emailHint,
      `vote-${idea.id}-`,
    )}
    <div part="notice" class="hint">
      <p>${say(voteNotice.purpose)}</p>
      <p>${say(voteNotice.rights)}</p>
    </div>
    ${vote.problem ? html`<p class="problem" role="alert">${vote.problem}</p>` : nothing}
    <div class="actions">
      <button type="submit" class="button" aria-disabled=${sending ? 'true' : 'false'}>${sending ? t.pledge.sending : t.idea.send}</button>
      <button type="button" class="button secondary" @click=${v.cancel}>${t.idea.cancel}</button>
    </div>
  </form>`;
}
