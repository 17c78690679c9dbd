import { PAGE_SIZE } from '@perron/contract';
import { PLEDGE_SELECT, toOrganizationPledge, type PledgeRow } from '../db/queries/pledges.ts';
import { CURSOR_PART, decodeCursor, fromMicros, pageOf, Params } from '../db/queries/sql.ts';
import * as pledging from '../services/pledging.ts';
import type { Handlers } from './types.ts';

export const pledgesHandlers = {
  async createPledge({ q, params, body, node }) {
    return pledging.createPledge(q, node, params.id, body);
  },

  async withdrawPledge({ q, body, node }) {
    return pledging.withdrawPledge(q, node, body.token);
  },

  /** Only the pledges to the key's organization's projects, newest first, with their contacts. */
  async listPledges({ q, query, key }) {
    const p = new Params();
    const where = [`pl.project_id in (select id from projects where organization_id = ${p.add(key!.organizationId)})`];
    if (query.project) where.push(`pl.project_id = ${p.add(query.project)}`);
    if (query.need) where.push(`pl.need_id = ${p.add(query.need)}`);
    if (query.status) where.push(`pl.status = ${p.add(query.status)}`);
    if (query.cursor) {
      const [micros, id] = decodeCursor(query.cursor, [CURSOR_PART.micros, CURSOR_PART.id]);
      where.push(`(pl.created_at, pl.id) < (${fromMicros(p.add(micros))}, ${p.add(id)})`);
    }
    const limit = query.limit ?? PAGE_SIZE.default;
    const rows = await q.query<PledgeRow>(
      `${PLEDGE_SELECT} where ${where.join(' and ')} order by pl.created_at desc, pl.id desc limit ${p.add(limit + 1)}`,
      p.values,
    );
    return pageOf(rows, limit, (r) => [r.cursor_at, r.id], toOrganizationPledge);
  },

  async updatePledge({ q, params, body, key, node }) {
    return pledging.changePledgeStatus(q, node, key!, params.id, body.status);
  },

  async eraseContact({ q, params, key, node }) {
    return pledging.eraseContact(q, node, key!, params.id);
  },
} satisfies Partial<Handlers>;
