import type { Project, ProjectDetail } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { findProjectDetail, listProjectsQuery, toProject, type ProjectRow } from '../db/queries/projects.ts';
import type { NodeServices } from '../handlers/types.ts';
import type { ApiKey } from '../http/auth.ts';
import { logActivity } from './activity.ts';
import { hideProject, transition } from './project-workflow.ts';

/** A community's projects in one status (its sub-communities' too), as the curator's key sees them. */
export async function projectsInCommunity(q: Queryable, key: ApiKey, community: string, status: 'submitted' | 'published', baseUrl: string): Promise<Project[]> {
  const { sql, values } = listProjectsQuery({ community, status } as never, key, 100);
  const rows = await q.query<ProjectRow>(sql, values);
  return rows.slice(0, 100).map((r) => toProject(r, baseUrl));
}

export function projectForCurator(q: Queryable, key: ApiKey, id: string, baseUrl: string): Promise<ProjectDetail | null> {
  return findProjectDetail(q, id, baseUrl, key);
}

/** The organization's staff, who hear of a decision. */
export async function staffEmails(q: Queryable, organizationId: string): Promise<{ email: string; lang: 'fr' | 'en' }[]> {
  return q.query('select p.email, p.lang from memberships m join people p on p.id = m.person_id where m.organization_id = $1', [organizationId]);
}

export type Decision = { move: 'publish' } | { move: 'reject'; reason: string } | { move: 'hide' };

/**
 * A curator's decision, through the same workflow as the API's publish/reject: recorded in the
 * organization's activity log; the organization's staff are emailed by `notify`.
 */
export async function decide(
  q: Queryable,
  node: NodeServices,
  key: ApiKey,
  personId: string,
  id: string,
  decision: Decision,
  notify: (project: ProjectDetail, to: { email: string; lang: 'fr' | 'en' }) => Promise<void>,
): Promise<void> {
  const now = node.now();
  if (decision.move === 'hide') await hideProject(q, key, id, now);
  else await transition(q, key, id, decision.move, now, decision.move === 'reject' ? decision.reason : undefined);
  const project = (await findProjectDetail(q, id, node.baseUrl, 'authorized'))!;
  const action = decision.move === 'publish' ? 'project_published' : decision.move === 'reject' ? 'project_rejected' : 'project_hidden';
  await logActivity(q, { organizationId: project.organization.id, personId, action, subject: project.title.fr, now });
  if (decision.move !== 'hide') for (const to of await staffEmails(q, project.organization.id)) await notify(project, to);
}
