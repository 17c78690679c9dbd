import { Id, ProjectReject, RevisionReject, type ProjectDetail, type Revision } from '@perron/contract';
import { eventRow, toEvent } from '../../db/queries/events.ts';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { contestsForCurator } from '../../services/contest-results.ts';
import { ideasInReview } from '../../services/idea-moderation.ts';
import { decide, projectForCurator, projectsInCommunity, type Decision } from '../../services/curation.ts';
import type { WorkspaceEnv } from '../context.ts';
import { formInput, parseForm } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { actingAs, refuse, requireCurator } from '../session.tsx';
import { STRINGS } from '../strings/index.ts';
import { pick } from '../views/format.ts';
import { ProjectReview, QueueView } from './curation.view.tsx';
import { decideRevision, getRevision, listRevisions } from '../../services/revisions.ts';
import { RevisionReview } from './revision.view.tsx';
import { ProblemError } from '../../http/problem.ts';

const Path = z.object({ id: Id });

/** A community's curator queue: submitted projects to approve or reject, published ones to hide. */
export const curationScreen: Screen = (ws, node) => {
  ws.get('/c/:community', requireCurator, async (c) => {
    const key = actingAs(c, 'curator');
    const slug = c.get('community').slug;
    const submitted = (await projectsInCommunity(node.db, key, slug, 'submitted', node.baseUrl)).reverse();
    const published = await projectsInCommunity(node.db, key, slug, 'published', node.baseUrl);
    const { items: revisions } = await listRevisions(node.db, key, { community: slug, limit: 100 });
    const ideas = await ideasInReview(node.db, key);
    const contests = await contestsForCurator(node.db, key, node.now());
    return c.render(<QueueView submitted={submitted} published={published} revisions={revisions} ideas={ideas} contests={contests} />, { title: c.get('t').curation.title(pick(c.get('community').name, c.get('lang'))) });
  });

  ws.get('/c/:community/projects/:id', requireCurator, async (c) => {
    const parsed = z.safeParse(Path, { id: c.req.param('id') });
    const project = parsed.success ? await projectForCurator(node.db, actingAs(c, 'curator'), parsed.data.id, node.baseUrl) : null;
    if (!project) return refuse(c, 404);
    return c.render(<ProjectReview project={project} />, { title: pick(project.title, c.get('lang')) });
  });

  const act = (move: Decision['move']) => async (c: Context<WorkspaceEnv>) => {
    const t = c.get('t');
    const parsedId = z.safeParse(Path, { id: c.req.param('id') });
    if (!parsedId.success) return refuse(c, 404);
    const id = parsedId.data.id;
    const key = actingAs(c, 'curator');
    const base = `/workspace/c/${c.get('community').slug}`;
    let decision: Decision = { move } as Decision;
    if (move === 'reject') {
      const input = await formInput(c);
      const parsed = parseForm(ProjectReject, { reason: input.reason }, t);
      if (!parsed.ok) {
        const project = await projectForCurator(node.db, key, id, node.baseUrl);
        if (!project) return refuse(c, 404);
        c.status(422);
        return c.render(<ProjectReview project={project} errors={parsed.errors} reason={input.reason as string} />, { title: pick(project.title, c.get('lang')) });
      }
      decision = { move, reason: parsed.data.reason };
    }
    await node.db.tx((q) =>
      decide(q, node, key, c.get('session')!.person.id, id, decision, (project, to) => node.mailer.send(decisionMail(project, decision, to, node.baseUrl), q)),
    );
    const done = move === 'publish' ? 'approved' : move === 'reject' ? 'rejected' : 'hidden';
    return c.redirect(`${base}?done=${done}`, 303);
  };
  // Changes to public items: the diff, then approve or reject with a reason (emailed to the organization).
  const revision = async (c: Context<WorkspaceEnv>) => {
    const parsed = z.safeParse(Path, { id: c.req.param('id') });
    if (!parsed.success) return null;
    try {
      return await getRevision(node.db, actingAs(c, 'curator'), parsed.data.id);
    } catch (error) {
      if (error instanceof ProblemError && error.code === 'not_found') return null;
      throw error;
    }
  };
  /** A new event's dates and place, which its review shows beside the fields it will publish. */
  const newEvent = async (r: Revision) => {
    if (!r.newItem || r.subject !== 'event') return undefined;
    const row = await eventRow(node.db, r.subjectId);
    return row && toEvent(row, node.baseUrl);
  };
  ws.get('/c/:community/revisions/:id', requireCurator, async (c) => {
    const r = await revision(c);
    if (!r) return refuse(c, 404);
    return c.render(<RevisionReview revision={r} event={await newEvent(r)} />, { title: (r.newItem ? c.get('t').newItem.title : c.get('t').curation.revisionTitle)(pick(r.subjectTitle, c.get('lang'))) });
  });
  const decideChanges = (approve: boolean) => async (c: Context<WorkspaceEnv>) => {
    const r = await revision(c);
    if (!r) return refuse(c, 404);
    const t = c.get('t');
    let reason = '';
    if (!approve) {
      const input = await formInput(c);
      const parsed = parseForm(RevisionReject, { reason: input.reason }, t);
      if (!parsed.ok) {
        c.status(422);
        return c.render(<RevisionReview revision={r} event={await newEvent(r)} errors={parsed.errors} reason={input.reason as string} />, { title: (r.newItem ? t.newItem.title : t.curation.revisionTitle)(pick(r.subjectTitle, c.get('lang'))) });
      }
      reason = parsed.data.reason;
    }
    await node.db.tx((q) => decideRevision(q, node, actingAs(c, 'curator'), r.id, approve ? { approve: true } : { approve: false, reason }, c.get('session')!.person.id));
    return c.redirect(`/workspace/c/${c.get('community').slug}?done=${approve ? 'changes_approved' : 'changes_rejected'}`, 303);
  };
  ws.post('/c/:community/revisions/:id/approve', requireCurator, decideChanges(true));
  ws.post('/c/:community/revisions/:id/reject', requireCurator, decideChanges(false));
  ws.post('/c/:community/projects/:id/approve', requireCurator, act('publish'));
  ws.post('/c/:community/projects/:id/reject', requireCurator, act('reject'));
  ws.post('/c/:community/projects/:id/hide', requireCurator, act('hide'));
};

/** The decision, to one of the organization's staff: their language first, then the other. */
function decisionMail(project: ProjectDetail, decision: Decision, to: { email: string; lang: 'fr' | 'en' }, baseUrl: string) {
  const url = `${baseUrl}/workspace/o/${project.organization.slug}`;
  const texts = (to.lang === 'en' ? ['en', 'fr'] : ['fr', 'en']) as ('fr' | 'en')[];
  const part = (lang: 'fr' | 'en') => {
    const k = STRINGS[lang].curation;
    const title = pick(project.title, lang);
    return decision.move === 'reject'
      ? { subject: k.mailRejected(title), text: k.mailRejectedBody(title, decision.reason, url) }
      : { subject: k.mailApproved(title), text: k.mailApprovedBody(title, url) };
  };
  const [a, b] = texts.map(part) as [{ subject: string; text: string }, { subject: string; text: string }];
  return { to: to.email, subject: `${a.subject} / ${b.subject}`, text: `${a.text}\n---\n\n${b.text}` };
}
