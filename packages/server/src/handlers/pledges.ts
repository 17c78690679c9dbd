import { toCsv } from '../services/csv.ts';
import { pledgesCsv } from '../services/exports.ts';
import { EXPORT_LIMIT, listOrganizationPledges } from '../db/queries/pledges.ts';
import * as pledging from '../services/pledging.ts';
import type { Handlers } from './types.ts';

export const pledgesHandlers = {
  async createPledge({ q, params, body, node, key, client }) {
    return pledging.createPledge(q, node, params.id, body, { key, client });
  },

  async confirmPledge({ q, body, node }) {
    return pledging.confirmPledge(q, node, body.token);
  },

  async withdrawPledge({ q, body, node }) {
    return pledging.withdrawPledge(q, node, body.token);
  },

  /** Only the pledges to the key's organization's projects, newest first, with their contacts. */
  async listPledges({ q, query, key }) {
    return listOrganizationPledges(q, key!.organizationId!, query);
  },

  async pledgesCsv({ q, query, key, lang }) {
    const { items } = await listOrganizationPledges(q, key!.organizationId!, { ...query, limit: EXPORT_LIMIT });
    return toCsv(pledgesCsv(items, query.lang ?? lang));
  },

  async updatePledge({ q, params, body, key, node }) {
    return pledging.changePledgeStatus(q, node, key!, params.id, body.status, body.reason, body.block);
  },

  async eraseContact({ q, params, key, node }) {
    return pledging.eraseContact(q, node, key!, params.id);
  },
} satisfies Partial<Handlers>;
