import { revisionRoutes, type RouteQuery } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import type { CallOptions } from '../http.ts';

// With a curator's key: changes to published projects and reviewed events, oldest first.
export const listRevisions = (core: PerronCore, query?: RouteQuery<'listRevisions'>, o?: CallOptions) => core.list(revisionRoutes.listRevisions, query, o);
export const getRevision = (core: PerronCore, id: string, o?: CallOptions) => core.call(revisionRoutes.getRevision, { params: { id } }, o, id);
export const approveRevision = (core: PerronCore, id: string, o?: CallOptions) => core.call(revisionRoutes.approveRevision, { params: { id }, body: {} }, o, id);
export const rejectRevision = (core: PerronCore, id: string, reason: string, o?: CallOptions) => core.call(revisionRoutes.rejectRevision, { params: { id }, body: { reason } }, o, id);
