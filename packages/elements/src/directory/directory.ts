import type { HsdsService } from '@perron/contract';
import { listDirectoryServices } from '@perron/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { safeHref } from '../internal/format.ts';
import { PerronElement } from '../internal/perron-element.ts';
import { renderTask } from '../internal/states.ts';
import { fieldStyles } from '../internal/fields.styles.ts';
import { baseStyles } from '../internal/styles.ts';
import { directoryStyles } from './directory.styles.ts';
import { addFrench } from '../i18n/locale.ts';
import frDirectory from '../i18n/fr-CA/directory.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frDirectory);

/** Languages offered in the filter; a service in another one still shows it by its name. */
const LANGUAGES = ['fr', 'en', 'es', 'ar', 'zh', 'ht', 'vi', 'pt', 'fa', 'ta'];

/**
 * @summary The resource directory: the services organizations offer all year round, searched by need and language.
 *
 * @slot - Fallback content (a link to the directory), shown until it loads and when it cannot.
 * @csspart filters - The search form.
 * @csspart list - The list of services.
 * @csspart service - Each service.
 * @csspart title - Each service's name.
 * @csspart organization - Who offers it.
 * @csspart status - A service closed for now.
 * @csspart description - Its description.
 * @csspart details - For whom, languages, hours, place, cost and contact.
 * @csspart empty - The message shown when no service matches.
 * @csspart more - The button that shows more services.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message and its retry button.
 * @tagname perron-directory
 */
export class PerronDirectory extends PerronElement {
  static override styles = [baseStyles, fieldStyles, directoryStyles];

  /** Words searched in the services' names, descriptions and audiences; the search field changes it. */
  @property({ reflect: true }) q?: string;
  /** Only services offered in this language (`fr`, `en`, `es`…); the language filter changes it. */
  @property({ reflect: true, attribute: 'service-language' }) serviceLanguage?: string;
  /** How many services per page. */
  @property({ type: Number, reflect: true }) limit = 10;
  /** The level of the services' names in the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  @state() private more: HsdsService[] = [];
  @state() private page = 1;
  @state() private lastPage = true;
  @state() private loadingMore = false;
  @state() private moreFailed = false;
  @state() private announcement = '';
  #moreAbort?: AbortController;

  get #query() {
    return { search: this.q || undefined, language: this.serviceLanguage || undefined, per_page: this.limit, lang: this.language };
  }

  readonly #first = this.task({
    task: async ([query, core], { signal }) => {
      this.#moreAbort?.abort();
      const answer = await listDirectoryServices(core, { ...query, page: 1 }, { signal });
      this.more = [];
      this.page = 1;
      this.lastPage = answer.last_page;
      return answer.contents;
    },
    args: () => [this.#query, this.core] as const,
    argsEqual: ([a, c1], [b, c2]) => c1 === c2 && JSON.stringify(a) === JSON.stringify(b),
  });

  async #loadMore() {
    if (this.lastPage || this.loadingMore) return;
    const abort = (this.#moreAbort = new AbortController());
    this.loadingMore = true;
    this.moreFailed = false;
    const before = (this.#first.value?.length ?? 0) + this.more.length;
    try {
      const answer = await listDirectoryServices(this.core, { ...this.#query, page: this.page + 1 }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.more = [...this.more, ...answer.contents];
      this.page += 1;
      this.lastPage = answer.last_page;
      this.announcement = this.t.directory.shown(before + answer.contents.length);
      await this.updateComplete;
      // The button may be gone: the first new service's name takes the focus.
      this.renderRoot.querySelectorAll<HTMLElement>('.services > li')[before]?.querySelector<HTMLElement>('.title')?.focus();
    } catch {
      if (!abort.signal.aborted) this.moreFailed = true;
    } finally {
      if (!abort.signal.aborted) this.loadingMore = false;
    }
  }

  #search(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    this.q = String(form.get('q') ?? '').trim() || undefined;
    this.serviceLanguage = String(form.get('language') ?? '') || undefined;
  }

  override render() {
    const t = this.t.directory;
    return html`<div lang=${this.language}>
      ${this.#renderFilters()}
      ${renderTask(this, this.#first, {
        notFound: 'project',
        skeleton: () =>
          html`<ul class="services" role="presentation">
            ${Array.from({ length: Math.min(this.limit, 3) }, () => html`<li class="skeleton skeleton-service"></li>`)}
          </ul>`,
        complete: (items) => {
          const all = [...items, ...this.more];
          if (!all.length) return html`<p class="state" part="empty">${t.empty}</p>`;
          return html`<ul part="list" class="services" aria-label=${t.label}>
              ${all.map((s) => html`<li part="service">${this.#renderService(s)}</li>`)}
            </ul>
            <div class="more">
              ${this.lastPage
                ? nothing
                : html`<button type="button" part="more" class="button secondary" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.#loadMore}>
                    ${this.loadingMore ? this.t.loading : t.more}
                  </button>`}
              ${this.moreFailed ? html`<p class="field-error" role="alert">${this.t.loadError}</p>` : nothing}
              <p class="sr-only" role="status">${this.announcement}</p>
            </div>`;
        },
      })}
    </div>`;
  }

  #renderFilters() {
    const t = this.t.directory;
    return html`<form part="filters" class="filters" role="search" aria-label=${t.filters} @submit=${this.#search}>
      <div class="field">
        <label for="q">${t.search}</label>
        <input id="q" name="q" type="search" .value=${this.q ?? ''} maxlength="100" autocomplete="off" />
      </div>
      <div class="field">
        <label for="language">${t.language}</label>
        <select id="language" name="language">
          <option value="">${t.anyLanguage}</option>
          ${LANGUAGES.map((code) => html`<option value=${code} ?selected=${this.serviceLanguage === code}>${t.languages[code]}</option>`)}
        </select>
      </div>
      <button type="submit" class="button">${t.searchButton}</button>
    </form>`;
  }

  #renderService(s: HsdsService) {
    const t = this.t.directory;
    const languages = (s.languages ?? []).map((l) => (l.code && t.languages[l.code]) || l.name || l.code).filter(Boolean);
    const hours = (s.schedules ?? []).map((h) =>
      [h.byday?.split(',').map((d) => t.days[d] ?? d).join(', '), h.opens_at && h.closes_at ? `${h.opens_at}–${h.closes_at}` : '', h.description].filter(Boolean).join(' · '),
    );
    const address = s.service_at_locations?.[0]?.location?.addresses?.[0];
    const cost = s.fees_description || (s.cost_options?.some((c) => c.option === 'free' || c.amount === 0) ? t.free : '');
    const website = safeHref(s.url);
    return html`<p part="title" class="title" tabindex="-1" role="heading" aria-level=${this.headingLevel}>${s.name}</p>
      ${s.organization?.name ? html`<p part="organization" class="muted">${t.by} ${s.organization.name}</p>` : nothing}
      ${s.status !== 'active' && t.status[s.status] ? html`<p part="status" class="badge">${t.status[s.status]}</p>` : nothing}
      ${s.description ? html`<p part="description">${s.description}</p>` : nothing}
      <dl part="details" class="details">
        ${s.eligibility_description ? html`<dt>${t.forWhom}</dt><dd>${s.eligibility_description}</dd>` : nothing}
        ${languages.length ? html`<dt>${t.inLanguages}</dt><dd>${languages.join(', ')}</dd>` : nothing}
        ${hours.length ? html`<dt>${t.when}</dt><dd>${hours.map((h, i) => html`${i ? html`<br />` : nothing}${h}`)}</dd>` : nothing}
        ${address ? html`<dt>${t.where}</dt><dd>${address.address_1}, ${address.city} ${address.postal_code}</dd>` : nothing}
        ${cost ? html`<dt>${t.cost}</dt><dd>${cost}</dd>` : nothing}
        ${s.phones?.[0] ? html`<dt>${t.phone}</dt><dd><a href="tel:${s.phones[0].number.replace(/[^0-9+]/g, '')}">${s.phones[0].number}</a></dd>` : nothing}
        ${s.email ? html`<dt>${t.email}</dt><dd><a href="mailto:${s.email}">${s.email}</a></dd>` : nothing}
      </dl>
      ${website ? html`<p><a href=${website} rel="noopener" target="_blank">${t.website}<span class="sr-only"> — ${s.name}</span></a></p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'perron-directory': PerronDirectory;
  }
}
