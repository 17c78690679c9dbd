import { partnershipRoutes, type RouteBody } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import type { CallOptions } from '../http.ts';

// With an organization's key: the projects that name it as a partner, and its answer.
export const listPartnerships = (core: PerronCore, o?: CallOptions) => core.list(partnershipRoutes.listPartnerships, undefined, o);
export const answerPartnership = (core: PerronCore, projectId: string, body: RouteBody<'answerPartnership'>, o?: CallOptions) =>
  core.call(partnershipRoutes.answerPartnership, { params: { id: projectId }, body }, o, projectId);
