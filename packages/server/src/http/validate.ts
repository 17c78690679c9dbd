import * as z from 'zod';
import type { FieldError } from '@perron/contract';
import { ProblemError } from './problem.ts';

// The contract is written with zod/mini, which carries no messages; load English ones once.
z.config(z.locales.en());

type Where = 'path' | 'query' | 'body' | 'header';

/** Parses `value` with a contract schema, or throws a 400 naming every bad field. */
export function parseOrThrow<T>(schema: z.core.$ZodType<T>, value: unknown, where: Where): T {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  throw new ProblemError('validation_failed', `Invalid ${where === 'path' ? 'path parameter' : where}`, {
    errors: fieldErrors(result.error.issues, where),
  });
}

export function fieldErrors(issues: z.core.$ZodIssue[], where: Where): FieldError[] {
  return issues.flatMap((issue) => {
    // An unknown key is an error of that key, not of the object holding it.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [where, ...issue.path, key].join('.'), message: 'Unknown field', code: 'unrecognized_key' }));
    }
    return [{ path: [where, ...issue.path.map(String)].join('.'), message: issue.message, code: issue.code }];
  });
}
