import { ActivityCollectionQuery, ActivityEvents, ActivityProjects } from '../activity.ts';
import { route } from '../route.ts';

/** The node's public lists as ActivityStreams 2.0 collections (read-only JSON-LD, `application/activity+json`). */
export const activityRoutes = {
  activityProjects: route({ method: 'GET', path: '/v1/activitystreams/projects', tag: 'federation', summary: 'Published projects as an ActivityStreams OrderedCollection of Page objects, newest first', query: ActivityCollectionQuery, response: ActivityProjects, format: 'activity' }),
  activityEvents: route({ method: 'GET', path: '/v1/activitystreams/events', tag: 'federation', summary: 'Coming events as an ActivityStreams OrderedCollection of Event objects, soonest first', query: ActivityCollectionQuery, response: ActivityEvents, format: 'activity' }),
} as const;
