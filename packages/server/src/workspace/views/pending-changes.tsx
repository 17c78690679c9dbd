import type { PendingChanges } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import { changedKeys, FieldValue } from './revision-fields.tsx';

/** On a published item: what waits for a curator, so that its staff know why the public page has not changed. */
export function PendingChangesNote({ pending }: { pending: PendingChanges }) {
  const t = useRequestContext<WorkspaceEnv>().get('t');
  const keys = changedKeys(pending.changes);
  return (
    <div class="ws-card" role="note">
      <h2>{t.projects.pendingTitle}</h2>
      <p>{t.projects.pendingLead}</p>
      <dl class="ws-facts">
        {keys.map((k) => (
          <>
            <dt>{t.curation.fields[k]}</dt>
            <dd>
              <FieldValue field={k} value={pending.changes[k]} />
            </dd>
          </>
        ))}
        {pending.newNeeds.length > 0 && (
          <>
            <dt>{t.curation.newNeeds}</dt>
            <dd>{pending.newNeeds.length}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
