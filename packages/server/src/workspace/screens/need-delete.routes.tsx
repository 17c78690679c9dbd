import { findProjectDetail } from '../../db/queries/projects.ts';
import { ProblemError } from '../../http/problem.ts';
import { deleteNeed, hasPledges } from '../../services/needs.ts';
import type { WorkspaceContext } from '../context.ts';
import type { Screen } from '../index.tsx';
import { actingAs, requireMember } from '../session.tsx';
import { NeedDeleteView } from './need-delete.view.tsx';

/** Deleting a need: a confirmation page (GET), then the API's own delete (POST); a need with pledges is refused, with what to do instead. */
export const needDeleteScreen: Screen = (ws, node) => {
  const load = async (c: WorkspaceContext) => {
    const project = await findProjectDetail(node.db, c.req.param('id')!, node.baseUrl, actingAs(c, 'organization'));
    if (!project || project.organization.id !== c.get('organization').organizationId) return null;
    const need = project.needs.find((n) => n.id === c.req.param('needId'));
    return need ? { project, need, projectPath: `/workspace/o/${c.get('organization').slug}/projects/${project.id}` } : null;
  };
  const path = '/o/:org/projects/:id/needs/:needId/delete';

  ws.get(path, requireMember('editor'), async (c) => {
    const found = await load(c);
    if (!found) return c.notFound();
    const refused = await hasPledges(node.db, found.need.id);
    return c.render(<NeedDeleteView need={found.need} projectPath={found.projectPath} refused={refused} />, { title: c.get('t').needs.delete });
  });

  ws.post(path, requireMember('editor'), async (c) => {
    const found = await load(c);
    if (!found) return c.notFound();
    try {
      await node.db.tx((q) => deleteNeed(q, actingAs(c, 'organization'), found.need.id, { personId: c.get('session')!.person.id, now: node.now(), lang: c.get('lang') }));
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      if (error.code === 'conflict') {
        c.status(409);
        return c.render(<NeedDeleteView need={found.need} projectPath={found.projectPath} refused />, { title: c.get('t').needs.delete });
      }
      if (error.code === 'invalid_state') return c.redirect(`${found.projectPath}?done=not_possible`, 303);
      if (error.code === 'not_found') return c.notFound();
      throw error;
    }
    return c.redirect(`${found.projectPath}?done=need_deleted#needs`, 303);
  });
};
