import { activityHandlers } from './activity.ts';
import { directoryHandlers } from './directory.ts';
import { communitiesHandlers } from './communities.ts';
import { eventsHandlers } from './events.ts';
import { followsHandlers } from './follows.ts';
import { oembedHandlers } from './oembed.ts';
import { ideasHandlers } from './ideas.ts';
import { impactHandlers } from './impact.ts';
import { imagesHandlers } from './images.ts';
import { needsHandlers } from './needs.ts';
import { nodeHandlers } from './node.ts';
import { organizationsHandlers } from './organizations.ts';
import { partnershipsHandlers } from './partnerships.ts';
import { pledgesHandlers } from './pledges.ts';
import { projectsHandlers } from './projects.ts';
import { revisionsHandlers } from './revisions.ts';
import { supportsHandlers } from './supports.ts';
import { webhooksHandlers } from './webhooks.ts';
import type { Handlers } from './types.ts';

/**
 * The implementation of every route of the contract, one module per resource.
 * A test asserts that no route of the contract is left without one.
 */
export const handlers: Partial<Handlers> = {
  ...nodeHandlers,
  ...communitiesHandlers,
  ...organizationsHandlers,
  ...projectsHandlers,
  ...supportsHandlers,
  ...needsHandlers,
  ...pledgesHandlers,
  ...eventsHandlers,
  ...ideasHandlers,
  ...impactHandlers,
  ...followsHandlers,
  ...oembedHandlers,
  ...imagesHandlers,
  ...activityHandlers,
  ...directoryHandlers,
  ...revisionsHandlers,
  ...webhooksHandlers,
  ...partnershipsHandlers,
};
