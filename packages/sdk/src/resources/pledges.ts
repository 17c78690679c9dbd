import type { RouteBody, RouteQuery } from '@perron/contract';
import type { CallOptions } from '../http.ts';
import type { Context } from '../client.ts';

export const pledges = (c: Context) => ({
  /** Pledge to a need, without an account; give `idempotencyKey` to make a resubmission safe. */
  create: (needId: string, body: RouteBody<'createPledge'>, o?: CallOptions) => c.call('createPledge', { params: { id: needId }, body }, o, needId),
  /** Withdraw with the token from the receipt email. */
  withdraw: (token: string, o?: CallOptions) => c.call('withdrawPledge', { body: { token } }, o),
  // With an organization's key: the pledges to its projects, contacts included.
  list: (query?: RouteQuery<'listPledges'>, o?: CallOptions) => c.list('listPledges', query, o),
  update: (id: string, status: RouteBody<'updatePledge'>['status'], o?: CallOptions) => c.call('updatePledge', { params: { id }, body: { status } }, o, id),
  /** Erase the pledger's contact (Law 25); the pledge stays counted. */
  eraseContact: (id: string, o?: CallOptions) => c.call('eraseContact', { params: { id } }, o, id),
});
