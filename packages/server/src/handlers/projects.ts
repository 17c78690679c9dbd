import { PAGE_SIZE, type ProjectDetail } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { communityTree } from '../db/queries/communities.ts';
import { findProjectDetail, projectSelect, toProject, visibleTo, type ProjectRow } from '../db/queries/projects.ts';
import { CURSOR_PART, decodeCursor, fromMicros, likeEscape, pageOf, Params, searchText } from '../db/queries/sql.ts';
import type { ApiKey } from '../http/auth.ts';
import { ProblemError } from '../http/problem.ts';
import * as workflow from '../services/project-workflow.ts';
import type { Handlers, NodeServices } from './types.ts';

async function detail(q: Queryable, node: NodeServices, seenBy: ApiKey | null | 'authorized', id: string): Promise<ProjectDetail> {
  const project = await findProjectDetail(q, id, node.baseUrl, seenBy);
  if (!project) throw new ProblemError('not_found', `No project ${id}`);
  return project;
}

export const projectsHandlers = {
  /**
   * Newest first, by keyset on (created_at, id): page 100 costs what page 1 does. Without a
   * status filter the public sees published projects; a key also sees what it may (its own, or
   * the submissions it reviews).
   */
  async listProjects({ q, query, key, node }) {
    const p = new Params();
    const where = [visibleTo(key, p)];
    if (query.status) where.push(`p.status = ${p.add(query.status)}`);
    else if (!key) where.push(`p.status = 'published'`);
    if (query.community) {
      where.push(`exists (select 1 from project_communities pc where pc.project_id = p.id and pc.community_id in ${communityTree(p.add(query.community), 'slug')})`);
    }
    if (query.organization) where.push(`p.organization_id = (select id from organizations where slug = ${p.add(query.organization)})`);
    if (query.theme) where.push(`${p.add(query.theme)} = any(p.themes)`);
    if (query.needs) where.push(`exists (select 1 from needs n where n.project_id = p.id and n.category = ${p.add(query.needs)} and n.status = 'open')`);
    for (const word of searchText(query.q).split(' ').filter(Boolean).slice(0, 8)) {
      where.push(`p.search like ${p.add(`%${likeEscape(word)}%`)}`);
    }
    if (query.cursor) {
      const [micros, id] = decodeCursor(query.cursor, [CURSOR_PART.micros, CURSOR_PART.id]);
      where.push(`(p.created_at, p.id) < (${fromMicros(p.add(micros))}, ${p.add(id)})`);
    }
    const limit = query.limit ?? PAGE_SIZE.default;
    const inner = `select * from projects p where ${where.join(' and ')} order by p.created_at desc, p.id desc limit ${p.add(limit + 1)}`;
    const rows = await q.query<ProjectRow>(projectSelect(inner), p.values);
    return pageOf(rows, limit, (r) => [r.cursor_at, r.id], (r) => toProject(r, node.baseUrl));
  },

  async getProject({ q, params, key, node }) {
    return detail(q, node, key, params.id);
  },

  async createProject({ q, body, key, node }) {
    const id = await workflow.createProject(q, key!, body, node.now());
    return detail(q, node, 'authorized', id);
  },

  async updateProject({ q, params, body, key, node }) {
    await workflow.updateProject(q, key!, params.id, body, node.now());
    return detail(q, node, 'authorized', params.id);
  },

  async submitProject({ q, params, key, node }) {
    await workflow.transition(q, key!, params.id, 'submit', node.now());
    return detail(q, node, 'authorized', params.id);
  },

  async publishProject({ q, params, key, node }) {
    await workflow.transition(q, key!, params.id, 'publish', node.now());
    return detail(q, node, 'authorized', params.id);
  },

  async rejectProject({ q, params, body, key, node }) {
    await workflow.transition(q, key!, params.id, 'reject', node.now(), body.reason);
    return detail(q, node, 'authorized', params.id);
  },

  async completeProject({ q, params, key, node }) {
    await workflow.transition(q, key!, params.id, 'complete', node.now());
    return detail(q, node, 'authorized', params.id);
  },

  async cancelProject({ q, params, key, node }) {
    await workflow.transition(q, key!, params.id, 'cancel', node.now());
    return detail(q, node, 'authorized', params.id);
  },
} satisfies Partial<Handlers>;
