import type { Handlers } from './types.ts';

export const needsHandlers = {} satisfies Partial<Handlers>;
