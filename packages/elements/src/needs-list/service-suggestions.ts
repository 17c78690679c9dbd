// "Other organizations can help": the services of the node's directory that could also answer each
// need, fetched and drawn by this module, which the needs list imports only with `suggest-services`
// (a chunk of its own: pages without the attribute, and the card's bundle, never download it).
import type { SuggestedService } from '@perron/contract';
import type { PerronCore } from '@perron/sdk';
import { suggestServices } from '@perron/sdk';
import { html, nothing } from 'lit';
import type { Messages } from '../i18n/locale.ts';
import { safeHref } from '../internal/format.ts';
import { addFrench } from '../i18n/locale.ts';
import frSuggestions from '../i18n/fr-CA/suggestions.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frSuggestions);

/** Where a service imported from another directory comes from: that directory's host. */
const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
};

function renderService(t: Messages, s: SuggestedService) {
  const href = safeHref(s.url);
  return html`<li part="service">
    ${href ? html`<a href=${href} lang=${s.lang}>${s.name}</a>` : html`<span lang=${s.lang}>${s.name}</span>`}
    ${s.organization.name ? html`<span class="muted">${t.suggestions.by(s.organization.name)}</span>` : nothing}
    ${s.origin ? html`<span class="muted">(${t.suggestions.from(hostOf(s.origin))})</span>` : nothing}
  </li>`;
}

export interface Suggestions {
  /** The services under one need: nothing when none could answer it. */
  render(t: Messages, need: string, headingLevel: number): unknown;
  /** Whether some service could answer this need. */
  has(need: string): boolean;
}

/** The project's open needs' services, in `lang`. */
export async function loadSuggestions(core: PerronCore, project: string, lang: 'fr' | 'en', signal: AbortSignal): Promise<Suggestions> {
  const answer = await suggestServices(core, { project, lang }, { signal });
  const byNeed = new Map(answer.needs.filter((n) => n.services.length).map((n) => [n.need, n.services]));
  return {
    has: (need) => byNeed.has(need),
    render(t, need, headingLevel) {
      const services = byNeed.get(need);
      if (!services) return nothing;
      return html`<div part="services" class="services">
        <p class="services-title" role="heading" aria-level=${headingLevel}>${t.suggestions.title}</p>
        <ul>
          ${services.map((s) => renderService(t, s))}
        </ul>
      </div>`;
    },
  };
}
