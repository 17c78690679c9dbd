import type { Screen } from '../index.tsx';
import { activityScreen } from './activity.routes.tsx';
import { contestsScreen } from './contests.routes.tsx';
import { curationScreen } from './curation.routes.tsx';
import { eventsScreen } from './events.routes.tsx';
import { followsScreen } from './follows.routes.tsx';
import { homeScreen } from './home.routes.tsx';
import { ideasScreen } from './ideas.routes.tsx';
import { importsScreen } from './imports.routes.tsx';
import { inboxScreen } from './inbox.routes.tsx';
import { keysScreen } from './keys.routes.tsx';
import { needDeleteScreen } from './need-delete.routes.tsx';
import { partnershipsScreen } from './partnerships.routes.tsx';
import { profileScreen } from './profile.routes.tsx';
import { projectsScreen } from './projects.routes.tsx';
import { servicesScreen } from './services.routes.tsx';
import { signInScreen } from './sign-in.routes.tsx';
import { teamScreen } from './team.routes.tsx';
import { webhooksScreen } from './webhooks.routes.tsx';

/** Every screen of the workspace, in the order their routes are tried. Add yours here. */
// The inbox first: its middleware counts what waits, for the navigation of every organization page.
export const SCREENS: Screen[] = [signInScreen, inboxScreen, homeScreen, teamScreen, keysScreen, webhooksScreen, profileScreen, activityScreen, curationScreen, ideasScreen, contestsScreen, importsScreen, followsScreen, projectsScreen, needDeleteScreen, eventsScreen, servicesScreen, partnershipsScreen];
