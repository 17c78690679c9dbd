import * as z from 'zod/mini';
import { Email, Id, Lang, localizedInput, LocalizedText, SafeUrl, Slug, text, Timestamp } from './common.ts';
import { Origin } from './follow.ts';
import { OrganizationSummary } from './organization.ts';

// The resource directory: the ongoing services an organization offers (a food bank on Tuesdays,
// French classes, tax clinics), described in French and English, served as Open Referral HSDS 3.

export const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const Time = /* @__PURE__ */ z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time as HH:MM'));
/** ISO 639 codes: `fr`, `en`, `es`, `ar`… */
const LanguageCode = /* @__PURE__ */ z.string().check(z.regex(/^[a-z]{2,3}$/, 'Expected a language code such as fr or en'));

export const ServiceStatus = z.enum(['active', 'inactive', 'temporarily closed']);

/** Weekly opening hours: these days, from `opens` to `closes` (Montréal time). */
const OpeningInput = z.strictObject({ days: /* @__PURE__ */ z.array(z.enum(DAYS)).check(z.minLength(1), z.maxLength(7)), opens: Time, closes: Time });
const PlaceInput = z.strictObject({
  name: text(140),
  address: text(200),
  city: text(100),
  postalCode: /* @__PURE__ */ text(10).check(z.regex(/^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/, 'Expected a Canadian postal code such as H2K 1A1')),
});

const serviceFields = {
  name: localizedInput(140),
  description: localizedInput(4000),
  /** For whom: the people the service is meant for, and any condition. */
  audience: z.optional(localizedInput(1000)),
  /** Languages the service is offered in. */
  languages: /* @__PURE__ */ z.array(LanguageCode).check(z.minLength(1), z.maxLength(12)),
  hours: z.optional(/* @__PURE__ */ z.array(OpeningInput).check(z.maxLength(14))),
  /** When, in words: "by appointment", "except holidays". */
  hoursNote: z.optional(localizedInput(500)),
  /** Where it is given; none for a service by phone or online only. */
  place: z.optional(PlaceInput),
  website: z.optional(SafeUrl),
  email: z.optional(Email),
  phone: z.optional(/* @__PURE__ */ text(40).check(z.regex(/^[0-9 +().-]+(?: ?(?:x|poste|ext\.?) ?\d{1,6})?$/, 'Expected a phone number'))),
  /** Free, or what it costs (in cents, CAD) and how. */
  cost: z.optional(z.strictObject({ free: z.boolean(), amount: z.optional(/* @__PURE__ */ z.number().check(z.int(), z.minimum(0), z.maximum(10_000_000))), note: z.optional(localizedInput(500)) })),
  communities: z.optional(/* @__PURE__ */ z.array(Slug).check(z.maxLength(10))),
  status: z.optional(ServiceStatus),
};
export const ServiceCreate = z.strictObject(serviceFields);
export type ServiceCreate = z.infer<typeof ServiceCreate>;
export const ServiceUpdate = z.partial(z.strictObject(serviceFields));
export type ServiceUpdate = z.infer<typeof ServiceUpdate>;

/** A service as its organization described it (the HSDS API serves the same in either language). */
export const Service = z.object({
  /** A UUID, as HSDS wants. */
  id: Id,
  organization: OrganizationSummary,
  status: ServiceStatus,
  name: LocalizedText,
  description: LocalizedText,
  audience: z.nullable(LocalizedText),
  languages: z.array(z.string()),
  hours: z.array(z.object({ days: z.array(z.enum(DAYS)), opens: z.string(), closes: z.string() })),
  hoursNote: z.nullable(LocalizedText),
  place: z.nullable(z.object({ name: z.string(), address: z.string(), city: z.string(), postalCode: z.string() })),
  website: z.nullable(SafeUrl),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  cost: z.nullable(z.object({ free: z.boolean(), amount: z.nullable(z.number()), note: z.nullable(LocalizedText) })),
  communities: z.array(Slug),
  updatedAt: Timestamp,
});
export type Service = z.infer<typeof Service>;

/**
 * Which needs to suggest services for: exactly one of `project` (its open needs) or `need`. The
 * services' text in `lang` (default French) where they have it; `limit` services per need.
 */
export const ServiceSuggestionQuery = z.strictObject({
  project: z.optional(Id),
  need: z.optional(Id),
  lang: z.optional(Lang),
  limit: z.optional(/* @__PURE__ */ z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10))),
});
export type ServiceSuggestionQuery = z.input<typeof ServiceSuggestionQuery>;

/** A service of the node's directory that could answer a need: enough to name it and reach it. */
export const SuggestedService = z.object({
  /** Its id in the node's HSDS API (`/hsds/services/{id}`). */
  id: z.string(),
  name: z.string(),
  description: z.nullable(z.string()),
  /** The language its name and description are written in. */
  lang: Lang,
  organization: z.object({ name: z.nullable(z.string()) }),
  /** Where to learn more or reach it: the service's own page, else its organization's website. */
  url: z.nullable(SafeUrl),
  /** Present on a service imported from another directory: that HSDS API's base URL. */
  origin: z.optional(Origin),
});
export type SuggestedService = z.infer<typeof SuggestedService>;

/** For each need asked about, the services that could answer it, best match first (maybe none). */
export const ServiceSuggestions = z.object({
  needs: z.array(z.object({ need: Id, services: z.array(SuggestedService) })),
});
export type ServiceSuggestions = z.infer<typeof ServiceSuggestions>;
