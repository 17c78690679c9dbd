import * as z from 'zod/mini';

/** Stable machine codes; `type` is derived from them. Clients branch on `code`, never on text. */
export const PROBLEM_CODES = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  blocked: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  over_pledged: 409,
  pledge_cap: 409,
  already_voted: 409,
  already_supported: 409,
  /** A money need of a project whose supporters have not reached its threshold yet. */
  crowdfunding_locked: 409,
  event_full: 409,
  invalid_state: 409,
  idempotency_conflict: 409,
  phase_closed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ProblemCode = keyof typeof PROBLEM_CODES;

export const problemType = (code: ProblemCode) => `urn:perron:problem:${code}`;

export const FieldError = z.object({
  /** Where the bad value is: `body.contact.email`, `query.limit`, `header.idempotency-key`. */
  path: z.string(),
  message: z.string(),
  code: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, as every 4xx and 5xx answer carries them. */
export const Problem = z.object({
  type: z.string(),
  code: z.enum(Object.keys(PROBLEM_CODES) as [ProblemCode, ...ProblemCode[]]),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
  retryAfter: z.optional(z.number()),
});
export type Problem = z.infer<typeof Problem>;
