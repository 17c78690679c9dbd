import { followedNeed } from '../db/queries/followed.ts';
import { NEED_COLUMNS, toNeed, type NeedRow } from '../db/queries/needs.ts';
import { listSkills } from '../db/queries/skills.ts';
import { visibleTo } from '../db/queries/projects.ts';
import { Params } from '../db/queries/sql.ts';
import { ProblemError } from '../http/problem.ts';
import * as needs from '../services/needs.ts';
import type { Handlers } from './types.ts';

export const needsHandlers = {
  async listSkills({ q }) {
    return { items: await listSkills(q) };
  },

  async getNeed({ q, params, key }) {
    const p = new Params();
    const [row] = await q.query<NeedRow>(
      // A money need awaiting review is its organization's only.
      `select ${NEED_COLUMNS} from needs n join projects p on p.id = n.project_id
        where n.id = ${p.add(params.id)} and ${visibleTo(key, p)} and (not n.in_review or p.organization_id = ${p.add(key?.organizationId ?? null)})`,
      p.values,
    );
    if (row) return toNeed(row);
    const copy = await followedNeed(q, params.id);
    if (!copy) throw new ProblemError('not_found', `No need ${params.id}`);
    return copy;
  },

  async createNeed({ q, params, body, key, node }) {
    return needs.createNeed(q, key!, params.id, body, node.now());
  },

  async updateNeed({ q, params, body, key }) {
    return needs.updateNeed(q, key!, params.id, body);
  },

  async deleteNeed({ q, params, key, node, lang }) {
    await needs.deleteNeed(q, key!, params.id, { now: node.now(), lang });
    return {};
  },
} satisfies Partial<Handlers>;
