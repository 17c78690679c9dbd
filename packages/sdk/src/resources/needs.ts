import { needRoutes, type RouteBody } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import type { CallOptions } from '../http.ts';

/** The node's skills taxonomy: each skill's code and its French and English labels (a need's `skills` take these codes, or any text). */
export const listSkills = async (core: PerronCore, o?: CallOptions) => (await core.call(needRoutes.listSkills, {}, o)).items;

export const getNeed = (core: PerronCore, id: string, o?: CallOptions) => core.call(needRoutes.getNeed, { params: { id } }, o, id);

// With an organization's key:
export const createNeed = (core: PerronCore, projectId: string, body: RouteBody<'createNeed'>, o?: CallOptions) =>
  core.call(needRoutes.createNeed, { params: { id: projectId }, body }, o, projectId);
export const updateNeed = (core: PerronCore, id: string, body: RouteBody<'updateNeed'>, o?: CallOptions) => core.call(needRoutes.updateNeed, { params: { id }, body }, o, id);
/** Only a need that never had a pledge; one with pledges is a ConflictError: close it instead (`update(id, { status: 'closed' })`). */
export const deleteNeed = (core: PerronCore, id: string, o?: CallOptions) => core.call(needRoutes.deleteNeed, { params: { id } }, o, id);
