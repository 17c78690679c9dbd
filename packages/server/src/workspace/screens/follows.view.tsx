import type { Follow } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';
import type { Strings } from '../strings/index.ts';
import { ActionButton, Button, ErrorSummary, Field, Form, PageTitle, Table } from '../views/components.tsx';
import { CuratorNav } from '../views/curator-nav.tsx';
import { formatMoment } from '../views/format.ts';
import { SyncState } from '../views/sync-state.tsx';

function useFollows() {
  const c = useRequestContext<WorkspaceEnv>();
  return { t: c.get('t'), lang: c.get('lang'), base: `/workspace/c/${c.get('community').slug}/follows` };
}

/** Why the last read failed, in a curator's words: the worker's message is for operators. */
function failureReason(lastError: string | null, t: Strings): string {
  const why = t.follows.why;
  if (lastError && /^\d{3} from /.test(lastError)) return why.refused;
  if (lastError && /contract|node info|JSON/i.test(lastError)) return why.format;
  return why.unreachable;
}

function State({ f }: { f: Follow }) {
  const { t } = useFollows();
  return <SyncState state={f.state} reason={failureReason(f.lastError, t)} brought={f.projectCount + f.eventCount > 0} nextPollAt={f.nextPollAt} words={t.follows} />;
}

export interface FollowValues {
  url?: string;
  communities?: string;
}

/** The nodes this node follows, and the form to follow one more. */
export function FollowsView({ follows, errors, values = {} }: { follows: Follow[]; errors?: FormErrors; values?: FollowValues }) {
  const { t, lang, base } = useFollows();
  const k = t.follows;
  return (
    <>
      <CuratorNav />
      <PageTitle lead={k.lead}>{k.title}</PageTitle>
      <Table
        caption={k.caption}
        rows={follows}
        empty={k.empty}
        columns={[
          {
            header: k.col.url,
            cell: (f: Follow) => (
              <>
                {f.name && (
                  <>
                    {f.name}
                    <br />
                  </>
                )}
                <span class="ws-url">{f.url}</span>
              </>
            ),
          },
          { header: k.col.communities, cell: (f: Follow) => (f.communities.length ? f.communities.join(', ') : k.all) },
          { header: k.col.polled, cell: (f: Follow) => (f.polledAt ? formatMoment(lang, f.polledAt) : k.never) },
          { header: k.col.items, cell: (f: Follow) => k.items(f.projectCount, f.eventCount) },
          { header: k.col.state, cell: (f: Follow) => <State f={f} /> },
          {
            header: k.col.actions,
            cell: (f: Follow) => (
              <a href={`${base}/${f.id}/remove`} aria-label={k.removeLabel(f.url)}>
                {k.remove}
              </a>
            ),
          },
        ]}
      />
      <h2 id="follow">{k.addTitle}</h2>
      <p>{k.addLead}</p>
      <Form action={base}>
        <ErrorSummary errors={errors} labels={{ url: k.url, communities: k.communities }} />
        <Field name="url" label={k.url} hint={k.urlHint} type="url" inputmode="url" autocomplete="url" required value={values.url} error={errors?.url} maxlength={2048} />
        <Field name="communities" label={k.communities} hint={k.communitiesHint} value={values.communities} error={errors?.communities} maxlength={1400} />
        <div class="ws-actions">
          <Button label={k.submit} />
        </div>
      </Form>
    </>
  );
}

/** The step before a node is unfollowed: a page of its own, so that it works without JavaScript. */
export function FollowRemoveView({ follow }: { follow: Follow }) {
  const { t, base } = useFollows();
  const k = t.follows;
  return (
    <>
      <CuratorNav />
      <PageTitle>{k.removeTitle}</PageTitle>
      <p class="ws-url">
        <strong>{follow.name ? `${follow.name} — ${follow.url}` : follow.url}</strong>
      </p>
      <p id="follow-remove-lead">{k.removeLead(follow.projectCount, follow.eventCount)}</p>
      <div class="ws-actions">
        <ActionButton action={`${base}/${follow.id}/remove`} label={k.removeConfirm} variant="danger" describedBy="follow-remove-lead" />
      </div>
      <p>
        <a href={base}>{k.back}</a>
      </p>
    </>
  );
}
