import type { Event, Revision } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import type { FormErrors } from '../forms.ts';
import { PageTitle, Table } from '../views/components.tsx';
import { formatDay, formatRange, pick } from '../views/format.ts';
import { changedKeys, FieldValue, type ReviewedField } from '../views/revision-fields.tsx';
import { Decision, needLine } from './curation.view.tsx';

/** A curator's view of changes to a public item: each field live beside proposed, new money needs, then the decision. */
export function RevisionReview({ revision: r, event, errors, reason }: { revision: Revision; event?: Event | undefined; errors?: FormErrors; reason?: string }) {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const k = t.curation;
  const lang = c.get('lang');
  const base = `/workspace/c/${c.get('community').slug}`;
  const action = `${base}/revisions/${r.id}`;
  if (r.newItem) {
    const n = t.newItem;
    return (
      <>
        <p>
          <a href={base}>{k.back}</a>
        </p>
        <PageTitle lead={`${n.kind} — ${r.organization.name} — ${k.changedOn} ${formatDay(lang, r.updatedAt)}. ${n.lead}`}>{n.title(pick(r.subjectTitle, lang))}</PageTitle>
        {event && (
          // When and where it happens, in Montréal's time: the place and link are said here, not again below.
          <dl class="ws-facts">
            <dt>{n.when}</dt>
            <dd>{formatRange(lang, event.startsAt, event.endsAt)}</dd>
            <dt>{n.where}</dt>
            <dd>
              {event.place ? `${event.place.name}, ${event.place.address}` : null}
              {event.place && event.link ? <br /> : null}
              {event.link ? n.online(event.link) : null}
              {!event.place && !event.link ? n.nowhere : null}
            </dd>
          </dl>
        )}
        <Table
          caption={n.kind}
          // What it will publish: a field it leaves empty is no news to the curator.
          rows={changedKeys(r.changes).filter((f) => r.changes[f] !== null && r.changes[f] !== undefined && !(event && (f === 'place' || f === 'link')))}
          empty="—"
          columns={[
            { header: n.field, cell: (f: ReviewedField) => k.fields[f] },
            { header: n.value, cell: (f: ReviewedField) => <FieldValue field={f} value={r.changes[f]} /> },
          ]}
        />
        {r.status === 'pending' && <Decision action={action} approve={n.approve} reject={n.reject} hint={n.rejectHint} errors={errors} reason={reason} />}
      </>
    );
  }
  return (
    <>
      <p>
        <a href={base}>{k.back}</a>
      </p>
      <PageTitle lead={`${k.kinds[r.subject]} — ${r.organization.name} — ${k.changedOn} ${formatDay(lang, r.updatedAt)}`}>{k.revisionTitle(pick(r.subjectTitle, lang))}</PageTitle>
      <Table
        caption={k.revisions}
        rows={changedKeys(r.changes)}
        empty="—"
        columns={[
          { header: k.field, cell: (f: ReviewedField) => k.fields[f] },
          { header: k.live, cell: (f: ReviewedField) => <FieldValue field={f} value={r.live[f]} /> },
          { header: k.proposed, cell: (f: ReviewedField) => <FieldValue field={f} value={r.changes[f]} /> },
        ]}
      />
      {r.newNeeds.length > 0 && (
        <>
          <h2>{k.newNeeds}</h2>
          <ul class="ws-list">
            {r.newNeeds.map((n) => (
              <li>{needLine(n, lang)}</li>
            ))}
          </ul>
        </>
      )}
      {r.status === 'pending' && <Decision action={action} approve={k.approveChanges} reject={k.rejectChanges} hint={k.rejectChangesHint} errors={errors} reason={reason} />}
    </>
  );
}
