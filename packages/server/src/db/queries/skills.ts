import type { LocalizedText, NeedSkill, Skill } from '@perron/contract';
import type { Queryable } from '../database.ts';

/** The node's skills taxonomy, by code. */
export const listSkills = (q: Queryable) => q.query<Skill>('select code, label from skills order by code');

/**
 * A need's skills with their labels, in their order, as a column of the needs query (`n`): a code
 * of the taxonomy brings its labels; other text is its own French label.
 */
export const NEED_SKILLS_COLUMN = `(select coalesce(jsonb_agg(case when s.code is null then jsonb_build_object('label', jsonb_build_object('fr', u.v))
    else jsonb_build_object('code', s.code, 'label', s.label) end order by u.i), '[]'::jsonb)
  from unnest(n.skills) with ordinality as u(v, i) left join skills s on s.code = u.v) as skill_labels`;

const key = (text: string) => text.trim().toLocaleLowerCase('fr-CA');

/**
 * Skills as written (codes or any text) → what a need stores: the code of the taxonomy's skill a
 * text names (its code, or its French or English label, any case), else the text as typed; each once.
 */
export async function storedSkills(q: Queryable, written: readonly string[]): Promise<string[]> {
  if (!written.length) return [];
  const byKey = new Map<string, string>();
  for (const skill of await listSkills(q)) {
    for (const name of [skill.label.en, skill.label.fr, skill.code] as const) if (name) byKey.set(key(name), skill.code);
  }
  const out = new Map<string, string>();
  for (const text of written) {
    const stored = byKey.get(key(text)) ?? text.trim();
    if (!out.has(key(stored))) out.set(key(stored), stored);
  }
  return [...out.values()];
}

/** What a need answers for its skills: the French labels as before (`skills`), and each skill with its labels. */
export function needSkills(labels: NeedSkill[]): { skills: string[]; skillLabels: NeedSkill[] } {
  const label = (l: LocalizedText): LocalizedText => (l.en ? { fr: l.fr, en: l.en } : { fr: l.fr });
  return { skills: labels.map((s) => s.label.fr), skillLabels: labels.map(({ code, label: l }) => (code ? { code, label: label(l) } : { label: { fr: l.fr } })) };
}
