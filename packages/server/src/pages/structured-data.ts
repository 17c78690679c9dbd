import { organizationName, type Event, type Lang, type LocalizedText, type Need, type OrganizationSummary, type ProjectDetail } from '@perron/contract';
import { html, jsonBlock, type SafeHtml } from './html.ts';

// schema.org JSON-LD for the public pages, so that search engines and other readers see a project
// and its needs, an event with its place, seats and (free) registration, in the page's language.

const pick = (text: LocalizedText, lang: Lang) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);
const inLanguage = (lang: Lang) => `${lang}-CA`;

/** `<script type="application/ld+json">`: `<` is escaped in the JSON, so no typed text can close the element. */
export const jsonLd = (data: Record<string, unknown>): SafeHtml => html`<script type="application/ld+json">${jsonBlock({ '@context': 'https://schema.org', ...data })}</script>`;

const organization = (o: OrganizationSummary, baseUrl: string, lang: Lang) => ({ '@type': 'Organization', name: organizationName(o, lang), url: `${baseUrl}/v1/organizations/${encodeURIComponent(o.slug)}` });

/** A need is what the project seeks: people or hours, items, or money in CAD. */
function demand(need: Need, projectUrl: string, lang: Lang): Record<string, unknown> {
  const quantity =
    need.category === 'financial'
      ? { priceSpecification: { '@type': 'PriceSpecification', price: (need.wanted / 100).toFixed(2), priceCurrency: 'CAD' } }
      : {
          eligibleQuantity: {
            '@type': 'QuantitativeValue',
            value: need.wanted,
            // UN/CEFACT codes where one exists: HUR hours, C62 "one" (people, items).
            unitCode: need.category === 'human' && need.unit === 'hours' ? 'HUR' : 'C62',
            unitText: need.category === 'material' ? pick(need.unit, lang) : need.unit,
          },
        };
  return {
    '@type': 'Demand',
    '@id': `${projectUrl}#need-${need.id}`,
    name: pick(need.title, lang),
    ...(need.description ? { description: pick(need.description, lang) } : {}),
    category: need.category,
    availability: need.status === 'open' ? 'https://schema.org/InStock' : 'https://schema.org/SoldOut',
    // Its deadline: schema.org's end of a demand's availability (a Date).
    ...(need.deadline ? { availabilityEnds: need.deadline } : {}),
    url: projectUrl,
    ...quantity,
  };
}

export function projectJsonLd(p: ProjectDetail, baseUrl: string, lang: Lang): SafeHtml {
  return jsonLd({
    '@type': 'Project',
    '@id': p.url,
    url: p.url,
    name: pick(p.title, lang),
    description: pick(p.summary, lang),
    inLanguage: inLanguage(lang),
    ...(p.image ? { image: p.image.url } : {}),
    ...(p.startsOn ? { foundingDate: p.startsOn } : {}),
    ...(p.endsOn ? { dissolutionDate: p.endsOn } : {}),
    keywords: p.themes.join(', '),
    parentOrganization: organization(p.organization, baseUrl, lang),
    ...(p.partners.length ? { sponsor: p.partners.map((x) => organization(x.organization, baseUrl, lang)) } : {}),
    seeks: p.needs.map((n) => demand(n, p.url, lang)),
  });
}

export function eventJsonLd(e: Event, baseUrl: string, lang: Lang): SafeHtml {
  const online = !e.place && e.link;
  const location = e.place
    ? { '@type': 'Place', name: e.place.name, address: { '@type': 'PostalAddress', streetAddress: e.place.address, addressRegion: 'QC', addressCountry: 'CA' } }
    : { '@type': 'VirtualLocation', url: e.link };
  const full = e.capacity !== null && e.registeredCount >= e.capacity;
  return jsonLd({
    '@type': 'Event',
    '@id': e.url,
    url: e.url,
    name: pick(e.title, lang),
    ...(e.description ? { description: pick(e.description, lang) } : {}),
    inLanguage: inLanguage(lang),
    startDate: e.startsAt,
    endDate: e.endsAt,
    eventStatus: e.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: online ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    location,
    organizer: organization(e.organization, baseUrl, lang),
    // Free to attend: an offer of price 0, sold out when every seat is taken.
    offers: {
      '@type': 'Offer',
      url: e.url,
      price: '0',
      priceCurrency: 'CAD',
      availability: e.status === 'cancelled' || full ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
    },
    ...(e.capacity !== null ? { maximumAttendeeCapacity: e.capacity, remainingAttendeeCapacity: Math.max(0, e.capacity - e.registeredCount) } : {}),
  });
}
