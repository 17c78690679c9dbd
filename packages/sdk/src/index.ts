export { createClient, type PerronClient } from './client.ts';
export { createCore, type ListItem, type PerronCore, type WithOrigin } from './core.ts';
export type { Order } from './orders.ts';
export { newIdempotencyKey, type Answer, type CallOptions, type RouteInput } from './http.ts';
export type { ClientOptions } from './options.ts';
export type { List, NodeError, Page } from './pagination.ts';
// One function per call, taking a core first: a bundle carries only the calls it imports.
export * from './resources/communities.ts';
export * from './resources/directory.ts';
export * from './resources/events.ts';
export * from './resources/ideas.ts';
export * from './resources/images.ts';
export * from './resources/impact.ts';
export * from './resources/needs.ts';
export * from './resources/node.ts';
export * from './resources/organizations.ts';
export * from './resources/pledges.ts';
export * from './resources/projects.ts';
export * from './resources/revisions.ts';
export * from './resources/supports.ts';
export * from './resources/webhooks.ts';
export * from './resources/partnerships.ts';
export {
  AuthError,
  ConflictError,
  isPerronError,
  NetworkError,
  NotFoundError,
  PerronError,
  RateLimitError,
  ResponseError,
  ServerError,
  TimeoutError,
  ValidationError,
  type ClientErrorCode,
  type PerronErrorName,
} from './errors.ts';
