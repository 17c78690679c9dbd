import { projectRoutes, type RouteBody, type RouteQuery } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import { newest } from '../orders.ts';
import type { CallOptions } from '../http.ts';

/** Published projects, newest first; filters: community (and its sub-communities), organization, partner (the projects an organization supports), theme, status, q, needs. */
export const listProjects = (core: PerronCore, query?: RouteQuery<'listProjects'>, o?: CallOptions) => core.list(projectRoutes.listProjects, query, o, newest);

/** A project with its needs and partners. */
export const getProject = (core: PerronCore, id: string, o?: CallOptions) => core.call(projectRoutes.getProject, { params: { id } }, o, id);

// With an organization's key:
export const createProject = (core: PerronCore, body: RouteBody<'createProject'>, o?: CallOptions) => core.call(projectRoutes.createProject, { body }, o);
export const updateProject = (core: PerronCore, id: string, body: RouteBody<'updateProject'>, o?: CallOptions) => core.call(projectRoutes.updateProject, { params: { id }, body }, o, id);
export const submitProject = (core: PerronCore, id: string, o?: CallOptions) => core.call(projectRoutes.submitProject, { params: { id }, body: {} }, o, id);
export const completeProject = (core: PerronCore, id: string, o?: CallOptions) => core.call(projectRoutes.completeProject, { params: { id }, body: {} }, o, id);
export const cancelProject = (core: PerronCore, id: string, o?: CallOptions) => core.call(projectRoutes.cancelProject, { params: { id }, body: {} }, o, id);

// With a curator's key:
export const publishProject = (core: PerronCore, id: string, o?: CallOptions) => core.call(projectRoutes.publishProject, { params: { id }, body: {} }, o, id);
export const rejectProject = (core: PerronCore, id: string, reason: string, o?: CallOptions) => core.call(projectRoutes.rejectProject, { params: { id }, body: { reason } }, o, id);
