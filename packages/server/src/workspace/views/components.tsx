import type { Child, PropsWithChildren } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
/** `title.fr` → `f-title-fr`: an id from a field's name. */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

interface FieldProps {
  name: string;
  label: Child;
  value?: string | number | null;
  /** Said under the label, and read with the field (`aria-describedby`). */
  hint?: Child;
  /** In the person's language; ties to the field and marks it invalid. */
  error?: string;
  type?: 'text' | 'email' | 'url' | 'number' | 'date' | 'datetime-local' | 'search';
  required?: boolean;
  autocomplete?: string;
  /** A `textarea` with this many rows instead of an `input`. */
  rows?: number;
  /** The language of what is typed (a French or English field). */
  lang?: string;
  inputmode?: 'text' | 'email' | 'url' | 'numeric' | 'decimal';
  maxlength?: number;
}

/** Label, hint and error of a control, and the ids that tie them to it. */
function labelled(p: { name: string; label: Child; hint?: Child; error?: string; required?: boolean }, optionalText: string) {
  const id = fieldId(p.name);
  const hintId = p.hint ? `${id}-hint` : undefined;
  const errorId = p.error ? `${id}-error` : undefined;
  return {
    id,
    control: { id, name: p.name, required: p.required, 'aria-describedby': describedBy(hintId, errorId), 'aria-invalid': p.error ? ('true' as const) : undefined },
    wrap: (control: Child) => (
      <div class={p.error ? 'ws-field ws-invalid' : 'ws-field'}>
        <label for={id}>
          {p.label}
          {!p.required && <span class="ws-optional"> ({optionalText})</span>}
        </label>
        {p.hint && (
          <p class="ws-hint" id={hintId}>
            {p.hint}
          </p>
        )}
        {p.error && (
          <p class="ws-error" id={errorId}>
            {p.error}
          </p>
        )}
        {control}
      </div>
    ),
  };
}

/** A labelled input: hint and error tied by `aria-describedby`, the error announced with the form's summary. */
export function Field(p: FieldProps) {
  const t = useRequestContext<WorkspaceEnv>().get('t');
  const { control, wrap } = labelled(p, t.common.optional);
  const common = { ...control, autocomplete: p.autocomplete, lang: p.lang, maxlength: p.maxlength };
  return wrap(
    p.rows ? (
      <textarea {...common} rows={p.rows}>
        {p.value ?? ''}
      </textarea>
    ) : (
      <input {...common} type={p.type ?? 'text'} value={p.value ?? undefined} inputmode={p.inputmode} />
    ),
  );
}

interface BilingualProps {
  /** The fields are `<name>.fr` and `<name>.en`. */
  name: string;
  legend: Child;
  hint?: Child;
  value?: { fr?: string | null; en?: string | null } | null;
  errors?: FormErrors;
  /** French is required; English is optional (the node falls back to French). */
  required?: boolean;
  rows?: number;
  type?: FieldProps['type'];
  maxlength?: number;
}

/** French and English side by side (stacked on a narrow screen), each field in its own language. */
export function Bilingual(p: BilingualProps) {
  const t = useRequestContext<WorkspaceEnv>().get('t');
  const hintId = p.hint ? `${fieldId(p.name)}-hint` : undefined;
  return (
    <fieldset class="ws-bilingual" aria-describedby={hintId}>
      <legend>{p.legend}</legend>
      {p.hint && (
        <p class="ws-hint" id={hintId}>
          {p.hint}
        </p>
      )}
      <div class="ws-pair">
        <Field name={`${p.name}.fr`} label={t.common.french} lang="fr-CA" value={p.value?.fr} error={p.errors?.[`${p.name}.fr`]} required={p.required} rows={p.rows} type={p.type} maxlength={p.maxlength} />
        <Field name={`${p.name}.en`} label={t.common.english} lang="en-CA" value={p.value?.en} error={p.errors?.[`${p.name}.en`]} rows={p.rows} type={p.type} maxlength={p.maxlength} />
      </div>
    </fieldset>
  );
}

interface SelectProps {
  name: string;
  label: Child;
  options: { value: string; label: string }[];
  value?: string | null;
  hint?: Child;
  error?: string;
  required?: boolean;
}

export function Select(p: SelectProps) {
  const t = useRequestContext<WorkspaceEnv>().get('t');
  const { control, wrap } = labelled(p, t.common.optional);
  return wrap(
    <select {...control}>
      {p.options.map((o) => (
        <option value={o.value} selected={o.value === p.value}>
          {o.label}
        </option>
      ))}
    </select>,
  );
}

/**
 * The form's errors at its top, each a link to its field: read first by a screen reader
 * (`role="alert"`), and a keyboard user jumps to what needs fixing.
 */
export function ErrorSummary({ errors, labels }: { errors?: FormErrors; labels: Record<string, string> }) {
  const t = useRequestContext<WorkspaceEnv>().get('t');
  const entries = Object.entries(errors ?? {});
  if (!entries.length) return null;
  return (
    <div class="ws-error-summary" role="alert" tabindex={-1} id="errors">
      <p>{t.common.formErrors(entries.length)}</p>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#${fieldId(name)}`}>
              {labels[name] ?? name} : {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A form that writes: always POST to the node's own origin (the workspace refuses a form posted
 * from elsewhere, see `csrf` in workspace/index.ts). Works without JavaScript.
 */
export function Form({ action, children, class: className, enctype }: PropsWithChildren<{ action: string; class?: string; enctype?: 'multipart/form-data' }>) {
  return (
    // novalidate: the node's messages, in the person's language and tied to each field, not the browser's bubbles.
    <form method="post" action={action} class={className ?? 'ws-form'} enctype={enctype} novalidate>
      {children}
    </form>
  );
}

/** One button that posts (sign out, revoke, approve): a form of its own, with hidden values. */
export function ActionButton({ action, label, values = {}, variant = 'primary', describedBy: described }: { action: string; label: Child; values?: Record<string, string>; variant?: 'primary' | 'secondary' | 'danger'; describedBy?: string }) {
  return (
    <form method="post" action={action} class="ws-inline">
      {Object.entries(values).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={`ws-button ws-${variant}`} aria-describedby={described}>
        {label}
      </button>
    </form>
  );
}

export function Button({ label, variant = 'primary', name, value }: { label: Child; variant?: 'primary' | 'secondary' | 'danger'; name?: string; value?: string }) {
  return (
    <button type="submit" class={`ws-button ws-${variant}`} name={name} value={value}>
      {label}
    </button>
  );
}

export interface Column<Row> {
  header: Child;
  cell: (row: Row) => Child;
  /** Numbers align right. */
  numeric?: boolean;
}

/** A data table: a caption names it, the first column heads each row. */
export function Table<Row>({ caption, columns, rows, empty }: { caption: Child; columns: Column<Row>[]; rows: Row[]; empty: Child }) {
  if (!rows.length) return <p class="ws-empty">{empty}</p>;
  const captionId = `t-${crypto.randomUUID().slice(0, 8)}`;
  // A narrow screen scrolls the table sideways: the region takes the focus so a keyboard can too.
  return (
    <div class="ws-table-wrap" tabindex={0} role="region" aria-labelledby={captionId}>
      <table class="ws-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((col) => (
              <th scope="col" class={col.numeric ? 'ws-num' : undefined}>
                {col.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              {columns.map((col, i) =>
                i === 0 ? (
                  <th scope="row">{col.cell(row)}</th>
                ) : (
                  <td class={col.numeric ? 'ws-num' : undefined}>{col.cell(row)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Previous / next page links (keyset cursors: no page numbers). */
export function Pager({ previous, next }: { previous?: string | null; next?: string | null }) {
  const t = useRequestContext<WorkspaceEnv>().get('t');
  if (!previous && !next) return null;
  return (
    <nav class="ws-pager" aria-label={t.common.pages}>
      {previous && (
        <a href={previous} rel="prev">
          {t.common.previous}
        </a>
      )}
      {next && (
        <a href={next} rel="next">
          {t.common.next}
        </a>
      )}
    </nav>
  );
}

/**
 * What the last action did, after its redirect (`?done=<key>` names a message of `strings.flash`:
 * nobody can put their own text there). A status region, so it is read out.
 */
export function Flash() {
  const c = useRequestContext<WorkspaceEnv>();
  const key = c.req.query('done');
  const flash = c.get('t').flash as Record<string, string>;
  const message = key && Object.hasOwn(flash, key) ? flash[key] : undefined;
  return (
    <div role="status" class={message ? 'ws-flash' : 'ws-flash-empty'}>
      {message}
    </div>
  );
}

/** A page's title: one `h1`, and the flash of the last action under it. */
export function PageTitle({ children, lead }: PropsWithChildren<{ lead?: Child }>) {
  return (
    <>
      <h1>{children}</h1>
      {lead && <p class="ws-lead">{lead}</p>}
      <Flash />
    </>
  );
}
