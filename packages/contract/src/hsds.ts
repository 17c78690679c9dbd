import * as z from 'zod/mini';
import { Id, Lang, SafeUrl, Timestamp, text } from './common.ts';
import { Origin } from './follow.ts';

// Open Referral's Human Services Data Specification 3.0 (openreferral.org, CC BY-SA 4.0): the
// part of its API a node serves. Written by hand from the specification's schemas; the tests
// validate every answer against those schemas. Objects are loose: an imported directory keeps
// every field its origin gave, known here or not.

export const HSDS_VERSION = '3.0';

const loose = z.looseObject;
const s = z.optional(z.nullable(z.string()));
const n = z.optional(z.nullable(z.number()));
const list = <T extends z.core.$ZodType>(item: T) => z.optional(z.array(item));

const Phone = loose({ id: z.string(), number: z.string(), type: s, description: s });
const Language = loose({ id: z.string(), name: s, code: s, note: s });
const Schedule = loose({ id: z.string(), freq: s, byday: s, opens_at: s, closes_at: s, description: s, notes: s });
const Address = loose({ id: z.string(), address_1: z.string(), city: z.string(), state_province: z.string(), postal_code: z.string(), country: z.string(), address_type: z.string() });
const Location = loose({ id: z.string(), location_type: z.string(), name: s, url: s, addresses: list(Address) });
const ServiceAtLocation = loose({ id: z.string(), service_id: s, location_id: s, location: z.optional(Location) });
const CostOption = loose({ id: z.string(), option: s, currency: s, amount: n, amount_description: s });
const OrganizationFields = { id: z.string(), name: z.string(), description: z.string(), email: s, website: s };

export const HsdsOrganization = loose(OrganizationFields);
export type HsdsOrganization = z.infer<typeof HsdsOrganization>;

export const HsdsService = loose({
  id: z.string(),
  organization_id: s,
  name: z.string(),
  status: z.string(),
  description: s,
  url: s,
  email: s,
  eligibility_description: s,
  fees_description: s,
  last_modified: s,
  phones: list(Phone),
  schedules: list(Schedule),
  service_at_locations: list(ServiceAtLocation),
  languages: list(Language),
  cost_options: list(CostOption),
  organization: z.optional(HsdsOrganization),
});
export type HsdsService = z.infer<typeof HsdsService>;

/** HSDS's paging: by page number, with totals. */
const hsdsPage = /* @__NO_SIDE_EFFECTS__ */ <T extends z.core.$ZodType>(item: T) =>
  z.object({
    total_items: z.number(),
    total_pages: z.number(),
    page_number: z.number(),
    size: z.number(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });
export const HsdsServicePage = hsdsPage(HsdsService);
export const HsdsOrganizationPage = hsdsPage(HsdsOrganization);
export type HsdsServicePage = z.infer<typeof HsdsServicePage>;

export const HsdsMeta = z.object({ version: z.string(), profile: SafeUrl, openapi_url: SafeUrl });

const PageNumber = /* @__PURE__ */ z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000));
const PerPage = /* @__PURE__ */ z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100));
const hsdsList = {
  page: z.optional(PageNumber),
  per_page: z.optional(PerPage),
  /** Words searched in names and descriptions. */
  search: z.optional(text(100)),
  /** HSDS has one language per record: the node serves its French (default) or its English. */
  lang: z.optional(Lang),
};
export const HsdsServiceQuery = z.looseObject({
  ...hsdsList,
  organization_id: z.optional(text(64)),
  /** Not in HSDS: only the services offered in this language (an ISO 639 code such as `es`). */
  language: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^[a-z]{2,3}$/, 'Expected a language code such as fr or en'))),
});
export type HsdsServiceQuery = z.input<typeof HsdsServiceQuery>;
export const HsdsListQuery = z.looseObject(hsdsList);
export const HsdsItemQuery = z.looseObject({ lang: z.optional(Lang) });
export const HsdsPath = z.strictObject({ id: Id });

/** A directory imported from an HSDS 3 API and kept in sync by the worker. */
export const Directory = z.object({
  id: Id,
  /** The HSDS API's base URL (where `/services` is). */
  url: Origin,
  /** The language its records are written in. */
  lang: Lang,
  state: z.enum(['pending', 'ok', 'unreachable']),
  lastError: z.nullable(z.string()),
  polledAt: z.nullable(Timestamp),
  nextPollAt: Timestamp,
  serviceCount: z.number(),
  organizationCount: z.number(),
  createdAt: Timestamp,
});
export type Directory = z.infer<typeof Directory>;
export const DirectoryCreate = z.strictObject({ url: Origin, lang: z.optional(Lang) });
export type DirectoryCreate = z.infer<typeof DirectoryCreate>;
