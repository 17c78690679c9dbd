import { Id, ProjectReject, type ProjectDetail } from '@perron/contract';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { decide, projectForCurator, projectsInCommunity, type Decision } from '../../services/curation.ts';
import type { WorkspaceEnv } from '../context.ts';
import { formInput, parseForm } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { actingAs, refuse, requireCurator } from '../session.tsx';
import { STRINGS } from '../strings/index.ts';
import { pick } from '../views/format.ts';
import { ProjectReview, QueueView } from './curation.view.tsx';

const Path = z.object({ id: Id });

/** A community's curator queue: submitted projects to approve or reject, published ones to hide. */
export const curationScreen: Screen = (ws, node) => {
  ws.get('/c/:community', requireCurator, async (c) => {
    const key = actingAs(c, 'curator');
    const slug = c.get('community').slug;
    const submitted = (await projectsInCommunity(node.db, key, slug, 'submitted', node.baseUrl)).reverse();
    const published = await projectsInCommunity(node.db, key, slug, 'published', node.baseUrl);
    return c.render(<QueueView submitted={submitted} published={published} />, { title: c.get('t').curation.title(pick(c.get('community').name, c.get('lang'))) });
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
