import type { Directory } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';
import type { Strings } from '../strings/index.ts';
import { ActionButton, Button, ErrorSummary, Field, Form, PageTitle, Select, Table } from '../views/components.tsx';
import { CuratorNav } from '../views/curator-nav.tsx';
import { formatMoment } from '../views/format.ts';
import { SyncState } from '../views/sync-state.tsx';

function useImports() {
  const c = useRequestContext<WorkspaceEnv>();
  return { t: c.get('t'), lang: c.get('lang'), base: `/workspace/c/${c.get('community').slug}/directories` };
}

/** Why the last read failed, in a curator's words: the worker's message is for operators. */
export function failureReason(lastError: string | null, t: Strings): string {
  const why = t.imports.why;
  if (!lastError) return why.unreachable;
  if (/^\d{3} from /.test(lastError)) return why.refused;
  if (/HSDS|not HSDS 3|JSON/i.test(lastError)) return why.format;
  return why.unreachable;
}

function State({ d }: { d: Directory }) {
  const { t } = useImports();
  return <SyncState state={d.state} reason={failureReason(d.lastError, t)} brought={d.serviceCount > 0} nextPollAt={d.nextPollAt} words={t.imports} />;
}

export interface ImportValues {
  url?: string;
  lang?: string;
}

/** The directories this node imports, and the form to import one more. */
export function ImportsView({ directories, errors, values = {} }: { directories: Directory[]; errors?: FormErrors; values?: ImportValues }) {
  const { t, lang, base } = useImports();
  const k = t.imports;
  return (
    <>
      <CuratorNav />
      <PageTitle lead={k.lead}>{k.title}</PageTitle>
      <Table
        caption={k.caption}
        rows={directories}
        empty={k.empty}
        columns={[
          { header: k.col.url, cell: (d: Directory) => <span class="ws-url">{d.url}</span> },
          { header: k.col.lang, cell: (d: Directory) => k.langs[d.lang] },
          { header: k.col.polled, cell: (d: Directory) => (d.polledAt ? formatMoment(lang, d.polledAt) : k.never) },
          { header: k.col.services, numeric: true, cell: (d: Directory) => String(d.serviceCount) },
          { header: k.col.state, cell: (d: Directory) => <State d={d} /> },
          {
            header: k.col.actions,
            cell: (d: Directory) => (
              <a href={`${base}/${d.id}/remove`} aria-label={k.removeLabel(d.url)}>
                {k.remove}
              </a>
            ),
          },
        ]}
      />
      <h2 id="import">{k.addTitle}</h2>
      <p>{k.addLead}</p>
      <Form action={base}>
        <ErrorSummary errors={errors} labels={{ url: k.url, lang: k.lang }} />
        <Field name="url" label={k.url} hint={k.urlHint} type="url" inputmode="url" autocomplete="url" required value={values.url} error={errors?.url} maxlength={2048} />
        <Select
          name="lang"
          label={k.lang}
          required
          value={values.lang ?? 'fr'}
          error={errors?.lang}
          options={[
            { value: 'fr', label: k.langs.fr },
            { value: 'en', label: k.langs.en },
          ]}
        />
        <div class="ws-actions">
          <Button label={k.submit} />
        </div>
      </Form>
    </>
  );
}

/** The step before a directory is removed: a page of its own, so that it works without JavaScript. */
export function ImportRemoveView({ directory }: { directory: Directory }) {
  const { t, base } = useImports();
  const k = t.imports;
  return (
    <>
      <CuratorNav />
      <PageTitle>{k.removeTitle}</PageTitle>
      <p class="ws-url">
        <strong>{directory.url}</strong>
      </p>
      <p id="import-remove-lead">{k.removeLead(directory.serviceCount)}</p>
      <div class="ws-actions">
        <ActionButton action={`${base}/${directory.id}/remove`} label={k.removeConfirm} variant="danger" describedBy="import-remove-lead" />
      </div>
      <p>
        <a href={base}>{k.back}</a>
      </p>
    </>
  );
}
