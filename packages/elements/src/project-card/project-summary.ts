import { organizationName, type Community, type NeedCategory, type Project } from '@perron/contract';
import { listCommunities, type PerronCore } from '@perron/sdk';
import { html, nothing } from 'lit';
import { ratio } from '../internal/css-var.ts';
import { localized, safeHref } from '../internal/format.ts';
import type { PerronElement } from '../internal/perron-element.ts';
import { projectPageHref, renderContribute, renderSupport } from './contribute.ts';
import { addFrench } from '../i18n/locale.ts';
import frProject from '../i18n/fr-CA/project.ts';

// Its words, in this bundle's French (../i18n/locale.ts).
addFrench(frProject);

/** Every community by slug, to name a project's places; a project shows its slugs when they cannot be read. */
export const communitiesBySlug = async (core: PerronCore, signal: AbortSignal) =>
  new Map((await listCommunities(core, { signal }).catch((): Community[] => [])).map((c) => [c.slug, c]));

/** The face of a project, shared by the card and the list. */
export function renderProject(host: PerronElement, project: Project, communities: Map<string, Community>, headingLevel: number) {
  const { t, f, language } = host;
  const title = localized(project.title, language);
  const summary = localized(project.summary, language);
  const image = project.image && safeHref(project.image.url);
  const dates =
    project.startsOn && project.endsOn
      ? f.dayRange(project.startsOn, project.endsOn)
      : project.startsOn
        ? t.project.from(f.day(project.startsOn))
        : project.endsOn
          ? t.project.until(f.day(project.endsOn))
          : '';
  const places = project.communities.map((slug) => {
    const c = communities.get(slug);
    return c ? localized(c.name, language).value : slug;
  });
  const p = project.progress;
  const rows = (['human', 'material', 'financial'] as NeedCategory[]).filter((c) => p[c].needs > 0);
  const href = safeHref(project.url);
  // A copy from a node this page does not read: say where it lives, and contribute there (its page is `href`).
  const origin = (project as Project & { origin?: string }).origin;
  const via = origin && !host.core.nodes.includes(origin) ? safeHref(origin) : undefined;
  return html`<article part="base" class="project" lang=${language}>
    ${image
      ? html`<img part="image" class="image" src=${image} alt=${localized(project.image!.alt, language).value} loading="lazy" />`
      : nothing}
    <div class="body">
      <p part="status" class="status status-${project.status}">${t.project.status[project.status]}</p>
      <p part="title" class="title" tabindex="-1" role="heading" aria-level=${headingLevel} lang=${title.lang}>${title.value}</p>
      <p class="meta muted">
        <span>${t.project.by(organizationName(project.organization, language))}</span>
        ${via ? html`<span part="origin">${t.project.via(new URL(via).host)}</span>` : nothing}
        ${places.length ? html`<span>${places.join(', ')}</span>` : nothing}
        ${dates ? html`<span>${dates}</span>` : nothing}
      </p>
      <p part="summary" class="summary" lang=${summary.lang}>${summary.value}</p>
      ${rows.length
        ? html`<dl part="progress" class="progress" aria-label=${t.project.progress}>
            ${rows.map(
              (c) => html`<div>
                <dt>${t.category[c]}</dt>
                <dd>
                  ${c === 'financial'
                    ? t.project.raised(f.money(p.financial.pledgedCents), f.money(p.financial.wantedCents))
                    : t.project.met(p[c].filled, p[c].needs, f.percent(p[c].ratio))}
                  <span class="bar" aria-hidden="true"><span ${ratio(p[c].ratio)}></span></span>
                </dd>
              </div>`,
            )}
          </dl>`
        : nothing}
      ${project.partners.length
        ? html`<div part="partners" class="partners">
            <span class="muted">${t.project.partners}</span>
            <ul>
              ${project.partners.map((x) => html`<li>${organizationName(x.organization, language)} <span class="muted">(${t.project.partnerRole[x.role]})</span></li>`)}
            </ul>
          </div>`
        : nothing}
      ${supporters(host, project)}
      ${href && project.status === 'published'
        ? via
          ? html`<a part="contribute" class="button" href=${projectPageHref(href, language)} aria-label=${t.project.contributeTo(title.value)}>${t.project.contribute}</a>`
          : html`<div class="actions">
              ${renderContribute(host, project.id, title.value, href, origin ?? host.node)}
              ${renderSupport(host, project.id, title.value, href, origin ?? host.node)}
            </div>`
        : nothing}
    </div>
  </article>`;
}

/** "12 appuis sur 25 — le financement s'ouvre à 25", or the count alone when the project sets no threshold. */
function supporters(host: PerronElement, project: Project) {
  const { t, f } = host;
  const n = project.supporterCount;
  const c = project.crowdfunding;
  const text = c ? t.project.funding(f.number(n), n, c.unlocked ? undefined : f.number(c.threshold)) : n && t.project.supporters(f.number(n), n);
  return text ? html`<p part="supporters" class="muted">${text}</p>` : nothing;
}

/** The space a project takes while it loads, so that nothing moves when it arrives. */
export const projectSkeleton = () => html`<div class="project skeleton-card" aria-hidden="true">
  <span class="skeleton image"></span>
  <div class="body">
    <span class="skeleton line short"></span>
    <span class="skeleton line title-line"></span>
    <span class="skeleton line"></span>
    <span class="skeleton block"></span>
  </div>
</div>`;
