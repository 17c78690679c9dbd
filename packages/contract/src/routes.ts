import type * as z from 'zod/mini';
import type { Schema } from './route.ts';
import { activityRoutes } from './routes/activity.ts';
import { communityRoutes } from './routes/communities.ts';
import { directoryRoutes } from './routes/directory.ts';
import { eventRoutes } from './routes/events.ts';
import { followRoutes } from './routes/follows.ts';
import { oembedRoutes } from './routes/oembed.ts';
import { ideaRoutes } from './routes/ideas.ts';
import { impactRoutes } from './routes/impact.ts';
import { imageRoutes } from './routes/images.ts';
import { needRoutes } from './routes/needs.ts';
import { nodeRoutes } from './routes/node.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { partnershipRoutes } from './routes/partnerships.ts';
import { pledgeRoutes } from './routes/pledges.ts';
import { projectRoutes } from './routes/projects.ts';
import { revisionRoutes } from './routes/revisions.ts';
import { supportRoutes } from './routes/supports.ts';
import { webhookRoutes } from './routes/webhooks.ts';

export { fillPath, type Route } from './route.ts';
export { activityRoutes, communityRoutes, directoryRoutes, eventRoutes, followRoutes, oembedRoutes, ideaRoutes, impactRoutes, imageRoutes, needRoutes, nodeRoutes, organizationRoutes, partnershipRoutes, pledgeRoutes, projectRoutes, revisionRoutes, supportRoutes, webhookRoutes };

/**
 * Every route of a node's API. The server's validation, the SDK and OpenAPI all derive from it.
 * Written by resource in routes/, so that a browser bundle that reads the groups (`projectRoutes`)
 * keeps only the routes, and schemas, it calls.
 */
export const routes = {
  ...nodeRoutes,
  ...communityRoutes,
  ...organizationRoutes,
  ...projectRoutes,
  ...partnershipRoutes,
  ...supportRoutes,
  ...needRoutes,
  ...pledgeRoutes,
  ...eventRoutes,
  ...ideaRoutes,
  ...impactRoutes,
  ...followRoutes,
  ...oembedRoutes,
  ...activityRoutes,
  ...directoryRoutes,
  ...imageRoutes,
  ...revisionRoutes,
  ...webhookRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

type Out<S> = S extends Schema ? z.output<S> : undefined;
type In<S> = S extends Schema ? z.input<S> : undefined;
export type RouteParams<N extends RouteName> = In<Routes[N]['params']>;
export type RouteQuery<N extends RouteName> = In<Routes[N]['query']>;
export type RouteBody<N extends RouteName> = In<Routes[N]['body']>;
export type RouteResponse<N extends RouteName> = Out<Routes[N]['response']>;
