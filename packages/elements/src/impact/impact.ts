import type { Impact, ImpactQuery } from '@perron/contract';
import { getImpact } from '@perron/sdk';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { ratio } from '../internal/css-var.ts';
import { dateFormat } from '../internal/format.ts';
import { PerronElement } from '../internal/perron-element.ts';
import { renderTask } from '../internal/states.ts';
import { baseStyles } from '../internal/styles.ts';
import { impactStyles } from './impact.styles.ts';
import { addFrench } from '../i18n/locale.ts';
import frImpact from '../i18n/fr-CA/impact.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frImpact);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * @summary What residents gave to a community's or a partner's projects over a period: volunteers, hours, materials, money, projects completed, and contributions by month.
 *
 * @slot - Fallback content (a link to the projects), shown until the figures load and when they cannot.
 * @csspart figures - The list of figures.
 * @csspart figure - Each figure: its label and its value.
 * @csspart value - Each figure's value.
 * @csspart period - The period the figures cover.
 * @csspart chart - The chart of contributions by month, with its caption and its table for screen readers.
 * @csspart bar - Each month's bar.
 * @csspart empty - The message shown when nothing was pledged in the period.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message and its retry button.
 * @tagname perron-impact
 * @cssprop [--perron-chart-height=8rem] - Height of the chart's bars area.
 */
export class PerronImpact extends PerronElement {
  static override styles = [baseStyles, impactStyles];

  /** A community's slug: its projects and its sub-communities'. Give this or `partner`. */
  @property({ reflect: true }) community?: string;
  /** An organization's slug: the projects it supports (funder, partner or sponsor). Give this or `community`. */
  @property({ reflect: true }) partner?: string;
  /** First day counted, `YYYY-MM-DD` (default: the first day of the month 11 months ago). */
  @property({ reflect: true }) from?: string;
  /** Last day counted, `YYYY-MM-DD` (default: today). */
  @property({ reflect: true }) to?: string;

  get #query(): ImpactQuery {
    // A partner when one is given, as the project list reads it; a malformed date is left to the node's default.
    const scope = this.partner ? { partner: this.partner } : { community: this.community ?? '' };
    const day = (d?: string) => (d && DAY.test(d) ? d : undefined);
    return { ...scope, from: day(this.from), to: day(this.to) };
  }

  readonly #impact = this.task({
    task: ([query, core], { signal }) => getImpact(core, query, { signal }),
    args: () => [this.#query, this.core] as const,
    argsEqual: ([a, c1], [b, c2]) => c1 === c2 && JSON.stringify(a) === JSON.stringify(b),
  });

  override render() {
    return html`<div lang=${this.language}>
      ${renderTask(this, this.#impact, {
        notFound: this.partner ? 'organization' : 'community',
        skeleton: () => html`<div class="skeleton-impact"><span class="skeleton figures-skeleton"></span><span class="skeleton chart-skeleton"></span></div>`,
        complete: (impact) => this.#renderImpact(impact),
      })}
    </div>`;
  }

  #renderImpact(impact: Impact) {
    const { t, f } = this;
    const i = t.impact;
    const period = html`<p class="period muted" part="period">${i.period(f.dayRange(impact.from, impact.to))}</p>`;
    if (!impact.months.some((m) => m.pledges) && !impact.projectsCompleted) return html`${period}<p class="state" part="empty">${i.empty}</p>`;
    const figures: [string, string, string?][] = [
      [i.volunteers, f.number(impact.volunteers)],
      [i.hours, f.number(impact.hours)],
      [i.materials, f.number(impact.materials.pledges), i.items(impact.materials.items, f.number(impact.materials.items))],
      [i.money, f.money(impact.money.cents)],
      [i.completed, f.number(impact.projectsCompleted)],
    ];
    return html`${period}
      <dl class="figures" part="figures">
        ${figures.map(
          ([label, value, more]) => html`<div class="figure" part="figure">
            <dt>${label}</dt>
            <dd><span class="value" part="value">${value}</span>${more ? html` <span class="muted">(${more})</span>` : nothing}</dd>
          </div>`,
        )}
      </dl>
      ${this.#renderChart(impact)}`;
  }

  /** Bars for the eye; the same numbers in a table for screen readers (the bars are hidden from them). */
  #renderChart(impact: Impact) {
    const { t, f, locale } = this;
    const most = Math.max(1, ...impact.months.map((m) => m.pledges));
    const monthName = (style: 'short' | 'narrow', month: string) =>
      dateFormat(locale, { month: style, timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
    return html`<figure class="chart" part="chart">
      <figcaption>${t.impact.chart} <span class="muted">·\u00A0${t.impact.most(f.number(most))}</span></figcaption>
      <div class="bars" aria-hidden="true">
        ${impact.months.map(
          (m) => html`<div class="month">
            <span class="column">${m.pledges ? html`<span class="bar" part="bar" ${ratio(m.pledges / most)}></span>` : nothing}</span>
            <span class="label"><span class="short">${monthName('short', m.month)}</span><span class="narrow">${monthName('narrow', m.month)}</span></span>
          </div>`,
        )}
      </div>
      <div class="sr-only"><table>
        <caption>${t.impact.chart}</caption>
        <thead>
          <tr><th scope="col">${t.impact.month}</th><th scope="col">${t.impact.pledges}</th><th scope="col">${t.impact.hours}</th><th scope="col">${t.impact.money}</th></tr>
        </thead>
        <tbody>
          ${impact.months.map(
            (m) => html`<tr>
              <th scope="row">${f.monthYear(Number(m.month.slice(0, 4)), Number(m.month.slice(5, 7)) - 1)}</th>
              <td>${f.number(m.pledges)}</td>
              <td>${f.number(m.hours)}</td>
              <td>${f.money(m.moneyCents)}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'perron-impact': PerronImpact;
  }
}
