import type { Screen } from '../index.tsx';
import { requireMember, requireSignIn } from '../session.tsx';
import { HomeView, OrgHomeView } from './home.view.tsx';

/** The workspace's home (the person's organizations and communities) and each organization's home. */
export const homeScreen: Screen = (ws) => {
  ws.get('/', requireSignIn, (c) => {
    const session = c.get('session')!;
    // One organization and nothing else: straight to it.
    if (session.memberships.length === 1 && !session.curatorships.length) return c.redirect(`/workspace/o/${session.memberships[0]!.slug}`, 303);
    return c.render(<HomeView session={session} />, { title: c.get('t').home.title });
  });

  ws.get('/o/:org', requireMember('editor'), (c) => c.render(<OrgHomeView />, { title: c.get('organization').name }));
};
