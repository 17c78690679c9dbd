import { PAGE_SIZE } from '@perron/contract';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../db/queries/sql.ts';
import { createEndpoint, deleteEndpoint, updateEndpoint, listDeliveries, listEndpoints, rotateSecret } from '../services/webhooks.ts';
import type { Handlers } from './types.ts';

export const webhooksHandlers = {
  async listWebhooks({ q, key }) {
    return { items: await listEndpoints(q, key!.organizationId!), nextCursor: null };
  },

  async createWebhook({ q, body, key, node }) {
    return createEndpoint(q, node, key!.organizationId!, body);
  },

  async updateWebhook({ q, params, body, key, node }) {
    return updateEndpoint(q, node, key!.organizationId!, params.id, body);
  },

  async deleteWebhook({ q, params, key }) {
    await deleteEndpoint(q, key!.organizationId!, params.id);
    return {};
  },

  async rotateWebhookSecret({ q, params, key }) {
    return rotateSecret(q, key!.organizationId!, params.id);
  },

  async listWebhookDeliveries({ q, params, query, key }) {
    const limit = query.limit ?? PAGE_SIZE.default;
    const before = query.cursor ? (decodeCursor(query.cursor, [CURSOR_PART.micros, CURSOR_PART.id]) as [string, string]) : undefined;
    const { rows, items } = await listDeliveries(q, key!.organizationId!, params.id, limit, before);
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.cursor_at, last.id]) : null };
  },
} satisfies Partial<Handlers>;
