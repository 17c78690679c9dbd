
import { NEED_CATEGORIES, THEMES, type Project, type ProjectListQuery } from '@perron/contract';
import { listProjects } from '@perron/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { projectStyles } from '../project-card/project-card.styles.ts';
import { communitiesBySlug, projectSkeleton, renderProject } from '../project-card/project-summary.ts';
import { PerronElement } from '../internal/perron-element.ts';
import { renderTask } from '../internal/states.ts';
import { fieldStyles } from '../internal/fields.styles.ts';
import { baseStyles } from '../internal/styles.ts';
import { projectListStyles } from './project-list.styles.ts';
import { addFrench } from '../i18n/locale.ts';
import frProject from '../i18n/fr-CA/project.ts';
import frList from '../i18n/fr-CA/list.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frProject);
addFrench(frList);

type Status = NonNullable<ProjectListQuery['status']>;

/**
 * @summary The grid of a community's projects (or of the projects an organization supports), with filters by theme and need, and "more" paging.
 *
 * @slot - Fallback content (a link to the projects), shown until they load and when they cannot.
 * @csspart filters - The filters.
 * @csspart grid - The list of projects.
 * @csspart base - Each project.
 * @csspart title - Each project's title.
 * @csspart image - Each project's image.
 * @csspart status - Each project's status badge.
 * @csspart summary - Each project's summary.
 * @csspart partners - Each project's partners.
 * @csspart origin - Where each project from a followed node comes from.
 * @csspart empty - The message shown when no project matches.
 * @csspart progress - Each project's needs progress.
 * @csspart supporters - How many support each project, against the threshold that opens its money needs when it has one.
 * @csspart support - Each project's "J'appuie ce projet" button, which opens the support form in a dialog.
 * @csspart contribute - Each project's button that opens its needs and pledge forms in a dialog.
 * @csspart dialog - The dialog with a project's needs and their pledge forms.
 * @csspart close - The dialog's close button.
 * @csspart more - The button that shows more projects.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message and its retry button.
 * @tagname perron-project-list
 * @cssprop [--perron-column-width=17rem] - Minimum width of a column.
 */
export class PerronProjectList extends PerronElement {
  static override styles = [baseStyles, fieldStyles, projectStyles, projectListStyles];

  /** A community's slug; its sub-communities' projects are included. */
  @property({ reflect: true }) community?: string;
  /**
   * An organization's slug: only the projects it supports as a funder, partner or sponsor (a
   * caisse's or a funder's "projects we support").
   */
  @property({ reflect: true }) partner?: string;
  /** Only projects of this theme; the theme filter changes it. */
  @property({ reflect: true }) theme?: string;
  /** Only projects with an open need of this category (human, material, financial); the need filter changes it. */
  @property({ reflect: true }) needs?: string;
  /** Project status (default: published). */
  @property({ reflect: true }) status: Status = 'published';
  /** How many projects per page. */
  @property({ type: Number, reflect: true }) limit = 6;
  /** The level of the projects' titles in the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;
  /** Hides the filters. */
  @property({ type: Boolean, attribute: 'no-filters' }) noFilters = false;

  @state() private more: Project[] = [];
  @state() private cursor: string | null = null;
  @state() private loadingMore = false;
  @state() private moreFailed = false;
  @state() private announcement = '';
  #moreAbort?: AbortController;

  get #query(): ProjectListQuery {
    const theme = THEMES.find((x) => x === this.theme);
    const needs = NEED_CATEGORIES.find((x) => x === this.needs);
    return { community: this.community || undefined, partner: this.partner || undefined, theme, needs, status: this.status, limit: this.limit };
  }

  readonly #first = this.task({
    task: async ([query, core], { signal }) => {
      this.#moreAbort?.abort();
      const [page, communities] = await Promise.all([listProjects(core, query, { signal }), communitiesBySlug(core, signal)]);
      this.more = [];
      this.cursor = page.nextCursor;
      return { items: page.items, communities };
    },
    args: () => [this.#query, this.core] as const,
    argsEqual: ([a, c1], [b, c2]) => c1 === c2 && JSON.stringify(a) === JSON.stringify(b),
  });

  async #loadMore() {
    if (!this.cursor || this.loadingMore) return;
    const abort = (this.#moreAbort = new AbortController());
    this.loadingMore = true;
    this.moreFailed = false;
    const before = (this.#first.value?.items.length ?? 0) + this.more.length;
    try {
      const page = await listProjects(this.core, { ...this.#query, cursor: this.cursor }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.more = [...this.more, ...page.items];
      this.cursor = page.nextCursor;
      this.announcement = this.t.list.shown(before + page.items.length);
      await this.updateComplete;
      // The button may be gone: the first new project's title takes the focus.
      this.renderRoot.querySelectorAll<HTMLElement>('.grid > li')[before]?.querySelector<HTMLElement>('.title')?.focus();
    } catch {
      if (!abort.signal.aborted) this.moreFailed = true;
    } finally {
      if (!abort.signal.aborted) this.loadingMore = false;
    }
  }

  #filter(e: Event) {
    const select = e.target as HTMLSelectElement;
    if (select.name === 'theme') this.theme = select.value || undefined;
    else this.needs = select.value || undefined;
  }

  override render() {
    const t = this.t;
    return html`<div lang=${this.language}>
      ${this.noFilters ? nothing : this.#renderFilters()}
      ${renderTask(this, this.#first, {
        notFound: 'project',
        skeleton: () =>
          html`<ul class="grid skeleton-grid" role="presentation">
            ${Array.from({ length: Math.min(this.limit, 3) }, () => html`<li>${projectSkeleton()}</li>`)}
          </ul>`,
        complete: ({ items, communities }) => {
          const all = [...items, ...this.more];
          if (!all.length) return html`<p class="state" part="empty">${t.list.empty}</p>`;
          return html`<ul part="grid" class="grid" aria-label=${t.list.label}>
              ${all.map((p) => html`<li>${renderProject(this, p, communities, this.headingLevel)}</li>`)}
            </ul>
            <div class="more">
              ${this.cursor
                ? html`<button
                    type="button"
                    part="more"
                    class="button secondary"
                    aria-disabled=${this.loadingMore ? 'true' : 'false'}
                    @click=${this.#loadMore}
                  >
                    ${this.loadingMore ? t.loading : t.list.more}
                  </button>`
                : nothing}
              ${this.moreFailed ? html`<p class="field-error" role="alert">${t.loadError}</p>` : nothing}
              <p class="sr-only" role="status">${this.announcement}</p>
            </div>`;
        },
      })}
    </div>`;
  }

  #renderFilters() {
    const t = this.t;
    return html`<fieldset part="filters" class="filters">
      <legend class="sr-only">${t.list.filters}</legend>
      <div class="field">
        <label for="theme">${t.list.theme}</label>
        <select id="theme" name="theme" @change=${this.#filter}>
          <option value="">${t.list.allThemes}</option>
          ${THEMES.map((x) => html`<option value=${x} ?selected=${this.theme === x}>${t.theme[x]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="needs">${t.list.needs}</label>
        <select id="needs" name="needs" @change=${this.#filter}>
          <option value="">${t.list.anyNeed}</option>
          ${NEED_CATEGORIES.map((x) => html`<option value=${x} ?selected=${this.needs === x}>${t.category[x]}</option>`)}
        </select>
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'perron-project-list': PerronProjectList;
  }
}
