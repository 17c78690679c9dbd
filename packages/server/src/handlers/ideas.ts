import type { Handlers } from './types.ts';

export const ideasHandlers = {} satisfies Partial<Handlers>;
