import type { FieldError, Problem } from '@perron/contract';

// A registry symbol is the same in every bundle, so a second copy of the SDK on the page
// (an embed and the host's own script) still recognizes these errors.
const BRAND = Symbol.for('perron.error');

/** Codes of failures that happen before or instead of a problem+json answer. */
export type ClientErrorCode = 'network' | 'timeout' | 'invalid_response';

export interface ErrorInit {
  status: number;
  code: Problem['code'] | ClientErrorCode;
  requestId?: string | undefined;
  problem?: Problem | undefined;
  cause?: unknown;
}

/** Every error the SDK throws; branch on `code` (stable), or on the class. */
export class PerronError extends Error {
  readonly [BRAND] = true;
  // Names are written out: a minifier renames classes, and the guard compares names across bundles.
  override name: PerronErrorName = 'PerronError';
  /** HTTP status, or 0 when no answer came (network, timeout). */
  readonly status: number;
  readonly code: ErrorInit['code'];
  readonly requestId: string | undefined;
  /** The node's problem+json details, redacted like the message. */
  readonly problem: Problem | undefined;

  constructor(message: string, init: ErrorInit) {
    super(redact(message), init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.problem = init.problem && redactProblem(init.problem);
  }
}

/** 400: the request, or the options, break the contract; `fields` names each bad value. */
export class ValidationError extends PerronError {
  override name = 'ValidationError' as const;
  readonly fields: FieldError[];
  constructor(message: string, init: ErrorInit & { fields?: FieldError[] }) {
    super(message, init);
    this.fields = (init.fields ?? []).map((f) => ({ ...f, message: redact(f.message) }));
  }
}
/** 401 or 403: no key, a wrong key, or a key that may not do this. */
export class AuthError extends PerronError {
  override name = 'AuthError' as const;
}
export class NotFoundError extends PerronError {
  override name = 'NotFoundError' as const;
}
/** 409: over-pledged, already voted, event full, invalid state…: see `code`. */
export class ConflictError extends PerronError {
  override name = 'ConflictError' as const;
}
export class RateLimitError extends PerronError {
  override name = 'RateLimitError' as const;
  /** Seconds to wait before trying again, when the node said. */
  readonly retryAfter: number | undefined;
  constructor(message: string, init: ErrorInit & { retryAfter?: number | undefined }) {
    super(message, init);
    this.retryAfter = init.retryAfter;
  }
}
export class ServerError extends PerronError {
  override name = 'ServerError' as const;
}
/** No answer: the node is unreachable, or the connection broke. */
export class NetworkError extends PerronError {
  override name = 'NetworkError' as const;
}
/** No answer within `timeout` ms, on the last attempt. */
export class TimeoutError extends PerronError {
  override name = 'TimeoutError' as const;
}
/** The node answered something the contract does not allow. */
export class ResponseError extends PerronError {
  override name = 'ResponseError' as const;
}

interface ErrorClasses {
  PerronError: typeof PerronError;
  ValidationError: typeof ValidationError;
  AuthError: typeof AuthError;
  NotFoundError: typeof NotFoundError;
  ConflictError: typeof ConflictError;
  RateLimitError: typeof RateLimitError;
  ServerError: typeof ServerError;
  NetworkError: typeof NetworkError;
  TimeoutError: typeof TimeoutError;
  ResponseError: typeof ResponseError;
}
export type PerronErrorName = keyof ErrorClasses;

/**
 * Whether `e` is an SDK error, optionally of one kind: `isPerronError(e, 'RateLimitError')`.
 * Checks a brand and the name, not `instanceof`, so it holds across bundles.
 */
export function isPerronError(e: unknown): e is PerronError;
export function isPerronError<N extends PerronErrorName>(e: unknown, name: N): e is InstanceType<ErrorClasses[N]>;
export function isPerronError(e: unknown, name?: PerronErrorName): boolean {
  if (typeof e !== 'object' || e === null || (e as Record<symbol, unknown>)[BRAND] !== true) return false;
  return name === undefined || name === 'PerronError' || (e as Error).name === name;
}

/** The error for an HTTP answer that is not a success, from its status and problem+json body. */
export function errorFromProblem(status: number, problem: Problem | undefined, context: { where: string; requestId?: string | null; retryAfter?: number | undefined }): PerronError {
  const init: ErrorInit = {
    status,
    code: problem?.code ?? fallbackCode(status),
    requestId: problem?.requestId ?? context.requestId ?? undefined,
    problem,
  };
  const text = problem ? (problem.detail ? `${problem.title}: ${problem.detail}` : problem.title) : `HTTP ${status}`;
  const message = `${text} (${context.where})`;
  if (status === 400) return new ValidationError(message, { ...init, fields: problem?.errors ?? [] });
  if (status === 401 || status === 403) return new AuthError(message, init);
  if (status === 404) return new NotFoundError(message, init);
  if (status === 409) return new ConflictError(message, init);
  if (status === 429) return new RateLimitError(message, { ...init, retryAfter: context.retryAfter ?? problem?.retryAfter });
  if (status >= 500) return new ServerError(message, init);
  return new PerronError(message, init);
}

function fallbackCode(status: number): Problem['code'] {
  const byStatus: Record<number, Problem['code']> = { 400: 'validation_failed', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited', 503: 'unavailable' };
  return byStatus[status] ?? 'internal';
}

/** A client-side ValidationError for one value (`options.origin`), in the server's path style. */
export function fieldError(where: string, path: string, message: string, context: string): ValidationError {
  const field: FieldError = { path: [where, path].filter(Boolean).join('.'), message, code: 'custom' };
  return new ValidationError(`Invalid ${where}: ${field.path} (${message}) (${context})`, { status: 400, code: 'validation_failed', fields: [field] });
}

// Secrets and personal data must not travel into logs through error messages.
const secrets = new Set<string>();
/** Registers a secret (an API key) to be masked in every error message. */
export function addSecret(secret: string): void {
  if (secret) secrets.add(secret);
}
const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/g;
const BEARER = /\b(Bearer)\s+[^\s"',;]+/gi;

/** Masks registered keys, bearer tokens and email addresses. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[key]');
  return out.replace(BEARER, '$1 [key]').replace(EMAIL, '[email]');
}

function redactProblem(problem: Problem): Problem {
  return {
    ...problem,
    title: redact(problem.title),
    ...(problem.detail === undefined ? {} : { detail: redact(problem.detail) }),
    ...(problem.errors === undefined ? {} : { errors: problem.errors.map((f) => ({ ...f, message: redact(f.message) })) }),
  };
}
