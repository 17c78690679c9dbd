import type { LocalizedText } from '@perron/contract';
import { useRequestContext } from 'hono/jsx-renderer';
import type { WorkspaceEnv } from '../context.ts';
import { ActionButton, PageTitle } from '../views/components.tsx';
import { OrgNav } from '../views/org-nav.tsx';
import { editHref } from './projects.view.tsx';

/**
 * The step before a need is deleted, a page of its own so that it works without JavaScript: what
 * deleting does and one button; or, for a need with pledges, why it can't be and what to do instead.
 */
export function NeedDeleteView({ need, projectPath, refused }: { need: { id: string; title: LocalizedText }; projectPath: string; refused: boolean }) {
  const c = useRequestContext<WorkspaceEnv>();
  const t = c.get('t');
  const title = c.get('lang') === 'en' ? (need.title.en ?? need.title.fr) : need.title.fr;
  return (
    <>
      <OrgNav />
      <PageTitle>{t.needs.deleteTitle(title)}</PageTitle>
      {refused ? (
        <>
          <p class="ws-error" role="alert" id="need-delete-refused">{t.needs.hasPledges}</p>
          <p>
            <a class="ws-button ws-primary" href={editHref(projectPath, need.id, 'status')}>{t.needs.closeInstead}</a>
          </p>
        </>
      ) : (
        <>
          <p id="need-delete-lead">{t.needs.deleteLead}</p>
          <div class="ws-actions">
            <ActionButton action={`${projectPath}/needs/${need.id}/delete`} label={t.needs.deleteConfirm} variant="danger" describedBy="need-delete-lead" />
          </div>
        </>
      )}
      <p>
        <a href={`${projectPath}#needs`}>{t.needs.deleteBack}</a>
      </p>
    </>
  );
}
