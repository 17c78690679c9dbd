import * as z from 'zod/mini';
import { LocalizedText, Slug } from './common.ts';

/** A skill of the node's taxonomy by its code (`gardening`, `graphic-design`): the same in every language. */
export const SkillCode = Slug;

/** One skill of the node's taxonomy: its code and its labels. */
export const Skill = z.object({ code: SkillCode, label: LocalizedText });
export type Skill = z.infer<typeof Skill>;

/**
 * A skill a volunteer need asks for: one of the taxonomy's (`code`, labels in French and English)
 * or text its organization typed (no `code`, its label in French only: shown as written, marked as
 * French on an English page).
 */
export const NeedSkill = z.object({ code: z.optional(SkillCode), label: LocalizedText });
export type NeedSkill = z.infer<typeof NeedSkill>;
