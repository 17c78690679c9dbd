import { createHash } from 'node:crypto';
import { HSDS_VERSION, type HsdsOrganization, type HsdsService, type Lang, type LocalizedText, type Service } from '@perron/contract';

// A service as the organization wrote it (both languages) → an HSDS 3 record in one language.
// Every nested record needs a UUID of its own: derived from the service's, so it stays the same
// from one answer to the next.

/** A name-based UUID (version 5 layout over SHA-1): the same parts give the same UUID. */
export function uuidFrom(...parts: (string | number)[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export const hsdsOrganizationId = (organizationId: string) => uuidFrom('organization', organizationId);

const pick = (text: LocalizedText, lang: Lang) => (lang === 'en' ? (text.en ?? text.fr) : text.fr);
const FREE = { fr: 'Gratuit', en: 'Free' } as const;

/**
 * A local organization as HSDS has it: its name in the language asked for (its French one when it
 * has no other), the other as `alternate_name`; its description is required there, so its name
 * stands in when it has none.
 */
export function hsdsOrganization(o: { id: string; name: string; name_en: string | null; description: LocalizedText | null; website: string | null }, lang: Lang): HsdsOrganization {
  const names = { fr: o.name, ...(o.name_en ? { en: o.name_en } : {}) };
  const name = pick(names, lang);
  const other = pick(names, lang === 'fr' ? 'en' : 'fr');
  return {
    id: hsdsOrganizationId(o.id),
    name,
    ...(other !== name ? { alternate_name: other } : {}),
    description: o.description ? pick(o.description, lang) : name,
    ...(o.website ? { website: o.website } : {}),
  };
}

export function hsdsService(s: Service, organization: HsdsOrganization, lang: Lang): HsdsService {
  const id = s.id;
  const names = new Intl.DisplayNames([lang === 'en' ? 'en-CA' : 'fr-CA'], { type: 'language' });
  const locationId = uuidFrom(id, 'location');
  const hoursNote = s.hoursNote ? pick(s.hoursNote, lang) : undefined;
  const schedules = s.hours.map((h, i) => ({
    id: uuidFrom(id, 'schedule', i),
    service_id: id,
    freq: 'WEEKLY',
    wkst: 'MO',
    byday: h.days.join(','),
    opens_at: h.opens,
    closes_at: h.closes,
    ...(hoursNote ? { description: hoursNote } : {}),
  }));
  if (!schedules.length && hoursNote) schedules.push({ id: uuidFrom(id, 'schedule', 0), service_id: id, description: hoursNote } as (typeof schedules)[number]);
  const cost = s.cost;
  const costNote = cost?.note ? pick(cost.note, lang) : cost?.free ? FREE[lang] : undefined;
  return {
    id,
    organization_id: organization.id,
    name: pick(s.name, lang),
    // The name in the other language, when there is one: a reader may know the service by it.
    ...(s.name.en && s.name.en !== s.name.fr ? { alternate_name: pick(s.name, lang === 'fr' ? 'en' : 'fr') } : {}),
    description: pick(s.description, lang),
    status: s.status,
    ...(s.website ? { url: s.website } : {}),
    ...(s.email ? { email: s.email } : {}),
    ...(s.audience ? { eligibility_description: pick(s.audience, lang) } : {}),
    ...(costNote ? { fees_description: costNote } : {}),
    last_modified: s.updatedAt,
    phones: s.phone ? [{ id: uuidFrom(id, 'phone'), service_id: id, number: s.phone }] : [],
    schedules,
    service_at_locations: s.place
      ? [
          {
            id: uuidFrom(id, 'service_at_location'),
            service_id: id,
            location_id: locationId,
            location: {
              id: locationId,
              location_type: 'physical',
              name: s.place.name,
              addresses: [
                { id: uuidFrom(id, 'address'), location_id: locationId, address_1: s.place.address, city: s.place.city, state_province: 'QC', postal_code: s.place.postalCode, country: 'CA', address_type: 'physical' },
              ],
            },
          },
        ]
      : [],
    languages: s.languages.map((code) => ({ id: uuidFrom(id, 'language', code), service_id: id, code, name: names.of(code) ?? code })),
    cost_options: cost
      ? [
          {
            id: uuidFrom(id, 'cost'),
            service_id: id,
            option: cost.free ? 'free' : 'fee',
            currency: 'CAD',
            ...(cost.free ? { amount: 0 } : cost.amount !== null ? { amount: cost.amount / 100 } : {}),
            ...(costNote ? { amount_description: costNote } : {}),
          },
        ]
      : [],
    organization,
  };
}

/**
 * An imported service as this node serves it: as its origin served it, plus one `metadata` entry
 * (HSDS's provenance record) saying where it was copied from and when it was last read there:
 * `last_action_type` "import", `updated_by` the origin directory's URL, `replacement_value` the
 * service's address there. The origin's own metadata come first, untouched.
 */
export function hsdsImported(record: HsdsService, origin: { url: string; polledAt: Date | string | null }): HsdsService {
  const own = Array.isArray(record.metadata) ? record.metadata : [];
  const entry = {
    id: uuidFrom(record.id, 'origin', origin.url),
    resource_id: record.id,
    resource_type: 'service',
    last_action_date: origin.polledAt ? new Date(origin.polledAt).toISOString().slice(0, 10) : '',
    last_action_type: 'import',
    field_name: '',
    previous_value: '',
    replacement_value: `${origin.url}/services/${encodeURIComponent(record.id)}`,
    updated_by: origin.url,
  };
  return { ...record, metadata: [...own, entry] };
}

export const hsdsMeta = (baseUrl: string) => ({ version: HSDS_VERSION, profile: 'https://openreferral.org/', openapi_url: `${baseUrl}/v1/openapi.json` });

/** HSDS's page: numbered from 1, with totals. */
export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  return { total_items: total, total_pages: pages, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= pages, empty: total === 0, contents };
}
