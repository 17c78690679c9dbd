import { initialState } from '@lit/task';
import { getProject } from '@perron/sdk';
import { property } from 'lit/decorators.js';
import type { PerronPledgeEvent } from '../events.ts';
import { PerronElement } from '../internal/perron-element.ts';
import { renderTask } from '../internal/states.ts';
import { baseStyles } from '../internal/styles.ts';
import { projectCardStyles, projectStyles } from './project-card.styles.ts';
import { communitiesBySlug, projectSkeleton, renderProject } from './project-summary.ts';

/**
 * @summary One project: image, title, organization, community, dates, progress of its needs,
 * partners, status, and "Contribuer", which opens its needs and pledge forms in a dialog.
 *
 * @slot - Fallback content (a link to the project), shown until the project loads and when it cannot.
 * @csspart base - The card.
 * @csspart image - The project's image.
 * @csspart status - The status badge.
 * @csspart title - The project's title.
 * @csspart summary - The summary.
 * @csspart progress - The needs' progress, by category.
 * @csspart partners - The partners.
 * @csspart origin - Where a project from a followed node comes from.
 * @csspart supporters - How many support the project, against the threshold that opens its money needs when it has one.
 * @csspart support - The "J'appuie ce projet" button, which opens the support form in a dialog.
 * @csspart contribute - The button that opens the needs and their pledge forms in a dialog (a link to the project's node when it is held on a node this page does not read).
 * @csspart dialog - The dialog with the needs and their pledge forms.
 * @csspart close - The dialog's close button.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message and its retry button.
 * @csspart not-found - The message shown when the project does not exist.
 * @tagname perron-project-card
 * @cssprop [--perron-card-width=28rem] - Maximum width of the card.
 */
export class PerronProjectCard extends PerronElement {
  static override styles = [baseStyles, projectStyles, projectCardStyles];

  /** The project's id. */
  @property({ reflect: true }) project?: string;

  /** The level of the title in the host page's outline (2 to 6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  readonly #project = this.task({
    task: async ([id, core], { signal }) => {
      if (!id) return initialState;
      const [project, communities] = await Promise.all([getProject(core, id, { signal }), communitiesBySlug(core, signal)]);
      return { project, communities };
    },
    args: () => [this.project, this.core] as const,
  });

  /** A pledge made anywhere on the page (a needs list, a form) moves this project's progress. */
  readonly #onPledge = (e: PerronPledgeEvent) => {
    if (e.detail.pledge.projectId === this.project) void this.refresh(this.#project as never);
  };

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('perron-pledge', this.#onPledge);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('perron-pledge', this.#onPledge);
  }

  override render() {
    return renderTask(this, this.#project, {
      notFound: 'project',
      skeleton: projectSkeleton,
      complete: ({ project, communities }) => renderProject(this, project, communities, this.headingLevel),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'perron-project-card': PerronProjectCard;
  }
}
