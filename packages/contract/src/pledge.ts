import * as z from 'zod/mini';
import { Consent, Contact, DateOnly, Id, Lang, LocalizedText, pageQuery, text, Timestamp } from './common.ts';
import { NeedCategory } from './need.ts';

/**
 * held → pending → confirmed → fulfilled, or declined / withdrawn / expired. Never deleted.
 * - `held`: made on a public form, its email not yet confirmed by the emailed link. It reserves its
 *   places until `heldUntil` (so no one else can take them) but is not counted in any progress.
 * - `expired`: never confirmed; its places are free again and its contact is erased.
 * - `pending`: the person confirmed their email (or the organization entered it); counted, awaiting
 *   the organization. `confirmed` and `fulfilled` are the organization's steps.
 */
export const PledgeStatus = z.enum(['held', 'pending', 'confirmed', 'fulfilled', 'declined', 'withdrawn', 'expired']);
export type PledgeStatus = z.infer<typeof PledgeStatus>;
/** The statuses counted in a need's progress and a project's supporters. */
export const COUNTED_PLEDGE_STATUSES = ['pending', 'confirmed', 'fulfilled'] as const satisfies PledgeStatus[];

export const MAX_PLEDGE = { hours: 200, people: 20, material: 10_000, cents: 10_000_000 } as const;

/** How long a public pledge holds its places while its email is confirmed. */
export const PLEDGE_HOLD_MINUTES = 45;

/**
 * What one email address, and one network address, may pledge on public forms in 24 hours
 * (held and counted pledges together): more is arranged with the organization, whose API key
 * skips these caps. People and hours are a need's units; cents are CAD.
 */
export const PUBLIC_PLEDGE_CAPS = { pledges: 10, people: 6, hours: 40, material: 500, cents: 200_000 } as const;

export const PledgeCreate = z.strictObject({
  /** Hours, people, items or cents (CAD), in the need's unit. */
  quantity: /* @__PURE__ */ z.number().check(z.int('Expected a whole number'), z.minimum(1), z.maximum(MAX_PLEDGE.cents)),
  contact: Contact,
  message: z.optional(text(1000)),
  consent: Consent,
  /** The language of the emails sent about this pledge. */
  lang: Lang,
});
export type PledgeCreate = z.infer<typeof PledgeCreate>;

/** How a money promise will be collected, said to the person by the payment adapter. */
export const Collection = z.object({ method: z.enum(['promise', 'redirect']), instructions: LocalizedText, url: z.nullable(z.string()) });

/** What the pledger, and anyone, may see of a pledge: no contact. */
export const Pledge = z.object({
  id: Id,
  needId: Id,
  projectId: Id,
  category: NeedCategory,
  quantity: z.number(),
  status: PledgeStatus,
  createdAt: Timestamp,
  /** While `held`: until when its places are reserved for the emailed link to be followed. */
  heldUntil: z.nullable(Timestamp),
  collection: z.nullable(Collection),
});
export type Pledge = z.infer<typeof Pledge>;

/** What the project's organization sees: the contact and the consent as recorded. */
export const OrganizationPledge = z.extend(Pledge, {
  /** null once erased at the person's request. */
  contact: z.nullable(z.object({ name: z.string(), email: z.string() })),
  message: z.nullable(z.string()),
  consent: z.object({ version: z.string(), shareWithOrganizers: z.boolean(), updates: z.boolean(), at: Timestamp }),
  lang: Lang,
  updatedAt: Timestamp,
  /** The project and need by name, so that a list or an export needs no second request. */
  projectTitle: LocalizedText,
  needTitle: LocalizedText,
  /** The need's unit: hours or people (human), its label (material), null for money (cents, CAD). */
  unit: z.nullable(z.union([z.enum(['hours', 'people']), LocalizedText])),
  /** What the organization told the person when it declined. */
  declineReason: z.nullable(z.string()),
});
export type OrganizationPledge = z.infer<typeof OrganizationPledge>;

/** The inbox's filters: `status=pending` is what waits for the organization. Days are Montréal's. */
export const PledgeFilters = {
  project: z.optional(Id),
  need: z.optional(Id),
  status: z.optional(PledgeStatus),
  /** Pledges made on or after this day. */
  from: z.optional(DateOnly),
  /** Pledges made on or before this day. */
  to: z.optional(DateOnly),
};
export const PledgeListQuery = z.strictObject({ ...PledgeFilters, ...pageQuery });
export type PledgeListQuery = z.input<typeof PledgeListQuery>;
/** The same filters, every matching pledge as CSV; headings and words in `lang` (default: Accept-Language). */
export const PledgeCsvQuery = z.strictObject({ ...PledgeFilters, lang: z.optional(Lang) });
export type PledgeCsvQuery = z.input<typeof PledgeCsvQuery>;

/** held → declined; pending → confirmed | declined; confirmed → fulfilled | declined. A decline's reason is emailed to the person. */
export const PledgeStatusUpdate = z.strictObject({
  status: z.enum(['confirmed', 'declined', 'fulfilled']),
  reason: z.optional(text(1000)),
  /** With `declined`: take no more pledges from this email address to the organization's projects. */
  block: z.optional(z.boolean()),
});
export type PledgeStatusUpdate = z.infer<typeof PledgeStatusUpdate>;

/** The pledger confirms with the token from the email a held pledge sends. */
export const PledgeConfirm = z.strictObject({ token: /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_-]{20,100}$/)) });

/** The pledger withdraws with the token from their receipt email; no account needed. */
export const PledgeWithdraw = z.strictObject({ token: /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_-]{20,100}$/)) });
