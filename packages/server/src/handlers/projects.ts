import { PAGE_SIZE, type ProjectDetail } from '@perron/contract';
import type { Queryable } from '../db/database.ts';
import { followedProject, listFollowedProjects, mergeSorted } from '../db/queries/followed.ts';
import { findProjectDetail, listProjectsQuery, toProject, type ProjectRow } from '../db/queries/projects.ts';
import { jsonRows, pageOf } from '../db/queries/sql.ts';
import type { ApiKey } from '../http/auth.ts';
import { ProblemError } from '../http/problem.ts';
import * as workflow from '../services/project-workflow.ts';
import type { Handlers, NodeServices } from './types.ts';

async function detail(q: Queryable, node: NodeServices, seenBy: ApiKey | null | 'authorized', id: string): Promise<ProjectDetail> {
  const project = (await findProjectDetail(q, id, node.baseUrl, seenBy)) ?? (seenBy === 'authorized' ? undefined : await followedProject(q, id));
  if (!project) throw new ProblemError('not_found', `No project ${id}`);
  return project;
}

/** A curator's decision answers with the partners the public reads: the partner's consent is between the two organizations. */
function forCurator(project: ProjectDetail): ProjectDetail {
  return { ...project, partners: project.partners.filter((x) => x.status === 'accepted').map(({ organization, role }) => ({ organization, role })) };
}

export const projectsHandlers = {
  async listProjects({ q, query, key, node }) {
    const limit = query.limit ?? PAGE_SIZE.default;
    const { sql, values } = listProjectsQuery(query, key, limit);
    const local = (await jsonRows<ProjectRow>(q, sql, values, 'r.created_at desc, r.id desc')).map((r) => ({ item: toProject(r, node.baseUrl), key: [r.cursor_at, r.id] as [string, string] }));
    // Copies of followed nodes' projects sort among this node's own by the same keyset.
    const rows = mergeSorted(local, await listFollowedProjects(q, query, limit), limit + 1, -1);
    return pageOf(rows, limit, (r) => r.key, (r) => r.item);
  },

  async getProject({ q, params, key, node }) {
    return detail(q, node, key, params.id);
  },

  async createProject({ q, body, key, node }) {
    const id = await workflow.createProject(q, node, key!, body);
    return detail(q, node, 'authorized', id);
  },

  async updateProject({ q, params, body, key, node }) {
    await workflow.updateProject(q, node, key!, params.id, body);
    return detail(q, node, 'authorized', params.id);
  },

  async submitProject({ q, params, key, node }) {
    await workflow.transition(q, key!, params.id, 'submit', node.now());
    return detail(q, node, 'authorized', params.id);
  },

  async publishProject({ q, params, key, node }) {
    await workflow.transition(q, key!, params.id, 'publish', node.now());
    return forCurator(await detail(q, node, 'authorized', params.id));
  },

  async rejectProject({ q, params, body, key, node }) {
    await workflow.transition(q, key!, params.id, 'reject', node.now(), body.reason);
    return forCurator(await detail(q, node, 'authorized', params.id));
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
