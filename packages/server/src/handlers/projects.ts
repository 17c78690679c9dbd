import type { Handlers } from './types.ts';

export const projectsHandlers = {} satisfies Partial<Handlers>;
