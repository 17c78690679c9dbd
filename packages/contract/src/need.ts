import * as z from 'zod/mini';
import { DateOnly, Id, localizedInput, LocalizedText, Timestamp, text } from './common.ts';
import { Origin } from './follow.ts';
import { NeedSkill } from './skill.ts';

/** As a plain list too: the elements offer the categories without zod in their bundles. */
export const NEED_CATEGORIES = ['human', 'material', 'financial'] as const;
export const NeedCategory = z.enum(NEED_CATEGORIES);
export type NeedCategory = z.infer<typeof NeedCategory>;
export const NeedStatus = z.enum(['open', 'filled', 'closed']);

/**
 * What every need shares. `wanted` and `pledged` are in the need's unit: hours or people for a
 * human need, items for a material need, cents (CAD) for a financial need. Pledges that are
 * pending, confirmed or fulfilled count; declined and withdrawn ones don't.
 */
const needBase = {
  id: Id,
  projectId: Id,
  title: LocalizedText,
  description: z.nullable(LocalizedText),
  status: NeedStatus,
  wanted: z.number(),
  pledged: z.number(),
  pledgeCount: z.number(),
  /** Present on a copy from a followed node: where pledges to this need go. */
  origin: z.optional(Origin),
  /** To its organization only: a money need added to a published project, public once a curator approves. */
  inReview: z.optional(z.literal(true)),
  /** The day by which it is needed (a calendar day, in Montréal), when the organization gave one. */
  deadline: z.optional(DateOnly),
};

export const Shift = z.object({ startsAt: Timestamp, endsAt: Timestamp });

export const HumanNeed = z.object({
  ...needBase,
  category: z.literal('human'),
  /** `hours`: each pledge gives hours; `people`: each pledge is one or more people for the shift. */
  unit: z.enum(['hours', 'people']),
  /** The skills by their French labels, as before `skillLabels` (kept for older clients). */
  skills: z.array(z.string()),
  /**
   * The skills with their codes and labels in French and English, in the order given; text the
   * organization typed has no code and only its French label. A copy from a node older than this
   * field lacks it: read `skills` then, as French.
   */
  skillLabels: z.optional(z.array(NeedSkill)),
  shift: z.nullable(Shift),
});
export const MaterialNeed = z.object({ ...needBase, category: z.literal('material'), unit: LocalizedText });
export const FinancialNeed = z.object({ ...needBase, category: z.literal('financial'), currency: z.literal('CAD') });
export const Need = z.discriminatedUnion('category', [HumanNeed, MaterialNeed, FinancialNeed]);
export type Need = z.infer<typeof Need>;
export type HumanNeed = z.infer<typeof HumanNeed>;
export type MaterialNeed = z.infer<typeof MaterialNeed>;
export type FinancialNeed = z.infer<typeof FinancialNeed>;

/** Human and material needs are bounded by `wanted`; money beyond the goal is welcome. */
export const isBounded = (category: NeedCategory) => category !== 'financial';

export const MAX_WANTED = { human: 10_000, material: 100_000, financial: 100_000_000 } as const;

/**
 * A volunteer need's skills as written: codes of the node's taxonomy (`GET /v1/skills`) or any text.
 * A text that is a skill's code or its French or English label (any case) is stored as that skill;
 * other text is kept as typed and shown as French.
 */
const SkillsInput = /* @__PURE__ */ z.array(text(60)).check(z.maxLength(10));

const needInputBase = {
  title: localizedInput(140),
  description: z.optional(localizedInput(2000)),
  /** The day by which it is needed (YYYY-MM-DD). */
  deadline: z.optional(DateOnly),
};
export const NeedCreate = z.discriminatedUnion('category', [
  z.strictObject({
    ...needInputBase,
    category: z.literal('human'),
    unit: z.enum(['hours', 'people']),
    wanted: /* @__PURE__ */ z.number().check(z.int(), z.minimum(1), z.maximum(MAX_WANTED.human)),
    skills: z.optional(SkillsInput),
    shift: z.optional(z.strictObject({ startsAt: Timestamp, endsAt: Timestamp })),
  }),
  z.strictObject({
    ...needInputBase,
    category: z.literal('material'),
    unit: localizedInput(40),
    wanted: /* @__PURE__ */ z.number().check(z.int(), z.minimum(1), z.maximum(MAX_WANTED.material)),
  }),
  z.strictObject({
    ...needInputBase,
    category: z.literal('financial'),
    /** In cents (CAD). */
    wanted: /* @__PURE__ */ z.number().check(z.int(), z.minimum(100), z.maximum(MAX_WANTED.financial)),
  }),
]);
export type NeedCreate = z.infer<typeof NeedCreate>;

/**
 * What can change on a need. `unit`: a human need's hours or people (only while nothing is pledged,
 * since pledges were counted in it), a material need's unit label (any time). `skills` and `shift`
 * (null removes it) belong to human needs only; `deadline` (null removes it) to any need.
 */
export const NeedUpdate = z.strictObject({
  title: z.optional(localizedInput(140)),
  description: z.optional(z.nullable(localizedInput(2000))),
  wanted: z.optional(/* @__PURE__ */ z.number().check(z.int(), z.minimum(1), z.maximum(MAX_WANTED.financial))),
  status: z.optional(z.enum(['open', 'closed'])),
  unit: z.optional(z.union([z.enum(['hours', 'people']), localizedInput(40)])),
  skills: z.optional(SkillsInput),
  shift: z.optional(z.nullable(z.strictObject({ startsAt: Timestamp, endsAt: Timestamp }))),
  /** The day by which it is needed; null removes it. */
  deadline: z.optional(z.nullable(DateOnly)),
});
export type NeedUpdate = z.infer<typeof NeedUpdate>;
