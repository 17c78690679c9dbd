import { PendingSupport, SupportConfirm, SupportConfirmation, SupportCreate } from '../support.ts';
import { IdPath, route } from '../route.ts';

/** Residents' support for projects ("J'appuie ce projet"), confirmed by an emailed link. */
export const supportRoutes = {
  supportProject: route({ method: 'POST', path: '/v1/projects/{id}/supports', tag: 'projects', summary: 'Support a project with an email (no account needed); it counts once the emailed link is followed, once per email', params: IdPath, body: SupportCreate, status: 202, response: PendingSupport, errors: ['already_supported', 'invalid_state', 'idempotency_conflict'] }),
  confirmSupport: route({ method: 'POST', path: '/v1/supports/confirm', tag: 'projects', summary: 'Confirm a support with the token from its email: it counts from then on (once, whatever the repeats)', body: SupportConfirm, status: 200, response: SupportConfirmation, errors: ['not_found', 'idempotency_conflict'] }),
} as const;
