import type { RouteBody } from '@perron/contract';
import type { CallOptions } from '../http.ts';
import type { Context } from '../client.ts';

export const needs = (c: Context) => ({
  get: (id: string, o?: CallOptions) => c.call('getNeed', { params: { id } }, o, id),
  // With an organization's key:
  create: (projectId: string, body: RouteBody<'createNeed'>, o?: CallOptions) => c.call('createNeed', { params: { id: projectId }, body }, o, projectId),
  update: (id: string, body: RouteBody<'updateNeed'>, o?: CallOptions) => c.call('updateNeed', { params: { id }, body }, o, id),
});
