import { PAGE_SIZE } from '@perron/contract';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../db/queries/sql.ts';
import { decideRevision, getRevision, listRevisions } from '../services/revisions.ts';
import type { Handlers } from './types.ts';

export const revisionsHandlers = {
  async listRevisions({ q, query, key }) {
    const limit = query.limit ?? PAGE_SIZE.default;
    const after = query.cursor ? (decodeCursor(query.cursor, [CURSOR_PART.micros, CURSOR_PART.id]) as [string, string]) : undefined;
    const { rows, items } = await listRevisions(q, key!, { status: query.status, limit, after });
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.cursor_at, last.id]) : null };
  },

  async getRevision({ q, params, key }) {
    return getRevision(q, key!, params.id);
  },

  async approveRevision({ q, params, key, node }) {
    return decideRevision(q, node, key!, params.id, { approve: true });
  },

  async rejectRevision({ q, params, body, key, node }) {
    return decideRevision(q, node, key!, params.id, { approve: false, reason: body.reason });
  },
} satisfies Partial<Handlers>;
