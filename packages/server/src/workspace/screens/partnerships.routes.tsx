import { Id } from '@perron/contract';
import * as z from 'zod/mini';
import { decidePartnership, listPartnerships } from '../../services/partnerships.ts';
import { formInput, parseForm } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { refuse, requireMember } from '../session.tsx';
import { PartnershipsView } from './partnerships.view.tsx';

const Answer = z.object({ project: Id, answer: z.enum(['accepted', 'declined']) });

/** The projects that name this organization as a partner: its staff accept (it goes public) or decline. */
export const partnershipsScreen: Screen = (ws, node) => {
  const editor = requireMember('editor');

  ws.get('/o/:org/partnerships', editor, async (c) =>
    c.render(<PartnershipsView partnerships={await listPartnerships(node.db, c.get('organization').organizationId)} />, { title: c.get('t').partnerships.title }),
  );

  ws.post('/o/:org/partnerships', editor, async (c) => {
    const org = c.get('organization');
    const parsed = parseForm(Answer, await formInput(c), c.get('t'));
    if (!parsed.ok) return refuse(c, 404);
    await node.db.tx((q) => decidePartnership(q, node, org.organizationId, parsed.data.project, parsed.data.answer, c.get('session')!.person.id));
    return c.redirect(`/workspace/o/${org.slug}/partnerships?done=partnership_${parsed.data.answer}`, 303);
  });
};
