import { decidePartnership, listPartnerships, toPartnershipAnswer } from '../services/partnerships.ts';
import type { Handlers } from './types.ts';

/** The partner's side of a partnership, with its key: what the workspace's « Partenariats » screen does, through the same service. */
export const partnershipsHandlers = {
  async listPartnerships({ q, key }) {
    return { items: (await listPartnerships(q, key!.organizationId!)).map(toPartnershipAnswer), nextCursor: null };
  },

  async answerPartnership({ q, params, body, key, node }) {
    return toPartnershipAnswer(await decidePartnership(q, node, key!.organizationId!, params.id, body.status, null));
  },
} satisfies Partial<Handlers>;
