import type { Handlers } from './types.ts';

export const communitiesHandlers = {} satisfies Partial<Handlers>;
