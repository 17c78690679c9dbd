import type { Handlers } from './types.ts';

export const organizationsHandlers = {} satisfies Partial<Handlers>;
