export { createClient, type PerronClient, type WithOrigin } from './client.ts';
export type { CallOptions } from './http.ts';
export type { ClientOptions } from './options.ts';
export type { List, NodeError, Page } from './pagination.ts';
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
