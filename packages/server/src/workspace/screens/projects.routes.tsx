import { NeedCreate, NeedUpdate, ProjectCreate, ProjectUpdate, type Need, type ProjectDetail } from '@perron/contract';
import { findProjectDetail, listProjectsQuery, toProject, type ProjectRow } from '../../db/queries/projects.ts';
import { listSkills } from '../../db/queries/skills.ts';
import type { NodeServices } from '../../handlers/types.ts';
import { ProblemError } from '../../http/problem.ts';
import { storeImage } from '../../services/images.ts';
import { createNeed, updateNeed } from '../../services/needs.ts';
import * as workflow from '../../services/project-workflow.ts';
import type { WorkspaceContext } from '../context.ts';
import { formInput, parseForm, type FormErrors } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { actingAs, requireMember } from '../session.tsx';
import { take, toCents, toList, toNumber, toTimestamp } from '../staff-forms.ts';
import { NewProjectView, ProjectsView, ProjectView, type ProjectFormValues } from './projects.view.tsx';

async function communities(node: NodeServices) {
  return node.db.query<{ slug: string; name: { fr: string; en?: string } }>('select slug, name from communities order by slug');
}

/** The node's other organizations, which a project may name as its partners. */
async function partnerChoices(node: NodeServices, c: WorkspaceContext) {
  return node.db.query<{ slug: string; name: string }>('select slug, name from organizations where id <> $1 order by name', [c.get('organization').organizationId]);
}

/** The form's partner rows (`partners.0.organization`) as the contract's list; a row without an organization is no partner. */
function partnersInput(input: Record<string, unknown>): void {
  const rows = input.partners as Record<string, { organization?: string; role?: string }> | undefined;
  input.partners = Object.keys(rows ?? {})
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => rows![k]!)
    .filter((row) => row.organization);
}

/** A ProblemError's field errors as the form names them (`body.endsOn` → `endsOn`), in the person's language where we know the code. */
function problemErrors(c: WorkspaceContext, error: ProblemError): FormErrors | null {
  if (error.code !== 'validation_failed' || !error.extra.errors) return null;
  const t = c.get('t');
  const known = t.staffErrors as Record<string, string>;
  return Object.fromEntries(error.extra.errors.map((e) => [e.path.replace(/^body\./, ''), known[e.code] ?? t.errors.fallback]));
}

/** The posted project form, with its image (uploaded: stored and stripped first) as the contract wants it. */
async function projectInput(c: WorkspaceContext, node: NodeServices): Promise<{ input: Record<string, unknown>; errors: FormErrors }> {
  const input = await formInput(c);
  const errors: FormErrors = {};
  const file = take(input, 'image.file');
  const image = (input.image ?? {}) as { url?: string; alt?: unknown };
  if (file instanceof File && file.size > 0) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      image.url = (await node.db.tx((q) => storeImage(q, node.baseUrl, c.get('organization').organizationId, bytes))).url;
    } catch {
      errors['image.file'] = c.get('t').staffErrors.image;
    }
  }
  if (image.url && !image.alt) errors['image.alt.fr'] = c.get('t').staffErrors.alt;
  if (image.url || image.alt) input.image = image;
  else delete input.image;
  partnersInput(input);
  // A whole number of people, or nothing (no threshold); anything else is said at the field, as typed.
  const threshold = input.crowdfundingThreshold;
  if (typeof threshold === 'string') {
    if (/^\s*\d{1,6}\s*$/.test(threshold)) input.crowdfundingThreshold = Number(threshold);
    else errors.crowdfundingThreshold = c.get('t').projects.field.thresholdError;
  }
  return { input, errors };
}

/** The threshold's own words where the schema refused it (0, or too many). */
function thresholdErrors(c: WorkspaceContext, errors: FormErrors): FormErrors {
  if (errors.crowdfundingThreshold) errors.crowdfundingThreshold = c.get('t').projects.field.thresholdError;
  return errors;
}

const formValues = (p: ProjectDetail): ProjectFormValues => ({
  title: p.title,
  summary: p.summary,
  description: p.description,
  communities: p.communities,
  themes: p.themes,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  crowdfundingThreshold: p.crowdfunding?.threshold ?? null,
  image: p.image,
  partners: p.partners.map((x) => ({ organization: x.organization.slug, role: x.role, ...(x.status ? { status: x.status } : {}) })),
});

/** The posted need form as NeedCreate: its category's fields only; money in dollars → cents; a shift from a day and two times. */
function needInput(input: Record<string, unknown>): Record<string, unknown> {
  const category = input.category;
  const out: Record<string, unknown> = { category, title: input.title };
  if (input.deadline !== undefined) out.deadline = input.deadline;
  if (category === 'financial') out.wanted = toCents(input.wanted);
  else out.wanted = toNumber(input.wanted);
  if (category === 'material') out.unit = input.unitLabel;
  if (category === 'human') {
    out.unit = input.unit;
    const skills = skillsInput(input);
    if (skills.length) out.skills = skills;
    const shift = shiftInput(input.shift);
    if (shift) out.shift = shift;
  }
  return out;
}

/** The skills ticked (codes of the taxonomy) and those typed, comma-separated, after them. */
function skillsInput(posted: Record<string, unknown>): unknown[] {
  const ticked = posted.skills;
  const typed = toList(posted.skillsOther ?? '');
  return [...(Array.isArray(ticked) ? ticked : ticked === undefined ? [] : [ticked]), ...(Array.isArray(typed) ? typed : [typed])];
}

/** The shift fields (a day, and start and end hours in Montréal: "9", "9:30") → the contract's shift; none without a day. */
function shiftInput(posted: unknown): { startsAt: string | undefined; endsAt: string | undefined } | undefined {
  const shift = posted as { day?: string; from?: string; to?: string } | undefined;
  if (!shift?.day) return undefined;
  const hm = (v: string | undefined) => (v && /^\d{1,2}(:\d{2})?$/.test(v) ? (v.includes(':') ? v.padStart(5, '0') : `${v.padStart(2, '0')}:00`) : undefined);
  return { startsAt: toTimestamp(shift.day, hm(shift.from)), endsAt: toTimestamp(shift.day, hm(shift.to)) };
}

/** A need's edit form → the contract's update: the fields its category has. */
function needUpdateInput(need: Need, posted: Record<string, unknown>): Record<string, unknown> {
  // French left blank is an error at its field, not "leave the name as it was".
  const typed = (posted.title ?? {}) as { fr?: string; en?: string };
  const body: Record<string, unknown> = { title: { ...typed, fr: typed.fr ?? '' }, wanted: need.category === 'financial' ? toCents(posted.wanted) : toNumber(posted.wanted), status: posted.status };
  // The deadline is on every need's form: left blank (not posted), there is none.
  body.deadline = posted.deadline ?? null;
  // Blank fields are not posted: a human need's unit (a select, always sent by the form) says its
  // skills and shift were on the form, so that blank ones mean "none", not "unchanged".
  if (need.category === 'human' && posted.unit !== undefined) Object.assign(body, { unit: posted.unit, skills: skillsInput(posted), shift: shiftInput(posted.shift) ?? null });
  if (need.category === 'material' && posted.unitLabel !== undefined) body.unit = posted.unitLabel;
  return body;
}

/** A posted form's nested values by their field names again (`title.fr`), as the view reads them. */
function flatten(o: Record<string, unknown>, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  // A list (the skills ticked) stays one value.
  for (const [k, v] of Object.entries(o)) typeof v === 'object' && v !== null && !Array.isArray(v) ? flatten(v as Record<string, unknown>, `${prefix}${k}.`, into) : (into[`${prefix}${k}`] = v);
  return into;
}

/** Where the contract names a need's field, and where the form has it. */
const needFieldOf = (path: string) => path.replace(/^skills\.\d+$/, 'skillsOther').replace(/^unit\.(fr|en)$/, 'unitLabel.$1').replace(/^shift(\.startsAt)?$/, 'shift.day').replace(/^shift\.endsAt$/, 'shift.to');

/** Projects: the list with what needs doing, the guided form (draft at any time), needs inline, submit, complete, cancel. */
export const projectsScreen: Screen = (ws, node) => {
  const title = (c: WorkspaceContext) => c.get('t').projects.title;

  ws.get('/o/:org/projects', requireMember('editor'), async (c) => {
    const org = c.get('organization');
    const { sql, values } = listProjectsQuery({ organization: org.slug }, actingAs(c, 'organization'), 100);
    const projects = (await node.db.query<ProjectRow>(sql, values)).map((r) => toProject(r, node.baseUrl));
    const pending: Record<string, number> = {};
    for (const row of await node.db.query<{ project_id: string; n: number }>(
      `select pl.project_id, count(*) as n from pledges pl join projects p on p.id = pl.project_id where p.organization_id = $1 and pl.status = 'pending' group by pl.project_id`,
      [org.organizationId],
    ))
      pending[row.project_id] = Number(row.n);
    return c.render(<ProjectsView projects={projects} pending={pending} />, { title: title(c) });
  });

  ws.get('/o/:org/projects/new', requireMember('editor'), async (c) => c.render(<NewProjectView values={{}} communities={await communities(node)} organizations={await partnerChoices(node, c)} />, { title: c.get('t').projects.newTitle }));

  ws.post('/o/:org/projects', requireMember('editor'), async (c) => {
    const org = c.get('organization');
    const { input, errors } = await projectInput(c, node);
    const parsed = parseForm(ProjectCreate, input, c.get('t'));
    const all = thresholdErrors(c, { ...(parsed.ok ? {} : parsed.errors), ...errors });
    if (parsed.ok && !Object.keys(errors).length) {
      try {
        const id = await node.db.tx((q) => workflow.createProject(q, node, actingAs(c, 'organization'), parsed.data));
        return c.redirect(`/workspace/o/${org.slug}/projects/${id}?done=draft_saved`, 303);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        Object.assign(all, problemErrors(c, error));
      }
    }
    c.status(422);
    return c.render(<NewProjectView values={input as ProjectFormValues} errors={all} communities={await communities(node)} organizations={await partnerChoices(node, c)} />, { title: c.get('t').projects.newTitle });
  });

  const load = async (c: WorkspaceContext) => {
    const project = await findProjectDetail(node.db, c.req.param('id')!, node.baseUrl, actingAs(c, 'organization'));
    return project && project.organization.id === c.get('organization').organizationId ? project : null;
  };

  ws.get('/o/:org/projects/:id', requireMember('editor'), async (c) => {
    const project = await load(c);
    if (!project) return c.notFound();
    return c.render(<ProjectView project={project} values={formValues(project)} communities={await communities(node)} organizations={await partnerChoices(node, c)} skills={await listSkills(node.db)} />, { title: title(c) });
  });

  ws.post('/o/:org/projects/:id', requireMember('editor'), async (c) => {
    const org = c.get('organization');
    const project = await load(c);
    if (!project) return c.notFound();
    const { input, errors } = await projectInput(c, node);
    if (!input.description) input.description = undefined;
    // Left empty, the threshold is removed: the money needs open.
    if (input.crowdfundingThreshold === undefined) input.crowdfundingThreshold = null;
    const parsed = parseForm(ProjectUpdate, input, c.get('t'));
    const all = thresholdErrors(c, { ...(parsed.ok ? {} : parsed.errors), ...errors });
    if (parsed.ok && !Object.keys(errors).length) {
      try {
        const { queued } = await node.db.tx((q) => workflow.updateProject(q, node, actingAs(c, 'organization'), project.id, parsed.data));
        return c.redirect(`/workspace/o/${org.slug}/projects/${project.id}?done=${queued ? 'sent_for_review' : 'draft_saved'}`, 303);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        Object.assign(all, problemErrors(c, error) ?? { form: c.get('t').staffErrors.not_possible });
      }
    }
    c.status(422);
    return c.render(<ProjectView project={project} values={input as ProjectFormValues} errors={all} communities={await communities(node)} organizations={await partnerChoices(node, c)} skills={await listSkills(node.db)} />, { title: title(c) });
  });

  for (const [move, done] of [['submit', 'submitted'], ['complete', 'completed'], ['cancel', 'project_cancelled']] as const) {
    ws.post(`/o/:org/projects/:id/${move}`, requireMember('editor'), async (c) => {
      const org = c.get('organization');
      const id = c.req.param('id')!;
      try {
        await node.db.tx((q) => workflow.transition(q, actingAs(c, 'organization'), id, move, node.now()));
      } catch (error) {
        if (error instanceof ProblemError && error.code === 'invalid_state') return c.redirect(`/workspace/o/${org.slug}/projects/${id}?done=not_possible`, 303);
        if (error instanceof ProblemError && error.code === 'not_found') return c.notFound();
        throw error;
      }
      return c.redirect(`/workspace/o/${org.slug}/projects/${id}?done=${done}`, 303);
    });
  }

  ws.post('/o/:org/projects/:id/needs', requireMember('editor'), async (c) => {
    const org = c.get('organization');
    const project = await load(c);
    if (!project) return c.notFound();
    const raw = await formInput(c);
    const parsed = parseForm(NeedCreate, needInput(raw), c.get('t'));
    let errors: FormErrors = {};
    if (parsed.ok) {
      try {
        await node.db.tx((q) => createNeed(q, actingAs(c, 'organization'), project.id, parsed.data));
        return c.redirect(`/workspace/o/${org.slug}/projects/${project.id}?done=need_saved#needs`, 303);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        errors = problemErrors(c, error) ?? { category: c.get('t').staffErrors.not_possible };
      }
    } else errors = parsed.errors;
    if (errors.deadline) errors.deadline = c.get('t').needs.field.deadlineError;
    // The material unit is `unit` in the contract, `unitLabel` on the form.
    errors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^skills\.\d+$/, 'skillsOther').replace(/^unit\.(fr|en)$/, 'unitLabel.$1').replace(/^unit$/, raw.category === 'material' ? 'unitLabel.fr' : 'unit'), v]));
    c.status(422);
    return c.render(<ProjectView project={project} values={formValues(project)} needErrors={errors} needValues={flatten(raw)} communities={await communities(node)} organizations={await partnerChoices(node, c)} skills={await listSkills(node.db)} />, { title: title(c) });
  });

  // One need edited in place through the API's own update (same rules): name, what is wanted, open or closed.
  ws.post('/o/:org/projects/:id/needs/:needId', requireMember('editor'), async (c) => {
    const org = c.get('organization');
    const t = c.get('t');
    const project = await load(c);
    const need = project?.needs.find((n) => n.id === c.req.param('needId'));
    if (!project || !need) return c.notFound();
    const raw = await formInput(c);
    const posted = (raw[need.id] ?? {}) as Record<string, unknown>;
    const parsed = parseForm(NeedUpdate, needUpdateInput(need, posted), t);
    let errors: FormErrors;
    if (parsed.ok) {
      try {
        await node.db.tx((q) => updateNeed(q, actingAs(c, 'organization'), need.id, parsed.data));
        const done = parsed.data.status === 'closed' && need.status !== 'closed' ? 'need_closed' : 'need_saved';
        return c.redirect(`/workspace/o/${org.slug}/projects/${project.id}?done=${done}#needs`, 303);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        if (error.code === 'invalid_state' && workflow.EDITABLE_STATUSES.includes(project.status)) {
          const f = new Intl.NumberFormat(c.get('lang') === 'en' ? 'en-CA' : 'fr-CA', need.category === 'financial' ? { style: 'currency', currency: 'CAD' } : {});
          errors = { wanted: t.needs.below_pledged(f.format(need.category === 'financial' ? need.pledged / 100 : need.pledged)) };
        } else errors = problemErrors(c, error) ?? { wanted: t.staffErrors.not_possible };
      }
    } else errors = parsed.errors;
    if (errors.deadline) errors.deadline = t.needs.field.deadlineError;
    // The fields are named after the need on the form (`<id>.title.fr`), so are its errors; what was typed is shown again.
    const editErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${need.id}.${needFieldOf(k)}`, v]));
    const editValues = flatten(posted, `${need.id}.`);
    c.status(422);
    return c.render(<ProjectView project={project} values={formValues(project)} editErrors={editErrors} editValues={editValues} communities={await communities(node)} organizations={await partnerChoices(node, c)} skills={await listSkills(node.db)} />, { title: title(c) });
  });
};
