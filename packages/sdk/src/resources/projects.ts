import type { RouteBody, RouteQuery } from '@perron/contract';
import type { CallOptions } from '../http.ts';
import type { Context } from '../client.ts';

export const projects = (c: Context) => ({
  /** Published projects, newest first; filters: community (and its sub-communities), theme, status, q, needs. */
  list: (query?: RouteQuery<'listProjects'>, o?: CallOptions) => c.list('listProjects', query, o),
  /** A project with its needs and partners. */
  get: (id: string, o?: CallOptions) => c.call('getProject', { params: { id } }, o, id),
  // With an organization's key:
  create: (body: RouteBody<'createProject'>, o?: CallOptions) => c.call('createProject', { body }, o),
  update: (id: string, body: RouteBody<'updateProject'>, o?: CallOptions) => c.call('updateProject', { params: { id }, body }, o, id),
  submit: (id: string, o?: CallOptions) => c.call('submitProject', { params: { id }, body: {} }, o, id),
  // With a curator's key:
  publish: (id: string, o?: CallOptions) => c.call('publishProject', { params: { id }, body: {} }, o, id),
  reject: (id: string, reason: string, o?: CallOptions) => c.call('rejectProject', { params: { id }, body: { reason } }, o, id),
});
