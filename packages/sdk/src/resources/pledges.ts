import { pledgeRoutes, type RouteBody, type RouteQuery } from '@perron/contract';
import type { PerronCore } from '../core.ts';
import { newest } from '../orders.ts';
import type { CallOptions } from '../http.ts';

/** Pledge to a need, without an account; give `idempotencyKey` to make a resubmission safe. */
export const createPledge = (core: PerronCore, needId: string, body: RouteBody<'createPledge'>, o?: CallOptions) =>
  core.call(pledgeRoutes.createPledge, { params: { id: needId }, body }, o, needId);

/** Confirm a held pledge with the token from its email: it counts from then on. */
export const confirmPledge = (core: PerronCore, token: string, o?: CallOptions) => core.call(pledgeRoutes.confirmPledge, { body: { token } }, o);

/** Withdraw with the token from the receipt email. */
export const withdrawPledge = (core: PerronCore, token: string, o?: CallOptions) => core.call(pledgeRoutes.withdrawPledge, { body: { token } }, o);

// With an organization's key: the pledges to its projects, contacts included.
export const listPledges = (core: PerronCore, query?: RouteQuery<'listPledges'>, o?: CallOptions) => core.list(pledgeRoutes.listPledges, query, o, newest);
/** The same pledges, filtered alike, as CSV (UTF-8 with a BOM): need names, money in dollars. */
export const pledgesCsv = (core: PerronCore, query?: RouteQuery<'pledgesCsv'>, o?: CallOptions): Promise<string> => core.call(pledgeRoutes.pledgesCsv, { query: query ?? {} }, o);
/** Decline with a `reason`, emailed to the person in their language; `block: true` takes no more pledges from their email. */
export const updatePledge = (core: PerronCore, id: string, status: RouteBody<'updatePledge'>['status'], o?: CallOptions & { reason?: string; block?: boolean }) =>
  core.call(pledgeRoutes.updatePledge, { params: { id }, body: { status, ...(o?.reason === undefined ? {} : { reason: o.reason }), ...(o?.block ? { block: true } : {}) } }, o, id);

/** Erase the pledger's contact (Law 25); the pledge stays counted. */
export const eraseContact = (core: PerronCore, id: string, o?: CallOptions) => core.call(pledgeRoutes.eraseContact, { params: { id } }, o, id);
