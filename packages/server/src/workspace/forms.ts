import * as z from 'zod/mini';
import type { WorkspaceContext } from './context.ts';
import type { Strings } from './strings/index.ts';

/** A message per field name (`title.fr`), in the person's language. */
export type FormErrors = Record<string, string>;

/**
 * A posted form as the contract's schemas expect it: `title.fr` → `{ title: { fr } }`, a name
 * ending in `[]` → an array, and empty fields left out (an optional field left blank is absent).
 */
export async function formInput(c: WorkspaceContext): Promise<Record<string, unknown>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, unknown> = {};
  for (const [rawName, raw] of Object.entries(body)) {
    const isList = rawName.endsWith('[]');
    const name = isList ? rawName.slice(0, -2) : rawName;
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v) => !(typeof v === 'string' && v.trim() === ''));
    if (!values.length && !isList) continue;
    const path = name.split('.');
    let target = out;
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[path.at(-1)!] = isList ? values : values[0];
  }
  return out;
}

function message(issue: z.core.$ZodIssue, t: Strings): string {
  const e = t.errors;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? e.required : e.too_small;
    case 'too_big':
      return e.too_big;
    case 'invalid_format':
      return issue.format === 'email' ? e.invalid_email : issue.format === 'url' ? e.invalid_url : e.invalid_format;
    case 'invalid_value':
      return e.invalid_value;
    case 'invalid_type':
      return issue.input === undefined ? e.required : e.fallback;
    default:
      return e.fallback;
  }
}

/** Parses with a contract schema; on failure, one message per field in the person's language. */
export function parseForm<S extends z.core.$ZodType>(schema: S, input: unknown, t: Strings): { ok: true; data: z.output<S> } | { ok: false; errors: FormErrors } {
  const result = z.safeParse(schema, input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const name = issue.path.join('.') || 'form';
    errors[name] ??= message(issue, t);
  }
  return { ok: false, errors };
}
