import { PROJECT_REVIEWED_FIELDS, type PartnerRole, type PartnershipStatus, type ProjectCreate, type ProjectStatus, type ProjectUpdate } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { communityIdsBySlug } from '../db/queries/communities.ts';
import { curatedBy } from '../db/queries/projects.ts';
import { Params, searchText } from '../db/queries/sql.ts';
import type { ApiKey } from '../http/auth.ts';
import { ProblemError } from '../http/problem.ts';
import { newId } from '../ids.ts';
import type { NodeServices } from '../handlers/types.ts';
import { badField } from './bad-input.ts';
import { proposePartnership } from './partnerships.ts';
import { changedFields, liveFields, queueChanges } from './revisions.ts';
import { signalOrganization } from './notifications.ts';
import { unlockIfReached } from './supports.ts';

/** draft → submitted → published → completed | cancelled; a curator may reject a submission, which can be edited and resubmitted. */
export const TRANSITIONS = {
  submit: { from: ['draft', 'rejected'], to: 'submitted' },
  publish: { from: ['submitted'], to: 'published' },
  reject: { from: ['submitted'], to: 'rejected' },
  complete: { from: ['published'], to: 'completed' },
  cancel: { from: ['published'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly ProjectStatus[]; to: ProjectStatus }>;
export type Transition = keyof typeof TRANSITIONS;

/** A finished project is a record: its text and needs no longer change. */
export const EDITABLE_STATUSES: readonly ProjectStatus[] = ['draft', 'submitted', 'rejected', 'published'];

interface LockedProject {
  id: string;
  status: ProjectStatus;
  organization_id: string;
  title: { fr: string; en?: string };
  summary: { fr: string; en?: string };
  starts_on: string | null;
  ends_on: string | null;
}

const LOCKED_COLUMNS = 'p.id, p.status, p.organization_id, p.title, p.summary, p.starts_on::text as starts_on, p.ends_on::text as ends_on';

/**
 * The key's organization's project, locked for the write. Another organization's project is a
 * 404, as if it did not exist: nothing about it leaks.
 */
export async function lockOwnProject(q: Queryable, key: ApiKey, id: string): Promise<LockedProject> {
  const [row] = await q.query<LockedProject>(`select ${LOCKED_COLUMNS} from projects p where p.id = $1 and p.organization_id = $2 for update`, [id, key.organizationId]);
  if (!row) throw new ProblemError('not_found', `No project ${id}`);
  return row;
}

/** A project in the curator's communities (or nested in them), locked; others are a 404. */
async function lockCuratedProject(q: Queryable, key: ApiKey, id: string): Promise<LockedProject> {
  const p = new Params();
  const [row] = await q.query<LockedProject>(
    `select ${LOCKED_COLUMNS} from projects p where p.id = ${p.add(id)} and ${curatedBy(key, p)} for update`,
    p.values,
  );
  if (!row) throw new ProblemError('not_found', `No project ${id}`);
  return row;
}

export function assertEditable(project: LockedProject): void {
  if (!EDITABLE_STATUSES.includes(project.status)) throw new ProblemError('invalid_state', `A ${project.status} project can no longer be edited`);
}

async function resolveCommunities(q: Queryable, slugs: string[]): Promise<string[]> {
  const { ids, unknown } = await communityIdsBySlug(q, [...new Set(slugs)]);
  if (unknown.length) {
    // Every unknown slug at once, each at its index.
    throw new ProblemError('validation_failed', 'Invalid body', {
      errors: unknown.map((slug) => ({ path: `body.communities.${slugs.indexOf(slug)}`, message: `No community ${slug} on this node`, code: 'unknown_community' })),
    });
  }
  return ids;
}

/**
 * The project's partners replaced by the list given (other organizations of the node, by slug);
 * an unknown slug, or the project's own organization, is refused at its index. A partner named
 * anew (or in another role) is only proposed: public once its organization accepts
 * (`services/partnerships.ts`); one named as before keeps its answer.
 */
async function setPartners(q: Queryable, node: NodeServices, projectId: string, ownOrganizationId: string, partners: ProjectCreate['partners']): Promise<void> {
  if (!partners) return;
  const slugs = partners.map((x) => x.organization);
  const rows = await q.query<{ id: string; slug: string }>('select id, slug from organizations where slug = any($1)', [slugs]);
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  const errors = partners.flatMap((x, i) =>
    !ids.has(x.organization) ? [{ path: `body.partners.${i}.organization`, message: `No organization ${x.organization} on this node`, code: 'unknown_organization' }]
    : ids.get(x.organization) === ownOrganizationId ? [{ path: `body.partners.${i}.organization`, message: 'A project is not its own partner', code: 'own_organization' }]
    : [],
  );
  if (errors.length) throw new ProblemError('validation_failed', 'Invalid body', { errors });
  const before = new Map(
    (await q.query<PartnerRow>('select organization_id, role, status, proposed_at, decided_at from project_partners where project_id = $1', [projectId])).map((r) => [r.organization_id, r]),
  );
  await q.query('delete from project_partners where project_id = $1', [projectId]);
  // Named twice, an organization keeps the last role given.
  const roles = new Map(partners.map((x) => [ids.get(x.organization)!, x.role]));
  const now = node.now();
  for (const [organizationId, role] of roles) {
    const kept = before.get(organizationId);
    const same = kept?.role === role;
    await q.query('insert into project_partners (project_id, organization_id, role, status, proposed_at, decided_at) values ($1, $2, $3, $4, $5, $6)', [
      projectId,
      organizationId,
      role,
      same ? kept.status : 'proposed',
      same ? kept.proposed_at : now,
      same ? kept.decided_at : null,
    ]);
    if (!same) await proposePartnership(q, node, projectId, organizationId, role);
  }
}

interface PartnerRow {
  organization_id: string;
  role: PartnerRole;
  status: PartnershipStatus;
  proposed_at: Date | null;
  decided_at: Date | null;
}

function assertDates(startsOn: string | null | undefined, endsOn: string | null | undefined): void {
  if (startsOn && endsOn && endsOn < startsOn) {
    throw badField('body.endsOn', 'The end date comes before the start date', 'too_small');
  }
}

async function setCommunities(q: Queryable, projectId: string, communityIds: string[]) {
  await q.query('delete from project_communities where project_id = $1', [projectId]);
  await q.query('insert into project_communities (project_id, community_id) select $1, unnest($2::text[])', [projectId, communityIds]);
}

export async function createProject(q: Queryable, node: NodeServices, key: ApiKey, body: ProjectCreate): Promise<string> {
  const now = node.now();
  assertDates(body.startsOn, body.endsOn);
  const communityIds = await resolveCommunities(q, body.communities);
  const id = newId('prj');
  await q.query(
    `insert into projects (id, organization_id, status, title, summary, description, themes, image_url, image_alt, starts_on, ends_on,
                           crowdfunding_threshold, search, created_at, updated_at)
     values ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
    [
      id,
      key.organizationId,
      body.title,
      body.summary,
      body.description ?? null,
      [...new Set(body.themes)],
      body.image?.url ?? null,
      body.image?.alt ?? null,
      body.startsOn ?? null,
      body.endsOn ?? null,
      body.crowdfundingThreshold ?? null,
      searchText(body.title.fr, body.title.en, body.summary.fr, body.summary.en),
      now,
    ],
  );
  await setCommunities(q, id, communityIds);
  await setPartners(q, node, id, key.organizationId!, body.partners);
  return id;
}

/**
 * Edits a project. Once it is published, a new title, summary or image waits for a curator (a
 * pending revision) while the public keeps the live one; other fields change at once. Answers
 * whether changes wait for review.
 */
export async function updateProject(q: Queryable, node: NodeServices, key: ApiKey, id: string, given: ProjectUpdate): Promise<{ queued: boolean }> {
  const now = node.now();
  const project = await lockOwnProject(q, key, id);
  assertEditable(project);
  assertDates(given.startsOn ?? project.starts_on, given.endsOn ?? project.ends_on);
  const reviewed = project.status === 'published' ? changedFields(PROJECT_REVIEWED_FIELDS, given, await liveFields(q, 'project', id)) : {};
  const queued = Object.keys(reviewed).length > 0;
  if (queued) await queueChanges(q, now, { subject: 'project', subjectId: id, organizationId: project.organization_id, changes: reviewed });
  const body: ProjectUpdate = { ...given };
  for (const f of PROJECT_REVIEWED_FIELDS) if (f in reviewed) delete body[f];
  const p = new Params();
  const set: string[] = [`updated_at = ${p.add(now)}`];
  const column = (name: string, value: unknown) => value !== undefined && set.push(`${name} = ${p.add(value)}`);
  column('title', body.title);
  column('summary', body.summary);
  column('description', body.description);
  column('themes', body.themes && [...new Set(body.themes)]);
  column('image_url', body.image?.url);
  column('image_alt', body.image?.alt);
  column('starts_on', body.startsOn);
  column('ends_on', body.endsOn);
  column('crowdfunding_threshold', body.crowdfundingThreshold);
  if (body.title || body.summary) {
    const title = body.title ?? project.title;
    const summary = body.summary ?? project.summary;
    column('search', searchText(title.fr, title.en, summary.fr, summary.en));
  }
  await q.query(`update projects set ${set.join(', ')} where id = ${p.add(id)}`, p.values);
  if (body.communities) await setCommunities(q, id, await resolveCommunities(q, body.communities));
  await setPartners(q, node, id, key.organizationId!, body.partners);
  // A threshold lowered to the supporters already there opens the money needs now.
  if (body.crowdfundingThreshold !== undefined) await unlockIfReached(q, node, id);
  return { queued };
}

/** Moves a project along its workflow; any other move is a 409 naming the current status. */
export async function transition(q: Queryable, key: ApiKey, id: string, move: Transition, now: Date, reason?: string): Promise<void> {
  const project = key.role === 'curator' ? await lockCuratedProject(q, key, id) : await lockOwnProject(q, key, id);
  const { from, to } = TRANSITIONS[move];
  if (!(from as readonly ProjectStatus[]).includes(project.status)) {
    throw new ProblemError('invalid_state', `A ${project.status} project can't be moved to ${to} (only from ${from.join(' or ')})`);
  }
  // A rejection's reason stays visible to the organization until the project is resubmitted.
  await q.query('update projects set status = $2, rejection_reason = $3, updated_at = $4 where id = $1', [id, to, move === 'reject' ? reason : null, now]);
  // A curator's decision (API and workspace alike come here): the organization's webhooks hear of it.
  if (move === 'publish' || move === 'reject') {
    await signalOrganization(q, now, { organizationId: project.organization_id, event: move === 'publish' ? 'project.published' : 'project.rejected', data: { projectId: id, reason: reason ?? null } });
  }
}

/**
 * A curator takes a published project off every public list and page (it breaks the community's
 * rules, say); it takes no more pledges. Its organization still sees it.
 */
export async function hideProject(q: Queryable, key: ApiKey, id: string, now: Date): Promise<void> {
  const project = await lockCuratedProject(q, key, id);
  if (project.status !== 'published') throw new ProblemError('invalid_state', `Only a published project can be hidden (this one is ${project.status})`);
  await q.query('update projects set hidden_at = $2, updated_at = $2 where id = $1', [id, now]);
  await signalOrganization(q, now, { organizationId: project.organization_id, event: 'project.hidden', data: { projectId: id, reason: null } });
}
