import type { Handlers } from './types.ts';

export const eventsHandlers = {} satisfies Partial<Handlers>;
