import { initialState } from '@lit/task';
import type { Idea, IdeaContest } from '@perron/contract';
import { getContest, getIdea, listIdeas } from '@perron/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { localized, safeHref } from '../internal/format.ts';
import { PerronElement } from '../internal/perron-element.ts';
import { renderTask } from '../internal/states.ts';
import { baseStyles } from '../internal/styles.ts';
import { ideaVoteStyles } from './idea-vote.styles.ts';
import { addFrench } from '../i18n/locale.ts';
import frIdea from '../i18n/fr-CA/idea.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frIdea);

type Step = 'idle' | 'email' | 'sending' | 'pending' | 'already' | 'closed';

/** The vote form's code (email, notice, sending), fetched the first time someone supports an idea: most visits only read. */
let voteForm: typeof import('../internal/forms.ts') | undefined;

export interface VoteState {
  step: Step;
  emailError?: string;
  problem?: string;
  email?: string;
  expiresAt?: string;
  /** Kept across retries until the node answers for good, so a vote is never sent twice. */
  key?: string;
}

/**
 * @summary Support for an idea (`idea`), for the ideas of a contest (`contest`) or of a community (`community`): the count, a
 * support button, the email confirmation step, the already-voted state and the contest's phase.
 *
 * @slot - Fallback content (a link to the idea), shown until it loads and when it cannot.
 * @csspart base - The idea, or the contest.
 * @csspart phases - The contest's stages.
 * @csspart idea - Each idea.
 * @csspart count - The support count.
 * @csspart results - The contest's results, once published.
 * @csspart project - The link to the project an idea became.
 * @csspart support - The support button.
 * @csspart pending - The "check your email" message.
 * @csspart empty - The message shown when a contest has no ideas yet.
 * @csspart notice - The vote form's collection notice and consents.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message and its retry button.
 * @csspart not-found - The message shown when the idea or contest does not exist.
 * @tagname perron-idea-vote
 * @cssprop [--perron-idea-width=40rem] - Maximum width of the idea or contest.
 * @fires {PerronVoteEvent} perron-vote - A vote awaits its email confirmation: `detail` is `{ ideaId, confirmation }`.
 */
export class PerronIdeaVote extends PerronElement {
  static override styles = [baseStyles, ideaVoteStyles];

  /** The idea's id. */
  @property({ reflect: true }) idea?: string;
  /** An idea contest's id: its ideas, each with its support button. */
  @property({ reflect: true }) contest?: string;
  /** A community's slug: its published ideas (and those of the communities within it), most supported first. */
  @property({ reflect: true }) community?: string;
  /** The level of the titles in the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  @state() private votes = new Map<string, VoteState>();
  #over = false;

  readonly #data = this.task({
    task: async ([ideaId, contestId, community, core], { signal }): Promise<{ ideas: Idea[]; contest: IdeaContest | null } | typeof initialState> => {
      if (contestId) {
        const [contest, page] = await Promise.all([getContest(core, contestId, { signal }), listIdeas(core, { contest: contestId, sort: 'support', limit: 50 }, { signal })]);
        return { contest, ideas: page.items };
      }
      if (!ideaId) return community ? { contest: null, ideas: (await listIdeas(core, { community, sort: 'support', limit: 50 }, { signal })).items } : initialState;
      const idea = await getIdea(core, ideaId, { signal });
      const contest = idea.contestId ? await getContest(core, idea.contestId, { signal }).catch(() => null) : null;
      return { contest, ideas: [idea] };
    },
    args: () => [this.idea, this.contest, this.community, this.core] as const,
  });

  #vote(id: string) {
    return this.votes.get(id) ?? { step: 'idle' };
  }

  async #set(id: string, patch: Partial<VoteState>) {
    this.votes = new Map(this.votes).set(id, { ...this.#vote(id), ...patch });
    await this.updateComplete;
  }

  async #open(id: string) {
    voteForm ??= await import('../internal/forms.ts');
    voteForm.adoptFieldStyles(this);
    await this.#set(id, { step: 'email', problem: undefined });
    this.renderRoot.querySelector<HTMLElement>(`#vote-${id}-email`)?.focus();
  }

  async #cancel(id: string) {
    await this.#set(id, { step: 'idle', emailError: undefined, problem: undefined });
    this.renderRoot.querySelector<HTMLElement>(`#support-${id}`)?.focus();
  }

  override render() {
    return renderTask(this, this.#data, {
      notFound: this.contest ? 'contest' : this.idea ? 'idea' : 'community',
      skeleton: () => html`<span class="skeleton idea-block" aria-hidden="true"></span>`,
      complete: ({ ideas, contest }) => {
        const t = this.t;
        const open = contest ? contest.currentPhase === 'vote' : true;
        // Results published: the vote is over for good, not "closed for now".
        this.#over = !!contest?.results;
        if (!this.contest && !this.idea) return this.#renderList(ideas, true, t.idea.ideas(ideas.length));
        if (!this.contest) {
          return html`<div part="base" lang=${this.language}>${contest ? this.#renderPhases(contest, true) : nothing}${this.#renderIdea(ideas[0]!, open, this.headingLevel)}</div>`;
        }
        const title = localized(contest!.title, this.language);
        const description = contest!.description && localized(contest!.description, this.language);
        return html`<section part="base" lang=${this.language} aria-labelledby="contest-title">
          <p id="contest-title" class="contest-title" role="heading" aria-level=${this.headingLevel} lang=${title.lang}>${title.value}</p>
          ${description ? html`<p lang=${description.lang}>${description.value}</p>` : nothing}
          ${this.#renderPhases(contest!, false)}
          ${contest!.results ? html`<p part="results" class="results" role="status">${t.idea.results(contest!.results.winners.length, contest!.ideaCount)}</p>` : nothing}
          ${this.#renderList(ideas, open, t.idea.ideas(contest!.ideaCount), 1)}
        </section>`;
      },
    });
  }

  #renderList(ideas: Idea[], open: boolean, label: string, deeper = 0) {
    return ideas.length
      ? html`<ul class="ideas" part=${ifDefined(deeper ? undefined : 'base')} aria-label=${label} lang=${this.language}>
          ${ideas.map((idea) => html`<li>${this.#renderIdea(idea, open, this.headingLevel + deeper)}</li>`)}
        </ul>`
      : html`<p class="state" part="empty">${this.t.idea.empty}</p>`;
  }

  #renderPhases(contest: IdeaContest, withTitle: boolean) {
    const { t, f } = this;
    return html`${withTitle ? html`<p class="muted">${localized(contest.title, this.language).value}</p>` : nothing}
      <ol part="phases" class="phases" aria-label=${t.idea.phases}>
        ${contest.phases.map(
          (p) => html`<li aria-current=${p.phase === contest.currentPhase ? 'step' : 'false'}>
            ${t.idea.phase[p.phase]} <span class="muted">${f.dayRange(p.startsOn, p.endsOn)}</span>
            ${p.phase === contest.currentPhase ? html`<span class="sr-only">(${t.idea.current})</span>` : nothing}
          </li>`,
        )}
      </ol>`;
  }

  #renderIdea(idea: Idea, open: boolean, level: number) {
    const { t, f } = this;
    const vote = this.#vote(idea.id);
    const count = idea.supportCount;
    return html`<article part="idea" class="idea" aria-labelledby="idea-${idea.id}-title">
      <p id="idea-${idea.id}-title" class="idea-title" role="heading" aria-level=${level} lang=${idea.lang}>${idea.title}</p>
      <p lang=${idea.lang}>${idea.description}</p>
      ${idea.status === 'published' ? nothing : html`<span class="badge">${t.idea.status[idea.status]}</span>`}
      <p part="count" class="count"><strong>${f.number(count)}</strong> ${t.idea.supports(count)}</p>
      ${this.#renderProject(idea)}
      ${this.#renderVote(idea, vote, open && idea.status === 'published')}
    </article>`;
  }

  /** The project the idea became, on the node the idea was read from. */
  #renderProject(idea: Idea) {
    const origin = (idea as Idea & { origin?: string }).origin;
    const href = idea.projectId && origin ? safeHref(`${origin}/projects/${encodeURIComponent(idea.projectId)}?lang=${this.language}`) : undefined;
    return href ? html`<p part="project"><a href=${href}>${this.t.idea.becameProject}</a></p>` : nothing;
  }

  #renderVote(idea: Idea, vote: VoteState, open: boolean) {
    const { t, f } = this;
    const status = (text: string, pending = false) =>
      html`<p id="vote-${idea.id}-status" part=${ifDefined(pending ? 'pending' : undefined)} class="notice" role="status" tabindex="-1">${text}</p>`;
    switch (vote.step) {
      case 'pending':
        return status(t.idea.pending(vote.email ?? '', vote.expiresAt ? f.when(vote.expiresAt, vote.expiresAt) : ''), true);
      case 'already':
        return status(t.idea.alreadyVoted);
      case 'closed':
        return status(t.idea.closed);
    }
    if (!open) return this.#over ? nothing : html`<p class="muted">${t.idea.closed}</p>`;
    if (vote.step === 'idle') {
      return html`<button
        id="support-${idea.id}"
        type="button"
        part="support"
        class="button"
        aria-label=${t.idea.supportIdea(idea.title)}
        @click=${() => this.#open(idea.id)}
      >
        ${t.idea.support}
      </button>`;
    }
    return voteForm ? voteForm.renderVoteForm(this, idea, { vote: () => this.#vote(idea.id), set: (patch) => this.#set(idea.id, patch), cancel: () => this.#cancel(idea.id) }) : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'perron-idea-vote': PerronIdeaVote;
  }
}
