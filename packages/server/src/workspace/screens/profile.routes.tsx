import { localizedInput, SafeUrl } from '@perron/contract';
import * as z from 'zod/mini';
import { logActivity } from '../../services/activity.ts';
import { getProfile, saveProfile } from '../../services/organization-profile.ts';
import { formInput, parseForm } from '../forms.ts';
import type { Screen } from '../index.tsx';
import { requireMember } from '../session.tsx';
import { ProfileView } from './profile.view.tsx';

/** The profile as the form sends it, with the contract's own pieces (texts, http(s) URLs). */
const Profile = z.object({ name: localizedInput(120), description: z.optional(localizedInput(2000)), website: z.optional(SafeUrl), logoUrl: z.optional(SafeUrl) });

/** An organization's public profile, French and English side by side, for its admins. */
export const profileScreen: Screen = (ws, node) => {
  const admin = requireMember('admin');

  ws.get('/o/:org/profile', admin, async (c) => {
    const profile = await getProfile(node.db, c.get('organization').organizationId);
    return c.render(<ProfileView profile={profile} />, { title: c.get('t').profile.title });
  });

  ws.post('/o/:org/profile', admin, async (c) => {
    const t = c.get('t');
    const org = c.get('organization');
    const input = await formInput(c);
    const parsed = parseForm(Profile, input, t);
    if (!parsed.ok) {
      c.status(422);
      return c.render(<ProfileView profile={input as never} errors={parsed.errors} />, { title: t.profile.title });
    }
    await node.db.tx(async (q) => {
      await saveProfile(q, org.organizationId, parsed.data);
      await logActivity(q, { organizationId: org.organizationId, personId: c.get('session')!.person.id, action: 'profile_edited', now: node.now() });
    });
    return c.redirect(`/workspace/o/${org.slug}/profile?done=profile_saved`, 303);
  });
};
