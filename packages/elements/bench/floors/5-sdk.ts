// Not a floor: floor 1 with what the card calls through the SDK (its core, getProject, listCommunities).
export * from './1-lit.ts';
export { createCore, getProject, listCommunities } from '@perron/sdk';
