import { page } from '../common.ts';
import { Project, ProjectCreate, ProjectDetail, ProjectListQuery, ProjectPath, ProjectReject, ProjectUpdate } from '../project.ts';
import { Empty, route } from '../route.ts';

/** Projects and their workflow: draft, submitted, published, completed or cancelled. */
export const projectRoutes = {
  listProjects: route({ method: 'GET', path: '/v1/projects', tag: 'projects', summary: 'Projects, filtered, newest first', query: ProjectListQuery, response: page(Project) }),
  getProject: route({ method: 'GET', path: '/v1/projects/{id}', tag: 'projects', summary: 'A project with its needs and partners', params: ProjectPath, response: ProjectDetail }),
  createProject: route({ method: 'POST', path: '/v1/projects', tag: 'projects', auth: 'organization', summary: "Create a draft project for the key's organization", body: ProjectCreate, response: ProjectDetail, errors: ['idempotency_conflict'] }),
  updateProject: route({ method: 'PATCH', path: '/v1/projects/{id}', tag: 'projects', auth: 'organization', summary: 'Edit a project', params: ProjectPath, body: ProjectUpdate, response: ProjectDetail, errors: ['invalid_state'] }),
  submitProject: route({ method: 'POST', path: '/v1/projects/{id}/submit', tag: 'projects', auth: 'organization', summary: 'Submit a draft (or a rejected project) for review', params: ProjectPath, body: Empty, status: 200, response: ProjectDetail, errors: ['invalid_state', 'idempotency_conflict'] }),
  publishProject: route({ method: 'POST', path: '/v1/projects/{id}/publish', tag: 'projects', auth: 'curator', summary: 'Publish a submitted project (curator of one of its communities)', params: ProjectPath, body: Empty, status: 200, response: ProjectDetail, errors: ['invalid_state', 'idempotency_conflict'] }),
  rejectProject: route({ method: 'POST', path: '/v1/projects/{id}/reject', tag: 'projects', auth: 'curator', summary: 'Reject a submitted project, with a reason', params: ProjectPath, body: ProjectReject, status: 200, response: ProjectDetail, errors: ['invalid_state', 'idempotency_conflict'] }),
  completeProject: route({ method: 'POST', path: '/v1/projects/{id}/complete', tag: 'projects', auth: 'organization', summary: 'Mark a published project completed', params: ProjectPath, body: Empty, status: 200, response: ProjectDetail, errors: ['invalid_state', 'idempotency_conflict'] }),
  cancelProject: route({ method: 'POST', path: '/v1/projects/{id}/cancel', tag: 'projects', auth: 'organization', summary: 'Cancel a published project; its needs take no more pledges', params: ProjectPath, body: Empty, status: 200, response: ProjectDetail, errors: ['invalid_state', 'idempotency_conflict'] }),
} as const;
