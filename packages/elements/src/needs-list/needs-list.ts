import { initialState } from '@lit/task';
import { frenchOrdinals, NEED_CATEGORIES, type HumanNeed, type Need, type ProjectDetail } from '@perron/contract';
import { getProject } from '@perron/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PerronPledgeEvent } from '../events.ts';
import { ratio } from '../internal/css-var.ts';
import { dateFormat, dayIn, dayToDate, localized } from '../internal/format.ts';
import { amount, isOpen, waitsForSupporters } from '../internal/need-amount.ts';
import { PerronElement } from '../internal/perron-element.ts';
import { renderTask } from '../internal/states.ts';
import { baseStyles } from '../internal/styles.ts';
import { needsListStyles } from './needs-list.styles.ts';
import { addFrench } from '../i18n/locale.ts';
import frProject from '../i18n/fr-CA/project.ts';
import frNeeds from '../i18n/fr-CA/needs.ts';

/**
 * A deadline's day, « 1er décembre » / "December 1", with its year when it is not this year's in
 * Montréal; a calendar day, so formatted in UTC (no shift). Here rather than in format.ts: the card's bundle stays without it.
 */
function dayMonth(date: string, locale: string): string {
  const year = date.slice(0, 4) === dayIn(new Date()).slice(0, 4) ? undefined : 'numeric';
  const text = dateFormat(locale, { day: 'numeric', month: 'long', year, timeZone: 'UTC' }).format(dayToDate(date));
  return locale.startsWith('fr') ? frenchOrdinals(text) : text;
}

/**
 * A volunteer need's skills in the reader's language: the taxonomy's have both labels; text the
 * organization typed (and every skill from a node older than `skillLabels`) stays French, said so by `lang`.
 */
const skillsIn = (need: HumanNeed, language: 'fr' | 'en') => (need.skillLabels ?? need.skills.map((fr) => ({ label: { fr } }))).map((s) => localized(s.label, language));

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frProject);
addFrench(frNeeds);

/**
 * @summary A project's needs, grouped by category (volunteers, materials, money), each with what
 * is pledged against what is wanted and a pledge form that opens in place.
 *
 * @slot - Fallback content (a link to the project), shown until the needs load and when they cannot.
 * @csspart base - The list.
 * @csspart need - Each need.
 * @csspart progress - Each need's progress.
 * @csspart help - The button that opens a need's pledge form.
 * @csspart deadline - The day a need is needed by, when it has one.
 * @csspart skills - The skills a volunteer need asks for, each in the page's language when it has it.
 * @csspart waiting - Said at a money need while the project's supporters have not reached its threshold.
 * @csspart services - Under a need (with `suggest-services`): the other organizations' services that could also answer it.
 * @csspart service - Each of those services: its name (a link when it has an address), who offers it, and the directory it comes from when imported.
 * @csspart services-status - At the list's end (with `suggest-services`): while those services load, when none matches, or when they could not be loaded.
 * @csspart empty - The message shown when there are no needs.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message and its retry button.
 * @csspart not-found - The message shown when the project does not exist.
 * @tagname perron-needs-list
 * @fires {PerronPledgeEvent} perron-pledge - From the pledge forms inside: a pledge was recorded (`detail` is `{ pledge, need }`).
 */
export class PerronNeedsList extends PerronElement {
  static override styles = [baseStyles, needsListStyles];

  /** The project's id. */
  @property({ reflect: true }) project?: string;
  /** Only the needs of this category: human, material or financial. */
  @property({ reflect: true }) category?: string;
  /**
   * Under each need, services of the node's directory (its organizations' and the directories it
   * imports) that could also answer it: « Des organismes peuvent aussi aider ». Off by default.
   */
  @property({ type: Boolean, reflect: true, attribute: 'suggest-services' }) suggestServices = false;
  /** The level of the category headings in the host page's outline; needs are one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** The needs whose pledge form is open, and those ever opened (kept, with what was typed). */
  @state() private expanded = new Set<string>();
  #opened = new Set<string>();
  /** Pledged here since loading, by need: shown at once. */
  @state() private added = new Map<string, number>();

  readonly #project = this.task({
    task: ([id, core], { signal }) => (id ? getProject(core, id, { signal }) : initialState),
    args: () => [this.project, this.core] as const,
  });

  // Asked beside the project, from a chunk of their own fetched only when the attribute is set.
  readonly #suggestions = this.task({
    task: async ([id, on, core, lang], { signal }) => {
      if (!id || !on) return initialState;
      const { loadSuggestions } = await import('./service-suggestions.ts');
      return loadSuggestions(core, id, lang, signal);
    },
    args: () => [this.project, this.suggestServices, this.core, this.language] as const,
  });

  constructor() {
    super();
    this.addEventListener('perron-pledge', (e: PerronPledgeEvent) => {
      const { need, pledge } = e.detail;
      // A held pledge counts only once its email is confirmed: the progress moves then, on the next load.
      if (pledge.status === 'held') return;
      this.added = new Map(this.added).set(need.id, (this.added.get(need.id) ?? 0) + pledge.quantity);
    });
  }

  async #toggle(id: string) {
    // The pledge form's code comes the first time a form is opened: a page may only show the needs.
    if (!this.#opened.size) await import('../internal/forms.ts');
    const expanded = new Set(this.expanded);
    if (!expanded.delete(id)) expanded.add(id);
    this.#opened.add(id);
    this.expanded = expanded;
  }

  override render() {
    return renderTask(this, this.#project, {
      notFound: 'project',
      skeleton: () => html`<span class="skeleton needs" aria-hidden="true"></span>`,
      complete: (project) => {
        const t = this.t;
        const categories = NEED_CATEGORIES.filter((c) => !this.category || c === this.category);
        const groups = categories
          .map((category) => ({ category, needs: project.needs.filter((n) => n.category === category) }))
          .filter((g) => g.needs.length);
        if (!groups.length) return html`<p class="state" part="empty">${t.needs.empty}</p>`;
        return html`<section part="base" aria-label=${t.needs.label} lang=${this.language}>
          ${groups.map(
            (g) => html`<div class="group">
              <p class="group-title" role="heading" aria-level=${this.headingLevel}>${t.category[g.category]}</p>
              <ul>
                ${g.needs.map((n) => html`<li>${this.#renderNeed(n, project)}</li>`)}
              </ul>
            </div>`,
          )}
          ${this.suggestServices ? this.#renderSuggestionsStatus(groups.flatMap((g) => g.needs)) : nothing}
        </section>`;
      },
    });
  }

  /** The services' state, at the list's end: the needs never wait for them, nor hide when they fail. */
  #renderSuggestionsStatus(shown: Need[]) {
    const t = this.t.needs;
    // One template for every state, so that the status line stays the same live region.
    const status = (text: string | typeof nothing, retry = false) =>
      html`<p class="muted services-status" part="services-status" role="status">${text}</p>
        ${retry ? html`<button type="button" class="button secondary" part="button retry" @click=${() => this.#suggestions.run()}>${this.t.retry}</button>` : nothing}`;
    const pending = () => status(t.servicesLoading);
    return this.#suggestions.render({ initial: pending, pending, complete: (s) => status(shown.some((n) => s.has(n.id)) ? nothing : t.servicesNone), error: () => status(t.servicesError, true) });
  }

  #renderNeed(stored: Need, project: ProjectDetail) {
    const { t, f, language } = this;
    const need = { ...stored, pledged: stored.pledged + (this.added.get(stored.id) ?? 0) };
    const title = localized(need.title, language);
    const description = need.description && localized(need.description, language);
    const expanded = this.expanded.has(need.id);
    // A money need waits until enough people support the project: it says so, and offers no form.
    const waiting = waitsForSupporters(project, need) && project.crowdfunding;
    const open = isOpen(need) && !waiting;
    return html`<div part="need" class="need">
      <div class="need-head">
        <p class="need-title" role="heading" aria-level=${this.headingLevel + 1} lang=${title.lang}>${title.value}</p>
        ${need.status === 'open' && (open || waiting) ? nothing : html`<span class="badge">${t.needs.status[open ? 'open' : need.status === 'closed' ? 'closed' : 'filled']}</span>`}
      </div>
      ${description ? html`<p lang=${description.lang}>${description.value}</p>` : nothing}
      ${need.category === 'human' && need.skills.length
        ? html`<p class="muted" part="skills">${t.needs.skills} ${skillsIn(need, language).map((s, i) => html`${i ? ', ' : ''}<span lang=${s.lang}>${s.value}</span>`)}</p>`
        : nothing}
      ${need.category === 'human' && need.shift ? html`<p class="muted">${t.needs.shift(f.when(need.shift.startsAt, need.shift.endsAt))}</p>` : nothing}
      ${need.deadline ? html`<p class="muted" part="deadline">${t.needs.deadline(dayMonth(need.deadline, this.locale))}</p>` : nothing}
      <div part="progress">
        ${t.needs.of(amount(t, f, need, need.pledged, language), amount(t, f, need, need.wanted, language))}
        <span class="bar" aria-hidden="true"><span ${ratio(need.pledged / need.wanted)}></span></span>
      </div>
      ${waiting && need.status === 'open' ? html`<p part="waiting" class="muted">${t.needs.waiting(f.number(waiting.threshold), f.number(project.supporterCount))}</p>` : nothing}
      ${open || this.#opened.has(need.id)
        ? html`<button
              type="button"
              part="help"
              class="button help"
              aria-expanded=${expanded ? 'true' : 'false'}
              aria-controls="pledge-${need.id}"
              aria-label=${t.needs.helpWith(title.value)}
              @click=${() => this.#toggle(need.id)}
            >
              ${t.needs.help}
            </button>
            <div class="pledge" id="pledge-${need.id}" ?hidden=${!expanded}>
              ${this.#opened.has(need.id)
                ? html`<perron-pledge-form
                    project=${need.projectId}
                    need=${need.id}
                    node=${ifDefined(this.node)}
                    heading-level=${this.headingLevel + 2}
                  ></perron-pledge-form>`
                : nothing}
            </div>`
        : nothing}
      ${this.suggestServices ? this.#suggestions.value?.render(t, need.id, this.headingLevel + 2) : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'perron-needs-list': PerronNeedsList;
  }
}
