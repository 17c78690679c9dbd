// Floor 2: and validates an answer with zod/mini, a one-field schema.
import * as z from 'zod/mini';

export * from './1-lit.ts';
export const parse = (value: unknown) => z.safeParse(z.object({ title: z.string() }), value);
