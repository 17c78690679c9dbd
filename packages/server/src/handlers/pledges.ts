import type { Handlers } from './types.ts';

export const pledgesHandlers = {} satisfies Partial<Handlers>;
