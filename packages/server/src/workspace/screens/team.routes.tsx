import { Email, Id, text } from '@perron/contract';
import * as z from 'zod/mini';
import { logActivity } from '../../services/activity.ts';
import { ensurePerson, listMembers, removeMember, setMembership } from '../../services/people.ts';
import { formInput, parseForm } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { requireMember } from '../session.tsx';
import { STRINGS } from '../strings/index.ts';
import { TeamView } from './team.view.tsx';

const Invite = z.object({ email: Email, name: z.optional(text(100)), role: z.enum(['admin', 'editor']) });
const Remove = z.object({ person: Id });

/** An organization's team, for its admins: invite by email, remove members. */
export const teamScreen: Screen = (ws, node) => {
  const admin = requireMember('admin');

  ws.get('/o/:org/team', admin, async (c) => {
    const members = await listMembers(node.db, c.get('organization').organizationId);
    return c.render(<TeamView members={members} />, { title: c.get('t').team.title });
  });

  ws.post('/o/:org/team/invite', admin, async (c) => {
    const t = c.get('t');
    const org = c.get('organization');
    const session = c.get('session')!;
    const input = await formInput(c);
    const parsed = parseForm(Invite, input, t);
    if (!parsed.ok) {
      c.status(422);
      return c.render(<TeamView members={await listMembers(node.db, org.organizationId)} errors={parsed.errors} values={input} />, { title: t.team.title });
    }
    const { email, name, role } = parsed.data;
    await node.db.tx(async (q) => {
      const person = await ensurePerson(q, { email, name, lang: c.get('lang') });
      await setMembership(q, person.id, org.organizationId, role);
      await logActivity(q, { organizationId: org.organizationId, personId: session.person.id, action: 'member_added', subject: `${person.email} (${role})`, now: node.now() });
      // In the invitee's language when known, else both; only the inviter's name and the organization's: no text typed for them.
      const by = session.person.name ?? session.person.email;
      const url = `${node.baseUrl}/workspace/sign-in`;
      const [first, second] = person.lang === 'en' ? [STRINGS.en, STRINGS.fr] : [STRINGS.fr, STRINGS.en];
      await node.mailer.send(
        {
          to: person.email,
          subject: `${first.team.mailSubject(org.name)} / ${second.team.mailSubject(org.name)}`,
          text: `${first.team.mailBody(org.name, by, `${url}?lang=${first === STRINGS.en ? 'en' : 'fr'}`)}\n---\n\n${second.team.mailBody(org.name, by, `${url}?lang=${second === STRINGS.en ? 'en' : 'fr'}`)}`,
        },
        q,
      );
    });
    return c.redirect(`/workspace/o/${org.slug}/team?done=invited`, 303);
  });

  ws.post('/o/:org/team/remove', admin, async (c) => {
    const org = c.get('organization');
    const parsed = parseForm(Remove, await formInput(c), c.get('t'));
    if (!parsed.ok) return c.redirect(`/workspace/o/${org.slug}/team`, 303);
    const outcome = await node.db.tx(async (q) => {
      const person = (await listMembers(q, org.organizationId)).find((m) => m.personId === parsed.data.person);
      const done = await removeMember(q, org.organizationId, parsed.data.person);
      if (done === 'removed') await logActivity(q, { organizationId: org.organizationId, personId: c.get('session')!.person.id, action: 'member_removed', subject: person?.email, now: node.now() });
      return done;
    });
    return c.redirect(`/workspace/o/${org.slug}/team${outcome === 'last_admin' ? '?done=last_admin' : outcome === 'removed' ? '?done=removed' : ''}`, 303);
  });
};
