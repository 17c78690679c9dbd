import { TaskStatus } from '@lit/task';
import { organizationName, type Event } from '@perron/contract';
import { eventIcsUrl, listEvents } from '@perron/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { dayIn, localized, safeHref } from '../internal/format.ts';
import { PerronElement } from '../internal/perron-element.ts';
import { renderNoNode, renderTask } from '../internal/states.ts';
import { baseStyles } from '../internal/styles.ts';
import { googleCalendarUrl, outlookCalendarUrl } from './add-links.ts';
import { addDays, addMonths, daysBetween, firstDayOfWeek, firstOfMonth, fullDay, lastOfMonth, monthOf, monthWeeks, startOfWeek, weekdayName } from './dates.ts';
import { eventCalendarStyles } from './event-calendar.styles.ts';
import { RsvpController } from './rsvp.ts';
import { addFrench } from '../i18n/locale.ts';
import frCalendar from '../i18n/fr-CA/calendar.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frCalendar);

const MAX_EVENTS = 300;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * @summary Events as a month grid or an agenda list, with details, "add to my calendar" (.ics)
 * and registration where the event takes it.
 *
 * The month grid follows the ARIA date grid pattern: arrows move by day and week, Home and End to
 * the week's ends, Page Up and Page Down by month (with Shift, by year), Enter to the day's events.
 *
 * @slot - Fallback content (a link to the events), shown until they load and when they cannot.
 * @csspart base - The calendar.
 * @csspart grid - The month grid.
 * @csspart event - Each event.
 * @csspart empty - The message shown when there are no events (in the month, or at all).
 * @csspart notice - The registration form's collection notice and consents.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message and its retry button.
 * @tagname perron-event-calendar
 * @fires {PerronRegisterEvent} perron-register - A registration (RSVP) was recorded: `detail` is `{ registration }`.
 */
export class PerronEventCalendar extends PerronElement {
  static override styles = [baseStyles, eventCalendarStyles];

  /** A community's slug. */
  @property({ reflect: true }) community?: string;
  /** An organization's slug. */
  @property({ reflect: true }) org?: string;
  /** Days shown, as `from/to` (ISO dates, either end optional). The list starts at `from` (default: today); the grid opens on its month. */
  @property({ reflect: true }) range?: string;
  /** `month` (the grid) or `list` (the agenda). */
  @property({ reflect: true }) view: 'month' | 'list' = 'month';
  /** The level of the calendar's headings in the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** The day that has the focus in the grid, and whose events are shown below it. */
  @state() private selected = '';
  /** Whether the grid may still move to the next event's month (only before anyone moves it). */
  #mayJump = true;
  @state() private expanded = new Set<string>();
  #focusAfterRender = false;
  readonly #rsvp = new RsvpController(this);

  get #range(): { from?: string; to?: string } {
    const [from, to] = (this.range ?? '').split('/');
    return { from: from && DAY.test(from) ? from : undefined, to: to && DAY.test(to) ? to : undefined };
  }

  override willUpdate() {
    this.selected ||= this.#range.from ?? dayIn(new Date());
  }

  readonly #events = this.task({
    task: async ([view, community, organization, month, core], { signal }) => {
      const { from, to } = this.#range;
      const where = { community: community || undefined, organization: organization || undefined };
      const query =
        view === 'month'
          ? { from: `${month}-01`, to: lastOfMonth(`${month}-01`) }
          : { from: from ?? dayIn(new Date()), ...(to ? { to } : {}) };
      const events = await listEvents(core, { ...query, ...where, limit: 100 }, { signal }).toArray({ max: MAX_EVENTS });
      if (view === 'month' && this.#mayJump && !from && !events.length) {
        // An empty first month while events are coming: open on the month of the next one.
        const today = dayIn(new Date());
        const [next] = await listEvents(core, { from: today, ...where, limit: 1 }, { signal }).toArray({ max: 1 });
        const day = next && dayIn(next.startsAt) > today ? dayIn(next.startsAt) : undefined;
        if (day && monthOf(day) !== monthOf(this.selected)) this.selected = day;
      }
      this.#mayJump = false;
      return events;
    },
    args: () => [this.view, this.community, this.org, this.view === 'month' ? monthOf(this.selected) : '', this.core] as const,
  });

  #byDay(events: Event[]) {
    const days = new Map<string, Event[]>();
    for (const e of events) {
      for (const day of daysBetween(dayIn(e.startsAt), dayIn(e.endsAt))) days.set(day, [...(days.get(day) ?? []), e]);
    }
    return days;
  }

  #move(day: string) {
    this.#mayJump = false;
    this.selected = day;
    this.#focusAfterRender = true;
  }

  #onGridKey(e: KeyboardEvent) {
    const d = this.selected;
    const week = firstDayOfWeek(this.locale);
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(d, -1),
      ArrowRight: () => addDays(d, 1),
      ArrowUp: () => addDays(d, -7),
      ArrowDown: () => addDays(d, 7),
      Home: () => startOfWeek(d, week),
      End: () => addDays(startOfWeek(d, week), 6),
      PageUp: () => addMonths(d, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(d, e.shiftKey ? 12 : 1),
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.renderRoot.querySelector<HTMLElement>('.day .events button')?.focus();
      return;
    }
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    this.#move(move());
  }

  override updated() {
    if (!this.#focusAfterRender) return;
    this.#focusAfterRender = false;
    this.renderRoot.querySelector<HTMLElement>(`td[data-day="${this.selected}"]`)?.focus();
  }

  #setView(view: 'month' | 'list') {
    this.view = view;
  }

  #showMonth(n: number) {
    this.#mayJump = false;
    this.selected = firstOfMonth(addMonths(this.selected, n));
  }

  override render() {
    const t = this.t;
    if (this.nodeMissing) return renderNoNode(this);
    return html`<div part="base" lang=${this.language}>
      <div class="toolbar">
        <div class="views" role="group" aria-label=${t.calendar.view}>
          ${(['month', 'list'] as const).map(
            (v) => html`<button type="button" class="button" aria-pressed=${this.view === v ? 'true' : 'false'} @click=${() => this.#setView(v)}>
              ${t.calendar[v]}
            </button>`,
          )}
        </div>
        <p class="muted">${t.calendar.timeZone}</p>
      </div>
      ${this.view === 'month' ? this.#renderMonth() : this.#renderList()}
    </div>`;
  }

  #renderMonth() {
    const { t, f, locale } = this;
    const [year, month] = this.selected.split('-').map(Number) as [number, number];
    const week = firstDayOfWeek(this.locale);
    const weeks = monthWeeks(this.selected, week);
    const inMonth = monthOf(this.selected);
    const events = this.#events.value && this.#events.status === TaskStatus.COMPLETE ? this.#events.value : [];
    const days = this.#byDay(events);
    const today = dayIn(new Date());
    const dayEvents = days.get(this.selected) ?? [];
    const loading = this.#events.status === TaskStatus.PENDING;
    return html`<div class="month-nav">
        <button type="button" class="button secondary icon" aria-label=${t.calendar.previous} @click=${() => this.#showMonth(-1)}>
          <span aria-hidden="true">‹</span>
        </button>
        <p id="month-title" class="month-title" role="heading" aria-level=${this.headingLevel} aria-live="polite">${f.monthYear(year, month - 1)}</p>
        <button type="button" class="button secondary icon" aria-label=${t.calendar.next} @click=${() => this.#showMonth(1)}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table part="grid" role="grid" aria-labelledby="month-title" aria-describedby="grid-keys" aria-busy=${loading ? 'true' : 'false'} @keydown=${this.#onGridKey}>
        <thead>
          <tr>
            ${weeks[0]!.map((d) => html`<th scope="col" abbr=${weekdayName(locale, d, 'long')}>${weekdayName(locale, d, 'short')}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (row) => html`<tr>
              ${row.map((d) => {
                if (monthOf(d) !== inMonth) return html`<td class="outside"></td>`;
                const n = days.get(d)?.length ?? 0;
                const selected = d === this.selected;
                return html`<td
                  data-day=${d}
                  tabindex=${selected ? 0 : -1}
                  aria-selected=${selected ? 'true' : 'false'}
                  aria-current=${d === today ? 'date' : 'false'}
                  aria-label="${fullDay(locale, d, false)}, ${t.calendar.count(n)}"
                  @click=${() => this.#move(d)}
                >
                  <span class="num" aria-hidden="true">${Number(d.slice(8))}</span>
                  ${n ? html`<span class="dots" aria-hidden="true">${Array.from({ length: Math.min(n, 3) }, () => html`<span></span>`)}</span>` : nothing}
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
      <p id="grid-keys" class="muted hint">${t.calendar.keys}</p>
      <div class="status-line">
        ${loading ? html`<span role="status">${t.loading}</span>` : nothing}
        ${this.#events.status === TaskStatus.ERROR
          ? html`<div part="error" role="alert">
              <span>${t.loadError}</span>
              <button type="button" class="button secondary" @click=${() => this.#events.run()}>${t.retry}</button><slot></slot>
            </div>`
          : nothing}
        ${this.#events.status === TaskStatus.COMPLETE && !events.length ? html`<span part="empty">${t.calendar.noEventsMonth}</span>` : nothing}
      </div>
      <section class="day" aria-labelledby="day-title">
        <p id="day-title" class="day-title" role="heading" aria-level=${this.headingLevel + 1}>${fullDay(locale, this.selected)}</p>
        ${dayEvents.length
          ? html`<ul class="events">
              ${dayEvents.map((e) => this.#renderEvent(e, this.headingLevel + 2))}
            </ul>`
          : html`<p class="muted">${t.calendar.noEventsDay}</p>`}
      </section>`;
  }

  #renderList() {
    const { t, locale } = this;
    return renderTask(this, this.#events, {
      notFound: 'event',
      skeleton: () => html`<span class="skeleton list" aria-hidden="true"></span>`,
      complete: (events) => {
        if (!events.length) return html`<p class="state" part="empty">${t.calendar.empty}</p>`;
        const groups = new Map<string, Event[]>();
        for (const e of events) groups.set(dayIn(e.startsAt), [...(groups.get(dayIn(e.startsAt)) ?? []), e]);
        return html`${[...groups].map(
          ([day, list]) => html`<section class="group" aria-labelledby="day-${day}">
            <p id="day-${day}" class="group-title" role="heading" aria-level=${this.headingLevel}>${fullDay(locale, day)}</p>
            <ul class="events">
              ${list.map((e) => this.#renderEvent(e, this.headingLevel + 1))}
            </ul>
          </section>`,
        )}`;
      },
    });
  }

  #toggle(id: string) {
    const expanded = new Set(this.expanded);
    if (!expanded.delete(id)) expanded.add(id);
    this.expanded = expanded;
  }

  #renderEvent(e: Event, level: number) {
    const { t, f, language } = this;
    const title = localized(e.title, language);
    const description = e.description && localized(e.description, language);
    const open = this.expanded.has(e.id);
    const link = safeHref(e.link);
    const ics = safeHref(eventIcsUrl(this.core, e.id, { lang: language }));
    const text = { title: title.value, details: [description?.value, e.url].filter(Boolean).join('\n\n') };
    const left = e.capacity === null ? null : Math.max(0, e.capacity - e.registeredCount);
    return html`<li part="event" class="event">
      <p class="event-title" role="heading" aria-level=${level} lang=${title.lang}>${title.value}</p>
      <p class="muted">${f.when(e.startsAt, e.endsAt)} · ${t.calendar.category[e.category]}</p>
      ${e.place ? html`<p>${e.place.name}</p>` : nothing}
      <button type="button" class="button secondary" aria-expanded=${open ? 'true' : 'false'} aria-controls="details-${e.id}" aria-label=${t.calendar.detailsOf(title.value)} @click=${() => this.#toggle(e.id)}>
        ${t.calendar.details}
      </button>
      <div id="details-${e.id}" class="details" ?hidden=${!open}>
        ${e.place ? html`<p>${e.place.address}</p>` : nothing}
        ${link ? html`<p><a href=${link}>${t.calendar.online}</a></p>` : nothing}
        <p>${t.calendar.organizer(organizationName(e.organization, this.language))}</p>
        ${description ? html`<p lang=${description.lang}>${description.value}</p>` : nothing}
        ${left === null ? nothing : html`<p>${left ? t.calendar.seatsLeft(left) : t.calendar.full}</p>`}
        <div class="actions" role="group" aria-label=${t.calendar.addTo(title.value)}>
          ${ics ? html`<a class="button secondary" href=${ics} download>${t.calendar.addToCalendar}</a>` : nothing}
          <a class="button secondary" href=${googleCalendarUrl(e, text)} rel="noopener">${t.calendar.google}</a>
          <a class="button secondary" href=${outlookCalendarUrl(e, text)} rel="noopener">${t.calendar.outlook}</a>
        </div>
        ${this.#rsvp.render(e)}
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'perron-event-calendar': PerronEventCalendar;
  }
}
