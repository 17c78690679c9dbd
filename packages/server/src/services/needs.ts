import { frenchText, isBounded, MAX_WANTED, type Need, type NeedCreate, type NeedUpdate, type ProjectStatus } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { NEED_COLUMNS, needStatus, toNeed, type NeedRow } from '../db/queries/needs.ts';
import { storedSkills } from '../db/queries/skills.ts';
import { ProblemError } from '../http/problem.ts';
import { newId } from '../ids.ts';
import { badField } from './bad-input.ts';
import type { ApiKey } from '../http/auth.ts';
import { assertEditable, EDITABLE_STATUSES, lockOwnProject } from './project-workflow.ts';
import { dropFromRevision, queueChanges } from './revisions.ts';
import { logActivity } from './activity.ts';

async function readNeed(q: Queryable, id: string): Promise<Need> {
  const [row] = await q.query<NeedRow>(`select ${NEED_COLUMNS} from needs n where n.id = $1`, [id]);
  return toNeed(row!);
}

/** The need, locked, when its project belongs to the actor's organization; otherwise a 404. */
async function lockOwnNeed(q: Queryable, key: ApiKey, id: string) {
  const [row] = await q.query<NeedRow & { project_status: ProjectStatus }>(
    `select ${NEED_COLUMNS}, p.status as project_status from needs n join projects p on p.id = n.project_id
      where n.id = $1 and p.organization_id = $2 for update of n`,
    [id, key.organizationId],
  );
  if (!row) throw new ProblemError('not_found', `No need ${id}`);
  return row;
}

/**
 * A need added to one of the actor's editable projects (API and workspace alike). A money need
 * added to a published project waits for a curator: kept from the public and from pledges until approved.
 */
export async function createNeed(q: Queryable, key: ApiKey, projectId: string, body: NeedCreate, now = new Date()): Promise<Need> {
  const params = { id: projectId };
  const project = await lockOwnProject(q, key, params.id);
  assertEditable(project);
  const human = body.category === 'human' ? body : null;
  if (human?.shift && Date.parse(human.shift.endsAt) <= Date.parse(human.shift.startsAt)) throw badField('body.shift.endsAt', 'The shift must end after it starts', 'ends_before_start');
  const id = newId('need');
  const inReview = project.status === 'published' && body.category === 'financial';
  await q.query(
    `insert into needs (id, project_id, category, unit, unit_label, title, description, wanted, skills, shift_starts_at, shift_ends_at, in_review, deadline, position)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, (select coalesce(max(position), -1) + 1 from needs where project_id = $2))`,
    [
      id,
      params.id,
      body.category,
      human?.unit ?? null,
      body.category === 'material' ? body.unit : null,
      body.title,
      body.description ?? null,
      body.wanted,
      await storedSkills(q, human?.skills ?? []),
      human?.shift?.startsAt ?? null,
      human?.shift?.endsAt ?? null,
      inReview,
      body.deadline ?? null,
    ],
  );
  if (inReview) await queueChanges(q, now, { subject: 'project', subjectId: project.id, organizationId: project.organization_id, changes: {}, newNeed: id });
  return readNeed(q, id);
}

/**
 * A need's text, target, status, unit, skills or shift changed; what is wanted never drops below
 * what is pledged, and a human need's unit stays what its pledges were counted in.
 */
export async function updateNeed(q: Queryable, key: ApiKey, id: string, body: NeedUpdate): Promise<Need> {
  const params = { id };
  const need = await lockOwnNeed(q, key, params.id);
  if (!EDITABLE_STATUSES.includes(need.project_status)) {
    throw new ProblemError('invalid_state', `The needs of a ${need.project_status} project can no longer change`);
  }
  const wanted = body.wanted ?? need.wanted;
  if (wanted > MAX_WANTED[need.category]) throw badField('body.wanted', `At most ${MAX_WANTED[need.category]} for a ${need.category} need`, 'too_big');
  if (need.category === 'financial' && wanted < 100) throw badField('body.wanted', 'At least 100 cents for a financial need', 'too_small');
  if (isBounded(need.category) && wanted < need.pledged) {
    throw new ProblemError('invalid_state', `${need.pledged} are already pledged: what is wanted can't be lower`);
  }
  const human = need.category === 'human';
  if (!human && body.skills !== undefined) throw badField('body.skills', 'Only a human need has skills', 'invalid_type');
  if (!human && body.shift !== undefined) throw badField('body.shift', 'Only a human need has a shift', 'invalid_type');
  let unit = need.unit;
  let unitLabel = need.unit_label;
  if (body.unit !== undefined) {
    if (need.category === 'financial') throw badField('body.unit', 'A money need is counted in dollars', 'invalid_type');
    if (human !== (typeof body.unit === 'string')) throw badField('body.unit', human ? 'Expected "hours" or "people"' : 'Expected the unit in French and English', 'invalid_type');
    if (typeof body.unit === 'string') {
      if (body.unit !== need.unit && need.pledged > 0) throw badField('body.unit', `${need.pledged} are already pledged in ${need.unit}: the unit can't change`, 'unit_pledged');
      unit = body.unit;
    } else unitLabel = body.unit;
  }
  if (body.shift && Date.parse(body.shift.endsAt) <= Date.parse(body.shift.startsAt)) throw badField('body.shift.endsAt', 'The shift must end after it starts', 'ends_before_start');
  // A closed need stays closed until reopened; an open one is filled or open again by its counts.
  const status = (body.status ?? need.status) === 'closed' ? 'closed' : needStatus(need.category, 'open', need.pledged, wanted);
  await q.query(
    `update needs set title = $2, description = $3, wanted = $4, status = $5, unit = $6, unit_label = $7, skills = $8,
                      shift_starts_at = $9, shift_ends_at = $10, deadline = $11 where id = $1`,
    [
      need.id,
      body.title ?? need.title,
      body.description === undefined ? need.description : body.description,
      wanted,
      status,
      unit,
      unitLabel,
      body.skills ? await storedSkills(q, body.skills) : need.skills,
      body.shift === undefined ? need.shift_starts_at : body.shift?.startsAt ?? null,
      body.shift === undefined ? need.shift_ends_at : body.shift?.endsAt ?? null,
      body.deadline === undefined ? need.deadline : body.deadline,
    ],
  );
  return readNeed(q, need.id);
}

/** Whether any pledge was ever made to the need, whatever its status now (held, withdrawn, declined and expired ones included). */
export async function hasPledges(q: Queryable, needId: string): Promise<boolean> {
  return (await q.query('select 1 from pledges where need_id = $1 limit 1', [needId])).length > 0;
}

const HAS_PLEDGES = {
  fr: 'Ce besoin a reçu des promesses : il ne peut pas être supprimé. Fermez-le plutôt (statut « fermé ») : il ne prendra plus de promesses, et celles reçues restent.',
  en: 'This need has pledges: it can’t be deleted. Close it instead (status “closed”): it takes no more pledges, and the ones received stay.',
} as const;

/**
 * A need deleted by its organization (API and workspace alike), only while no pledge was ever made
 * to it: a pledge is never lost, so a need with pledges is closed instead (409 saying so). A money
 * need waiting for review leaves its project's pending revision too. Recorded in the activity log.
 */
export async function deleteNeed(q: Queryable, key: ApiKey, id: string, o: { personId?: string | null; now: Date; lang?: 'fr' | 'en' }): Promise<void> {
  const need = await lockOwnNeed(q, key, id);
  if (!EDITABLE_STATUSES.includes(need.project_status)) {
    throw new ProblemError('invalid_state', `The needs of a ${need.project_status} project can no longer change`);
  }
  if (await hasPledges(q, id)) throw new ProblemError('conflict', o.lang === 'fr' ? frenchText(HAS_PLEDGES.fr) : HAS_PLEDGES.en);
  if (need.in_review) await dropFromRevision(q, need.project_id, id);
  await q.query('delete from needs where id = $1', [id]);
  const [project] = await q.query<{ organization_id: string; title: { fr: string } }>('select organization_id, title from projects where id = $1', [need.project_id]);
  await logActivity(q, { organizationId: project!.organization_id, personId: o.personId ?? null, action: 'need_deleted', subject: `${need.title.fr} (${project!.title.fr})`, now: o.now });
}
