import { page } from '../common.ts';
import { Revision, RevisionListQuery, RevisionReject } from '../revision.ts';
import { Empty, IdPath, route } from '../route.ts';

/** Changes to published projects and reviewed events, for the curators of their communities. */
export const revisionRoutes = {
  listRevisions: route({ method: 'GET', path: '/v1/revisions', tag: 'reviews', auth: 'curator', summary: "Changes to public items of the curator's communities (pending by default), oldest first", query: RevisionListQuery, response: page(Revision) }),
  getRevision: route({ method: 'GET', path: '/v1/revisions/{id}', tag: 'reviews', auth: 'curator', summary: 'One revision: the proposed values beside the live ones', params: IdPath, response: Revision }),
  approveRevision: route({ method: 'POST', path: '/v1/revisions/{id}/approve', tag: 'reviews', auth: 'curator', summary: 'Approve a revision: its changes go live', params: IdPath, body: Empty, status: 200, response: Revision, errors: ['invalid_state', 'idempotency_conflict'] }),
  rejectRevision: route({ method: 'POST', path: '/v1/revisions/{id}/reject', tag: 'reviews', auth: 'curator', summary: 'Reject a revision with a reason emailed to the organization; the live version stays', params: IdPath, body: RevisionReject, status: 200, response: Revision, errors: ['invalid_state', 'idempotency_conflict'] }),
} as const;
