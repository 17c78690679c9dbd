import { Need, NeedCreate, NeedUpdate } from '../need.ts';
import { ProjectPath } from '../project.ts';
import { Empty, IdPath, route } from '../route.ts';
import { Skill } from '../skill.ts';
import * as z from 'zod/mini';

/** A project's needs. */
export const needRoutes = {
  listSkills: route({ method: 'GET', path: '/v1/skills', tag: 'needs', summary: "The node's skills taxonomy: each skill's code and its French and English labels, for the skills of volunteer needs", response: z.object({ items: z.array(Skill) }) }),
  getNeed: route({ method: 'GET', path: '/v1/needs/{id}', tag: 'needs', summary: 'One need with its progress', params: IdPath, response: Need }),
  createNeed: route({ method: 'POST', path: '/v1/projects/{id}/needs', tag: 'needs', auth: 'organization', summary: 'Add a need to a project', params: ProjectPath, body: NeedCreate, response: Need, errors: ['invalid_state', 'idempotency_conflict'] }),
  updateNeed: route({ method: 'PATCH', path: '/v1/needs/{id}', tag: 'needs', auth: 'organization', summary: 'Edit a need', params: IdPath, body: NeedUpdate, response: Need, errors: ['invalid_state'] }),
  deleteNeed: route({ method: 'DELETE', path: '/v1/needs/{id}', tag: 'needs', auth: 'organization', summary: 'Delete a need that never had a pledge; one with pledges is refused (409 conflict): close it instead', params: IdPath, response: Empty, errors: ['invalid_state', 'conflict'] }),
} as const;
