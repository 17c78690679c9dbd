import { page } from '../common.ts';
import { OrganizationPledge, Pledge, PledgeConfirm, PledgeCreate, PledgeCsvQuery, PledgeListQuery, PledgeStatusUpdate, PledgeWithdraw } from '../pledge.ts';
import { CsvText, IdPath, route } from '../route.ts';

/** Pledges to needs. */
export const pledgeRoutes = {
  createPledge: route({ method: 'POST', path: '/v1/needs/{id}/pledges', tag: 'pledges', summary: "Pledge time, material or money to a need (no account needed): it is `held` until the emailed link is followed, unless the project's organization makes it with its key", params: IdPath, body: PledgeCreate, response: Pledge, errors: ['over_pledged', 'pledge_cap', 'blocked', 'crowdfunding_locked', 'invalid_state', 'idempotency_conflict'] }),
  confirmPledge: route({ method: 'POST', path: '/v1/pledges/confirm', tag: 'pledges', summary: 'Confirm a held pledge with the token from its email: it counts from then on (once, whatever the repeats)', body: PledgeConfirm, status: 200, response: Pledge, errors: ['not_found', 'invalid_state', 'idempotency_conflict'] }),
  withdrawPledge: route({ method: 'POST', path: '/v1/pledges/withdraw', tag: 'pledges', summary: 'Withdraw a pledge with the token from its receipt email', body: PledgeWithdraw, status: 200, response: Pledge, errors: ['not_found', 'invalid_state', 'idempotency_conflict'] }),
  listPledges: route({ method: 'GET', path: '/v1/pledges', tag: 'pledges', auth: 'organization', summary: "The pledges to the key's organization's projects, with contacts", query: PledgeListQuery, response: page(OrganizationPledge) }),
  pledgesCsv: route({ method: 'GET', path: '/v1/pledges.csv', tag: 'pledges', auth: 'organization', summary: 'The same pledges, filtered alike, as CSV for a spreadsheet: need names, money in dollars', query: PledgeCsvQuery, response: CsvText, format: 'csv' }),
  updatePledge: route({ method: 'PATCH', path: '/v1/pledges/{id}', tag: 'pledges', auth: 'organization', summary: 'Confirm, decline (with a reason, emailed to the person) or mark a pledge fulfilled', params: IdPath, body: PledgeStatusUpdate, response: OrganizationPledge, errors: ['invalid_state'] }),
  eraseContact: route({ method: 'DELETE', path: '/v1/pledges/{id}/contact', tag: 'pledges', auth: 'organization', summary: "Erase a pledger's contact (Law 25); the pledge itself stays counted", params: IdPath, response: OrganizationPledge }),
} as const;
