import type { HumanNeed, Skill } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';
import { Field, fieldId } from '../views/components.tsx';

/** The skills a need's form shows checked and typed: the posted ones after an error, else the need's own. */
export function skillValues(need: HumanNeed | undefined, posted: Record<string, unknown> | undefined, name: (field: string) => string): { checked: string[]; other: string | undefined } {
  if (posted) return { checked: (posted[name('skills')] as string[] | undefined) ?? [], other: posted[name('skillsOther')] as string | undefined };
  const skills = need?.skillLabels ?? [];
  return { checked: skills.flatMap((s) => (s.code ? [s.code] : [])), other: skills.filter((s) => !s.code).map((s) => s.label.fr).join(', ') || undefined };
}

/**
 * A volunteer need's skills: the node's taxonomy as checkboxes in the workspace's language, then
 * other skills typed in French (kept as written, and shown as French on English pages). No JavaScript needed.
 */
export function SkillFields({ taxonomy, name, checked, other, errors }: { taxonomy: Skill[]; name: (field: string) => string; checked: string[]; other: string | undefined; errors?: FormErrors | undefined }) {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const lang = c.get('lang');
  const label = (s: Skill) => (lang === 'en' ? (s.label.en ?? s.label.fr) : s.label.fr);
  const collator = new Intl.Collator(lang === 'en' ? 'en-CA' : 'fr-CA');
  const id = fieldId(name('skills'));
  const error = errors?.[name('skills')];
  return (
    <>
      <fieldset class="ws-choices" aria-describedby={`${id}-hint`}>
        <legend>{t.needs.field.skills}</legend>
        <p class="ws-hint" id={`${id}-hint`}>{t.needs.field.skillsHint}</p>
        {error && <p class="ws-error" id={id}>{error}</p>}
        <div class="ws-choice-grid">
          {[...taxonomy]
            .sort((a, b) => collator.compare(label(a), label(b)))
            .map((s) => (
              <label>
                <input type="checkbox" name={`${name('skills')}[]`} value={s.code} checked={checked.includes(s.code)} /> {label(s)}
              </label>
            ))}
        </div>
      </fieldset>
      <Field name={name('skillsOther')} label={t.needs.field.skillsOther} hint={t.needs.field.skillsOtherHint} value={other} error={errors?.[name('skillsOther')]} lang="fr" />
    </>
  );
}
