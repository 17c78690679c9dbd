import { NeedCategory, Theme, type HumanNeed, type LocalizedText, type Need, type PartnershipStatus, type Project, type ProjectDetail, type Skill } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';
import { ActionButton, Bilingual, Button, ErrorSummary, Field, fieldId, Form, PageTitle, Select, Table } from '../views/components.tsx';
import { OrgNav } from '../views/org-nav.tsx';
import { PendingChangesNote } from '../views/pending-changes.tsx';
import { localDate, localTime } from '../../services/time-zone.ts';
import { SkillFields, skillValues } from './need-skills.view.tsx';

const useT = () => {
  const c = useRequestContext<WorkspaceEnv>();
  const lang = c.get('lang');
  return { c, t: c.get('t'), lang, org: c.get('organization'), pick: (x: LocalizedText) => (lang === 'en' ? (x.en ?? x.fr) : x.fr) };
};

export function ProjectsView({ projects, pending }: { projects: Project[]; pending: Record<string, number> }) {
  const { t, org, pick } = useT();
  const todo = (p: Project) =>
    p.status === 'draft' ? t.projects.todo.draft
    : p.status === 'submitted' ? t.projects.todo.submitted
    : p.status === 'rejected' ? t.projects.todo.rejected(p.rejectionReason ?? '')
    : p.status === 'published' ? t.projects.todo.published(pending[p.id] ?? 0)
    : t.projects.todo.done;
  return (
    <>
      <OrgNav />
      <PageTitle lead={t.projects.lead}>{t.projects.title}</PageTitle>
      <p>
        <a class="ws-button ws-primary" href={`/workspace/o/${org.slug}/projects/new`}>{t.projects.create}</a>
      </p>
      <Table
        caption={t.projects.caption}
        empty={t.projects.empty}
        rows={projects}
        columns={[
          { header: t.projects.col.title, cell: (p) => <a href={`/workspace/o/${org.slug}/projects/${p.id}`}>{pick(p.title)}</a> },
          { header: t.projects.col.status, cell: (p) => t.statuses.project[p.status] },
          { header: t.projects.col.todo, cell: (p) => todo(p) },
          { header: t.projects.col.needs, numeric: true, cell: (p) => p.progress.human.needs + p.progress.material.needs + p.progress.financial.needs },
        ]}
      />
    </>
  );
}

export interface ProjectFormValues {
  title?: Partial<LocalizedText>;
  summary?: Partial<LocalizedText>;
  description?: Partial<LocalizedText> | null;
  communities?: string[];
  themes?: string[];
  startsOn?: string | null;
  endsOn?: string | null;
  /** Supporters needed before the money needs open; as typed when the form comes back with errors. */
  crowdfundingThreshold?: number | string | null;
  image?: { url?: string; alt?: Partial<LocalizedText> } | null;
  partners?: { organization?: string; role?: string; status?: PartnershipStatus }[];
}

/** The other organizations of the node, offered as partners. */
export type PartnerChoice = { slug: string; name: string };

const PROJECT_LABELS = (t: ReturnType<typeof useT>['t']) => ({
  'title.fr': `${t.projects.field.title} (${t.common.french})`,
  'title.en': `${t.projects.field.title} (${t.common.english})`,
  'summary.fr': `${t.projects.field.summary} (${t.common.french})`,
  'summary.en': `${t.projects.field.summary} (${t.common.english})`,
  'description.fr': `${t.projects.field.description} (${t.common.french})`,
  communities: t.projects.field.communities,
  'communities.0': t.projects.field.communities,
  themes: t.projects.field.themes,
  startsOn: t.projects.field.startsOn,
  endsOn: t.projects.field.endsOn,
  crowdfundingThreshold: t.projects.field.threshold,
  'image.file': t.projects.field.imageFile,
  'image.url': t.projects.field.imageUrl,
  'image.alt.fr': `${t.projects.field.imageAlt} (${t.common.french})`,
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`partners.${i}.organization`, t.projects.field.partner(i + 1)])),
});

/** The guided form: the project, where and when, its image; French and English side by side; saved as a draft at any time. */
export function ProjectForm({ action, values, errors, communities, organizations }: { action: string; values: ProjectFormValues; errors?: FormErrors; communities: { slug: string; name: LocalizedText }[]; organizations: PartnerChoice[] }) {
  const { t, pick } = useT();
  return (
    <Form action={action} enctype="multipart/form-data">
      <ErrorSummary errors={errors} labels={PROJECT_LABELS(t)} />
      <h2>{t.projects.step.about}</h2>
      <Bilingual name="title" legend={t.projects.field.title} value={values.title} errors={errors} required maxlength={140} />
      <Bilingual name="summary" legend={t.projects.field.summary} hint={t.projects.field.summaryHint} value={values.summary} errors={errors} required rows={2} maxlength={400} />
      <Bilingual name="description" legend={t.projects.field.description} value={values.description ?? undefined} errors={errors} rows={5} maxlength={5000} />
      <h2>{t.projects.step.where}</h2>
      <Select name="communities[]" label={t.projects.field.communities} value={values.communities?.[0]} error={errors?.communities ?? errors?.['communities.0']} required options={communities.map((k) => ({ value: k.slug, label: pick(k.name) }))} />
      <fieldset class="ws-choices" aria-describedby="themes-hint">
        <legend>{t.projects.field.themes}</legend>
        <p class="ws-hint" id="themes-hint">{t.projects.field.themesHint}</p>
        {errors?.themes && <p class="ws-error" id="f-themes">{errors.themes}</p>}
        <div class="ws-choice-grid">
          {Theme.options.map((theme) => (
            <label>
              <input type="checkbox" name="themes[]" value={theme} checked={values.themes?.includes(theme)} /> {t.projects.themes[theme]}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="ws-pair">
        <Field name="startsOn" label={t.projects.field.startsOn} type="date" value={values.startsOn} error={errors?.startsOn} />
        <Field name="endsOn" label={t.projects.field.endsOn} type="date" value={values.endsOn} error={errors?.endsOn} />
      </div>
      <Field name="crowdfundingThreshold" label={t.projects.field.threshold} hint={t.projects.field.thresholdHint} inputmode="numeric" value={values.crowdfundingThreshold} error={errors?.crowdfundingThreshold} />
      <Partners values={values.partners ?? []} errors={errors} organizations={organizations} />
      <h2>{t.projects.step.image}</h2>
      {values.image?.url && (
        <figure class="ws-image">
          <img src={values.image.url} alt={values.image.alt ? pick({ fr: values.image.alt.fr ?? '', en: values.image.alt.en }) : ''} width={240} />
          <figcaption>{t.projects.field.currentImage}</figcaption>
        </figure>
      )}
      <div class="ws-field">
        <label for="f-image-file">{t.projects.field.imageFile} <span class="ws-optional">({t.common.optional})</span></label>
        <p class="ws-hint" id="f-image-file-hint">{t.projects.field.imageFileHint}</p>
        {errors?.['image.file'] && <p class="ws-error" id="f-image-file-error">{errors['image.file']}</p>}
        <input type="file" id="f-image-file" name="image.file" accept="image/jpeg,image/png,image/webp" aria-describedby={errors?.['image.file'] ? 'f-image-file-hint f-image-file-error' : 'f-image-file-hint'} aria-invalid={errors?.['image.file'] ? 'true' : undefined} />
      </div>
      <Field name="image.url" label={t.projects.field.imageUrl} type="url" value={values.image?.url} error={errors?.['image.url']} />
      <Bilingual name="image.alt" legend={t.projects.field.imageAlt} hint={t.projects.field.imageAltHint} value={values.image?.alt} errors={errors} maxlength={200} />
      <p class="ws-hint" id="save-hint">{t.projects.saveHint}</p>
      <div class="ws-actions">
        <Button label={t.projects.save} />
      </div>
    </Form>
  );
}

export function NewProjectView(p: { values: ProjectFormValues; errors?: FormErrors; communities: { slug: string; name: LocalizedText }[]; organizations: PartnerChoice[] }) {
  const { t, org } = useT();
  return (
    <>
      <OrgNav />
      <PageTitle>{t.projects.newTitle}</PageTitle>
      <ProjectForm action={`/workspace/o/${org.slug}/projects`} {...p} />
    </>
  );
}

export function ProjectView(p: { project: ProjectDetail; values: ProjectFormValues; errors?: FormErrors; needErrors?: FormErrors; needValues?: Record<string, unknown>; editErrors?: FormErrors; editValues?: Record<string, unknown>; communities: { slug: string; name: LocalizedText }[]; organizations: PartnerChoice[]; skills: Skill[] }) {
  const { t, org, pick } = useT();
  const base = `/workspace/o/${org.slug}/projects/${p.project.id}`;
  const s = p.project.status;
  return (
    <>
      <OrgNav />
      <PageTitle lead={t.projects.status(t.statuses.project[s])}>{pick(p.project.title)}</PageTitle>
      {p.project.rejectionReason && (
        <div class="ws-card" role="note">
          <h2>{t.projects.rejected}</h2>
          <p>{p.project.rejectionReason}</p>
        </div>
      )}
      {p.project.pendingChanges && <PendingChangesNote pending={p.project.pendingChanges} />}
      {s === 'published' && <p>{t.projects.field.supporters(p.project.supporterCount, p.project.crowdfunding?.threshold ?? null, p.project.crowdfunding?.unlocked ?? true)}</p>}
      <div class="ws-actions">
        {(s === 'draft' || s === 'rejected') && <ActionButton action={`${base}/submit`} label={t.projects.submit} />}
        {s === 'published' && <ActionButton action={`${base}/complete`} label={t.projects.complete} variant="secondary" />}
        {s === 'published' && <ActionButton action={`${base}/cancel`} label={t.projects.cancel} variant="danger" />}
        {s === 'published' && <a href={p.project.url}>{t.projects.view}</a>}
      </div>
      {s !== 'completed' && s !== 'cancelled' && <ProjectForm action={base} values={p.values} errors={p.errors} communities={p.communities} organizations={p.organizations} />}
      <NeedsSection project={p.project} errors={p.needErrors} values={p.needValues} editErrors={p.editErrors} editValues={p.editValues} taxonomy={p.skills} />
    </>
  );
}

/**
 * The organizations that support the project, each with its role: the rows named so far and one
 * more left blank (a blank row is no partner), so that more are added one save at a time without
 * JavaScript. The whole list is posted, so removing one is choosing "none".
 */
function Partners({ values, errors, organizations }: { values: { organization?: string; role?: string; status?: PartnershipStatus }[]; errors?: FormErrors | undefined; organizations: PartnerChoice[] }) {
  const { t } = useT();
  const f = t.projects.field;
  const rows = [...values, {}].slice(0, 10);
  return (
    <fieldset class="ws-choices" aria-describedby="partners-hint">
      <legend>{f.partners}</legend>
      <p class="ws-hint" id="partners-hint">{f.partnersHint}</p>
      {rows.map((row, i) => (
        <div class="ws-pair">
          <Select name={`partners.${i}.organization`} label={f.partner(i + 1)} value={row.organization ?? ''} error={errors?.[`partners.${i}.organization`]} options={[{ value: '', label: f.noPartner }, ...organizations.map((o) => ({ value: o.slug, label: o.name }))]} />
          <Select name={`partners.${i}.role`} label={f.partnerRole(i + 1)} value={row.role ?? 'partner'} error={errors?.[`partners.${i}.role`]} options={(['partner', 'funder', 'sponsor'] as const).map((r) => ({ value: r, label: f.roles[r] }))} />
          {'status' in row && row.status && (
            // The partner's answer: a partnership is public only once the partner accepts it.
            <p class={`ws-hint ws-partner-${row.status}`}>
              {t.partnerStatus[row.status](organizations.find((o) => o.slug === row.organization)?.name ?? row.organization ?? '')}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}

function wantedText(n: Need, lang: 'fr' | 'en'): [string, string] {
  const f = new Intl.NumberFormat(lang === 'en' ? 'en-CA' : 'fr-CA', n.category === 'financial' ? { style: 'currency', currency: 'CAD' } : {});
  const v = (x: number) => f.format(n.category === 'financial' ? x / 100 : x);
  return [v(n.pledged), v(n.wanted)];
}

/** Needs edited inline: each need's own small form, and one to add a need of any category. */
function NeedsSection({ project, errors, values, editErrors, editValues, taxonomy }: { project: ProjectDetail; errors?: FormErrors | undefined; values?: Record<string, unknown> | undefined; editErrors?: FormErrors | undefined; editValues?: Record<string, unknown> | undefined; taxonomy: Skill[] }) {
  const { t, org, lang, pick } = useT();
  const projectPath = `/workspace/o/${org.slug}/projects/${project.id}`;
  const base = `${projectPath}/needs`;
  const editable = project.status !== 'completed' && project.status !== 'cancelled';
  const v = (k: string) => (values?.[k] as string | undefined) ?? undefined;
  return (
    <section aria-labelledby="needs">
      <h2 id="needs">{t.projects.step.needs}</h2>
      <p class="ws-lead">{t.needs.lead}</p>
      <Table
        caption={t.needs.caption}
        empty={t.needs.empty}
        rows={project.needs}
        columns={[
          { header: t.needs.col.title, cell: (n) => (n.inReview ? `${pick(n.title)} (${t.projects.inReview})` : pick(n.title)) },
          { header: t.needs.col.category, cell: (n) => t.needs.category[n.category] },
          { header: t.needs.col.progress, numeric: true, cell: (n) => t.needs.progress(...wantedText(n, lang)) },
          { header: t.needs.col.status, cell: (n) => t.needs.field[n.status] },
          // A page load that opens this need's form and lands in its first field: no JavaScript needed.
          ...(editable ? [{ header: t.needs.col.edit, cell: (n: Need) => <a href={editHref(projectPath, n.id)}>{t.needs.editOne(pick(n.title))}</a> }] : []),
        ]}
      />
      {editable && project.needs.map((n) => <NeedEditForm need={n} action={`${base}/${n.id}`} errors={editErrors} values={editValues} taxonomy={taxonomy} />)}
      {editable && (
        <Form action={base}>
          <h3>{t.needs.add}</h3>
          <ErrorSummary errors={errors} labels={{ 'title.fr': `${t.needs.field.title} (${t.common.french})`, wanted: t.needs.field.wanted, unit: t.needs.field.unit, 'unit.fr': t.needs.field.unitLabel, category: t.needs.field.category, deadline: t.needs.field.deadline, skills: t.needs.field.skills, skillsOther: t.needs.field.skillsOther }} />
          <Select name="category" label={t.needs.field.category} value={v('category')} error={errors?.category} required options={NeedCategory.options.map((k) => ({ value: k, label: t.needs.category[k] }))} />
          <Bilingual name="title" legend={t.needs.field.title} value={{ fr: v('title.fr'), en: v('title.en') }} errors={errors} required maxlength={140} />
          <Field name="wanted" label={t.needs.field.wanted} hint={t.needs.field.wantedHint} inputmode="decimal" value={v('wanted')} error={errors?.wanted} required />
          <Field name="deadline" label={t.needs.field.deadline} hint={t.needs.field.deadlineHint} type="date" value={v('deadline')} error={errors?.deadline} />
          <Select name="unit" label={t.needs.field.unit} value={v('unit')} error={errors?.unit} options={[{ value: '', label: '—' }, { value: 'hours', label: t.needs.field.hours }, { value: 'people', label: t.needs.field.people }]} />
          <Bilingual name="unitLabel" legend={t.needs.field.unitLabel} hint={t.needs.field.unitLabelHint} value={{ fr: v('unitLabel.fr'), en: v('unitLabel.en') }} errors={errors} maxlength={40} />
          <SkillFields taxonomy={taxonomy} name={(field) => field} {...skillValues(undefined, values, (field) => field)} errors={errors} />
          <div class="ws-pair">
            <Field name="shift.day" label={t.needs.field.shiftStart} type="date" value={v('shift.day')} error={errors?.['shift.startsAt']} />
            <Field name="shift.from" label={`${t.needs.field.shiftStart} (h)`} type="text" inputmode="numeric" value={v('shift.from')} />
            <Field name="shift.to" label={t.needs.field.shiftEnd} type="text" inputmode="numeric" value={v('shift.to')} error={errors?.['shift.endsAt']} />
          </div>
          <div class="ws-actions">
            <Button label={t.needs.save} />
          </div>
        </Form>
      )}
    </section>
  );
}

/** The project page with one need's edit form open, its first field the fragment (the browser focuses it). */
export const editHref = (projectPath: string, needId: string, field = 'title.fr') => `${projectPath}?edit=${encodeURIComponent(needId)}#${fieldId(`${needId}.${field}`)}`;

/** A shift's day and hours in Montréal, as the form shows them ("2026-12-05", "9:30"). */
function shiftFields(shift: { startsAt: string; endsAt: string } | null) {
  if (!shift) return { day: '', from: '', to: '' };
  const hm = (iso: string) => {
    const t = localTime(new Date(iso));
    return `${t.hour}:${String(t.minute).padStart(2, '0')}`;
  };
  return { day: localDate(new Date(shift.startsAt)), from: hm(shift.startsAt), to: hm(shift.endsAt) };
}

/** A human need's own fields on its edit form: hours or people, skills, the shift (blank day: none). */
function HumanNeedFields({ need, k, v, posted, errors, taxonomy }: { need: HumanNeed; k: (name: string) => string; v: (name: string, fallback: string | undefined) => string | undefined; posted: Record<string, unknown> | undefined; errors?: FormErrors | undefined; taxonomy: Skill[] }) {
  const { t } = useT();
  const shift = shiftFields(need.shift);
  return (
    <>
      <Select name={k('unit')} label={t.needs.field.unit} value={v('unit', need.unit)} error={errors?.[k('unit')]} required options={[{ value: 'hours', label: t.needs.field.hours }, { value: 'people', label: t.needs.field.people }]} />
      <SkillFields taxonomy={taxonomy} name={k} {...skillValues(need, posted, k)} errors={errors} />
      <div class="ws-pair">
        <Field name={k('shift.day')} label={t.needs.field.shiftStart} type="date" value={v('shift.day', shift.day)} error={errors?.[k('shift.day')]} />
        <Field name={k('shift.from')} label={`${t.needs.field.shiftStart} (h)`} type="text" inputmode="numeric" value={v('shift.from', shift.from)} />
        <Field name={k('shift.to')} label={t.needs.field.shiftEnd} type="text" inputmode="numeric" value={v('shift.to', shift.to)} error={errors?.[k('shift.to')]} />
      </div>
    </>
  );
}

/**
 * One need edited in place, as the API's need update allows: its name, what is wanted, open or
 * closed, its unit, and a human need's skills and shift. Its fields are named after the need (`<id>.title.fr`) so that every id on the page is
 * unique and an error lands at the field of the need that was posted.
 */
function NeedEditForm({ need, action, errors, values, taxonomy }: { need: Need; action: string; errors?: FormErrors | undefined; values?: Record<string, unknown> | undefined; taxonomy: Skill[] }) {
  const { t, lang, pick } = useT();
  const k = (name: string) => `${need.id}.${name}`;
  const { c } = useT();
  const mine = errors && Object.keys(errors).some((name) => name.startsWith(`${need.id}.`)) ? errors : undefined;
  const posted = mine ? values : undefined;
  const v = (name: string, fallback: string | undefined) => (posted ? ((posted[k(name)] as string | undefined) ?? '') : fallback);
  const money = need.category === 'financial';
  const wanted = money ? new Intl.NumberFormat(lang === 'en' ? 'en-CA' : 'fr-CA', { minimumFractionDigits: 2, useGrouping: false }).format(need.wanted / 100) : String(need.wanted);
  return (
    <details class="ws-card" id={`edit-${need.id}`} open={mine || c.req.query('edit') === need.id ? true : undefined}>
      <summary>{t.needs.editOne(pick(need.title))}</summary>
      <Form action={action}>
        <ErrorSummary
          errors={mine}
          labels={{
            [k('title.fr')]: `${t.needs.field.title} (${t.common.french})`,
            [k('title.en')]: `${t.needs.field.title} (${t.common.english})`,
            [k('wanted')]: money ? t.needs.wantedMoney : t.needs.field.wanted,
            [k('status')]: t.needs.field.status,
            [k('unit')]: t.needs.field.unit,
            [k('unitLabel.fr')]: `${t.needs.field.unitLabel} (${t.common.french})`,
            [k('skills')]: t.needs.field.skills,
            [k('skillsOther')]: t.needs.field.skillsOther,
            [k('shift.day')]: t.needs.field.shiftStart,
            [k('shift.to')]: t.needs.field.shiftEnd,
            [k('deadline')]: t.needs.field.deadline,
          }}
        />
        <p class="ws-hint">{t.needs.editHint}</p>
        <Bilingual name={k('title')} legend={t.needs.field.title} value={{ fr: v('title.fr', need.title.fr), en: v('title.en', need.title.en) }} errors={mine} required maxlength={140} />
        <Field name={k('wanted')} label={money ? t.needs.wantedMoney : t.needs.field.wanted} inputmode="decimal" value={v('wanted', wanted)} error={mine?.[k('wanted')]} required />
        <Field name={k('deadline')} label={t.needs.field.deadline} hint={t.needs.field.deadlineHint} type="date" value={v('deadline', need.deadline)} error={mine?.[k('deadline')]} />
        <Select name={k('status')} label={t.needs.field.status} value={v('status', need.status === 'closed' ? 'closed' : 'open')} error={mine?.[k('status')]} required options={[{ value: 'open', label: t.needs.field.open }, { value: 'closed', label: t.needs.field.closed }]} />
        {need.category === 'material' && (
          <Bilingual name={k('unitLabel')} legend={t.needs.field.unitLabel} hint={t.needs.field.unitLabelHint} value={{ fr: v('unitLabel.fr', need.unit.fr), en: v('unitLabel.en', need.unit.en) }} errors={mine} required maxlength={40} />
        )}
        {need.category === 'human' && <HumanNeedFields need={need} k={k} v={v} posted={posted} errors={mine} taxonomy={taxonomy} />}
        <div class="ws-actions">
          <Button label={t.needs.save} />
          <a href={`${action}/delete`}>{t.needs.delete}</a>
        </div>
      </Form>
    </details>
  );
}
