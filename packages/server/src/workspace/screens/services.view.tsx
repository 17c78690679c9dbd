import { DAYS, type LocalizedText, type Service } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';
import { ActionButton, Bilingual, Button, ErrorSummary, Field, Form, PageTitle, Select, Table } from '../views/components.tsx';
import { OrgNav } from '../views/org-nav.tsx';

/** Languages offered as boxes to tick; a service the API wrote with others keeps them. */
export const LANGUAGES = ['fr', 'en', 'es', 'ar', 'zh', 'ht', 'vi', 'pt', 'fa', 'ta'] as const;
/** Opening-hour lines a form shows: the service's own, plus one empty. */
export const slotCount = (hours: unknown[] | undefined) => Math.min(14, (hours?.length ?? 0) + 1);

const useT = () => {
  const c = useRequestContext<WorkspaceEnv>();
  const lang = c.get('lang');
  return { t: c.get('t'), org: c.get('organization'), pick: (x: LocalizedText) => (lang === 'en' ? (x.en ?? x.fr) : x.fr) };
};

export function ServicesView({ services }: { services: Service[] }) {
  const { t, org, pick } = useT();
  const s = t.services;
  const base = `/workspace/o/${org.slug}/services`;
  return (
    <>
      <OrgNav />
      <PageTitle lead={s.lead}>{s.title}</PageTitle>
      <p>
        <a class="ws-button ws-primary" href={`${base}/new`}>
          {s.create}
        </a>
      </p>
      <Table
        caption={s.caption}
        empty={s.empty}
        rows={services}
        columns={[
          { header: s.col.name, cell: (x) => <a href={`${base}/${x.id}`} aria-label={s.editLabel(pick(x.name))}>{pick(x.name)}</a> },
          { header: s.col.languages, cell: (x) => x.languages.map((code) => (s.language as Record<string, string>)[code] ?? code).join(', ') },
          { header: s.col.status, cell: (x) => s.status[x.status] },
          { header: s.col.actions, cell: (x) => <ActionButton action={`${base}/${x.id}/remove`} label={<span aria-label={s.removeLabel(pick(x.name))}>{s.remove}</span>} variant="danger" /> },
        ]}
      />
    </>
  );
}

/** The form's values by field name (`name.fr`, `hours.0.opens`), as typed or as stored. */
export type ServiceFormValues = Record<string, unknown>;

export function ServiceFormView({ action, values, errors, editing }: { action: string; values: ServiceFormValues; errors?: FormErrors | undefined; editing: boolean }) {
  const { t } = useT();
  const s = t.services;
  const f = s.field;
  const v = (k: string) => values[k] as string | undefined;
  const list = (k: string) => (values[k] as string[] | undefined) ?? [];
  const slots = Number(values.slots ?? 1);
  return (
    <>
      <OrgNav />
      <PageTitle>{editing ? s.editTitle : s.newTitle}</PageTitle>
      <Form action={action}>
        <ErrorSummary
          errors={errors}
          labels={{
            'name.fr': `${f.name} (${t.common.french})`,
            'description.fr': `${f.description} (${t.common.french})`,
            languages: f.languages,
            'place.postalCode': f.postalCode,
            'place.name': f.placeName,
            'place.address': f.address,
            'place.city': f.city,
            website: f.website,
            email: f.email,
            phone: f.phone,
            'cost.amount': f.amount,
          }}
        />
        <Bilingual name="name" legend={f.name} value={{ fr: v('name.fr'), en: v('name.en') }} errors={errors} required maxlength={140} />
        <Bilingual name="description" legend={f.description} value={{ fr: v('description.fr'), en: v('description.en') }} errors={errors} rows={4} required maxlength={4000} />
        <Bilingual name="audience" legend={f.audience} hint={f.audienceHint} value={{ fr: v('audience.fr'), en: v('audience.en') }} errors={errors} rows={2} maxlength={1000} />
        <fieldset class="ws-choices">
          <legend>{f.languages}</legend>
          {errors?.languages && (
            <p class="ws-error" id="f-languages">
              {errors.languages}
            </p>
          )}
          <div class="ws-choice-grid">
            {[...new Set([...LANGUAGES, ...list('languages')])].map((code) => (
              <label>
                <input type="checkbox" name="languages[]" value={code} checked={list('languages').includes(code)} /> {(s.language as Record<string, string>)[code] ?? code}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class="ws-bilingual" aria-describedby="hours-hint">
          <legend>{f.hours}</legend>
          <p class="ws-hint" id="hours-hint">
            {f.hoursHint}
          </p>
          <input type="hidden" name="slots" value={String(slots)} />
          {Array.from({ length: slots }, (_, i) => (
            <fieldset class="ws-choices">
              <legend>{f.slot(i + 1)}</legend>
              {errors?.[`hours.${i}`] && <p class="ws-error">{errors[`hours.${i}`]}</p>}
              <div class="ws-choice-grid">
                {DAYS.map((day) => (
                  <label>
                    <input type="checkbox" name={`hours.${i}.days[]`} value={day} checked={list(`hours.${i}.days`).includes(day)} /> {s.day[day]}
                  </label>
                ))}
              </div>
              <div class="ws-pair">
                <Field name={`hours.${i}.opens`} label={f.opens} inputmode="numeric" hint="09:00" value={v(`hours.${i}.opens`)} error={errors?.[`hours.${i}.opens`]} maxlength={5} />
                <Field name={`hours.${i}.closes`} label={f.closes} inputmode="numeric" hint="16:30" value={v(`hours.${i}.closes`)} error={errors?.[`hours.${i}.closes`]} maxlength={5} />
              </div>
            </fieldset>
          ))}
        </fieldset>
        <Bilingual name="hoursNote" legend={f.hoursNote} value={{ fr: v('hoursNote.fr'), en: v('hoursNote.en') }} errors={errors} maxlength={500} />
        <fieldset class="ws-bilingual" aria-describedby="service-place-hint">
          <legend>{f.place}</legend>
          <p class="ws-hint" id="service-place-hint">
            {f.placeHint}
          </p>
          <div class="ws-pair">
            <Field name="place.name" label={f.placeName} value={v('place.name')} error={errors?.['place.name']} maxlength={140} />
            <Field name="place.address" label={f.address} value={v('place.address')} error={errors?.['place.address']} maxlength={200} />
          </div>
          <div class="ws-pair">
            <Field name="place.city" label={f.city} value={v('place.city')} error={errors?.['place.city']} maxlength={100} />
            <Field name="place.postalCode" label={f.postalCode} value={v('place.postalCode')} error={errors?.['place.postalCode']} maxlength={10} autocomplete="off" />
          </div>
        </fieldset>
        <div class="ws-pair">
          <Field name="website" label={f.website} type="url" value={v('website')} error={errors?.website} />
          <Field name="email" label={f.email} type="email" value={v('email')} error={errors?.email} />
          <Field name="phone" label={f.phone} value={v('phone')} error={errors?.phone} maxlength={40} />
        </div>
        <fieldset class="ws-bilingual">
          <legend>{f.cost}</legend>
          <Select
            name="costKind"
            label={f.costKind}
            value={v('costKind') ?? ''}
            options={[
              { value: '', label: f.costUnknown },
              { value: 'free', label: f.costFree },
              { value: 'paid', label: f.costPaid },
            ]}
          />
          <Field name="cost.amount" label={f.amount} inputmode="decimal" value={v('cost.amount')} error={errors?.['cost.amount']} />
          <Bilingual name="cost.note" legend={f.costNote} value={{ fr: v('cost.note.fr'), en: v('cost.note.en') }} errors={errors} maxlength={500} />
        </fieldset>
        <Select name="status" label={f.status} value={v('status') ?? 'active'} required options={(['active', 'temporarily closed', 'inactive'] as const).map((k) => ({ value: k, label: s.status[k] }))} />
        <div class="ws-actions">
          <Button label={s.save} />
        </div>
      </Form>
    </>
  );
}
