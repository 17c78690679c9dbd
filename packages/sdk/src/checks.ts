import { IdempotencyKey, Lang, Problem, type FieldError, type Route } from '@perron/contract';
import * as z from 'zod/mini';
import { ValidationError } from './errors.ts';

// Everything the SDK checks with the contract's zod schemas, in one module: a core made with
// `validate: false` (the elements' in the browser) never reaches it, so a bundle drops zod.

type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

const NodeBase = z.url({ protocol: /^https?$/ });

export const ClientOptions = z.strictObject({
  /** A node's base URL. */
  node: z.optional(NodeBase),
  /** Several nodes: lists are merged, `get` and writes go to each item's origin. */
  nodes: z.optional(/* @__PURE__ */ z.array(NodeBase).check(z.minLength(1), z.maxLength(20))),
  fetch: z.optional(z.custom<Fetch>((f) => typeof f === 'function', 'Expected a function')),
  lang: z.optional(Lang),
  /** Milliseconds per attempt. */
  timeout: z.optional(/* @__PURE__ */ z.number().check(z.int(), z.minimum(1), z.maximum(120_000))),
  /** Extra attempts, only where a retry is safe. */
  retries: z.optional(/* @__PURE__ */ z.number().check(z.int(), z.minimum(0), z.maximum(10))),
  apiKey: z.optional(/* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(512))),
  cache: z.optional(z.boolean()),
  staleWhileRevalidate: z.optional(z.boolean()),
  /** Parse options, inputs and answers with the contract's schemas (default true). */
  validate: z.optional(z.boolean()),
});

/** How a core checks what goes out and what comes back; absent with `validate: false`. */
export interface Checks {
  options(options: unknown): void;
  /** A route's params, query or body as the node would parse it (defaults applied), or a ValidationError. */
  input(schema: z.core.$ZodType | undefined, value: unknown, where: string, context: string): unknown;
  idempotencyKey(key: string, context: string): void;
  /** The answer parsed by the route's schema; `invalid` makes the error for a mismatch. */
  response(route: Route, raw: unknown, invalid: (why: string, cause?: unknown) => Error): unknown;
  problem(raw: unknown): Problem | undefined;
}

export const contractChecks: Checks = {
  options(options) {
    const parsed = ClientOptions.safeParse(options);
    if (!parsed.success) throw validationError('options', parsed.error.issues, 'createClient');
  },
  input(schema, value, where, context) {
    if (!schema) return undefined;
    const result = z.safeParse(schema, value);
    if (!result.success) throw validationError(where, result.error.issues, context);
    return result.data;
  },
  idempotencyKey(key, context) {
    contractChecks.input(IdempotencyKey, key, 'header.idempotency-key', context);
  },
  response(route, raw, invalid) {
    const result = z.safeParse(route.response, raw);
    if (result.success) return result.data;
    const { issues } = result.error;
    throw invalid(issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.code}`).join('; '), issues);
  },
  problem(raw) {
    const parsed = Problem.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  },
};

/** A client-side ValidationError from zod issues, with the server's path style (`body.contact.email`). */
function validationError(where: string, issues: readonly z.core.$ZodIssue[], context: string): ValidationError {
  const fields: FieldError[] = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [where, ...issue.path.map(String), key].join('.'), message: 'Unknown field', code: 'unrecognized_key' }))
      : [{ path: [where, ...issue.path.map(String)].join('.'), message: describe(issue), code: issue.code }],
  );
  const message = `Invalid ${where}: ${fields.map((f) => `${f.path} (${f.message})`).join(', ')} (${context})`;
  return new ValidationError(message, { status: 400, code: 'validation_failed', fields });
}

// zod/mini ships no messages (they would weigh on the bundle): say the essentials from the issue.
function describe(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  if (issue.code === 'too_big') return `At most ${String(issue.maximum)}`;
  if (issue.code === 'too_small') return `At least ${String(issue.minimum)}`;
  if (issue.code === 'invalid_type') return `Expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `Expected one of ${issue.values.map(String).join(', ')}`;
  return 'Invalid value';
}
