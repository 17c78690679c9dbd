import { PROBLEM_CODES, problemType, type FieldError, type Problem, type ProblemCode } from '@perron/contract';

const TITLES: Record<ProblemCode, string> = {
  validation_failed: 'The request has invalid fields',
  unauthorized: 'A valid API key is required',
  forbidden: 'This API key may not do that',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  over_pledged: 'This need has fewer places left than pledged',
  pledge_cap: 'More than one email or network address may pledge on public forms',
  blocked: 'The organization takes no pledges from this email address',
  already_voted: 'This email has already supported this idea',
  already_supported: 'This email already supports this project',
  crowdfunding_locked: 'This money need opens once the project has enough supporters',
  event_full: 'This event is full',
  invalid_state: 'Not possible in the current state',
  idempotency_conflict: 'This Idempotency-Key was used for a different request',
  phase_closed: 'This phase of the contest is closed',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body must be application/json',
  rate_limited: 'Too many requests',
  internal: 'Something went wrong on this node',
  unavailable: 'The node is not available',
};

/** Thrown by handlers and middleware; turned into an RFC 9457 answer. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; retryAfter?: number; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? TITLES[code]);
  }
}

export function problemBody(code: ProblemCode, detail?: string, extra: { errors?: FieldError[]; retryAfter?: number; requestId?: string; instance?: string } = {}): Problem {
  return {
    type: problemType(code),
    code,
    title: TITLES[code],
    status: PROBLEM_CODES[code],
    ...(detail ? { detail } : {}),
    ...extra,
  };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}
