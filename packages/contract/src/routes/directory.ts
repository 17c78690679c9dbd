import { Directory, DirectoryCreate, HsdsItemQuery, HsdsListQuery, HsdsMeta, HsdsOrganizationPage, HsdsPath, HsdsService, HsdsServicePage, HsdsServiceQuery } from '../hsds.ts';
import { page } from '../common.ts';
import { Empty, IdPath, route } from '../route.ts';
import { Service, ServiceCreate, ServiceSuggestionQuery, ServiceSuggestions, ServiceUpdate } from '../service.ts';

/**
 * The resource directory: organizations describe their ongoing services; the node serves them,
 * with the directories it imports, as an Open Referral HSDS 3 API under `/hsds/`.
 */
export const directoryRoutes = {
  getService: route({ method: 'GET', path: '/v1/services/{id}', tag: 'directory', summary: 'A service of this node, in both languages', params: IdPath, response: Service }),
  createService: route({ method: 'POST', path: '/v1/services', tag: 'directory', auth: 'organization', summary: "Describe an ongoing service of the key's organization (French, and English when given)", body: ServiceCreate, response: Service, errors: ['idempotency_conflict'] }),
  updateService: route({ method: 'PATCH', path: '/v1/services/{id}', tag: 'directory', auth: 'organization', summary: 'Edit a service', params: IdPath, body: ServiceUpdate, response: Service }),
  deleteService: route({ method: 'DELETE', path: '/v1/services/{id}', tag: 'directory', auth: 'organization', summary: 'Remove a service from the directory', params: IdPath, response: Empty }),
  suggestServices: route({
    method: 'GET',
    path: '/v1/service-suggestions',
    tag: 'directory',
    summary: "Services of this node's directory (its own and imported) that could answer a project's open needs or one need: in the project's communities or those around them, matching the need's kind, words and skills",
    query: ServiceSuggestionQuery,
    response: ServiceSuggestions,
    errors: ['not_found'],
  }),
  listDirectories: route({ method: 'GET', path: '/v1/directories', tag: 'directory', auth: 'curator', summary: 'The HSDS directories this node imports', response: page(Directory) }),
  createDirectory: route({ method: 'POST', path: '/v1/directories', tag: 'directory', auth: 'curator', summary: 'Import a directory from an HSDS 3 API by its URL; the worker reads it and keeps it in sync', body: DirectoryCreate, response: Directory, errors: ['conflict', 'idempotency_conflict'] }),
  deleteDirectory: route({ method: 'DELETE', path: '/v1/directories/{id}', tag: 'directory', auth: 'curator', summary: 'Stop importing a directory; its services leave this node', params: IdPath, response: Empty }),
  hsdsMeta: route({ method: 'GET', path: '/hsds', tag: 'directory', summary: 'HSDS 3: what this API is (also at /hsds/)', response: HsdsMeta }),
  hsdsServices: route({ method: 'GET', path: '/hsds/services', tag: 'directory', summary: "HSDS 3: the services, this node's and those it imports, by page", query: HsdsServiceQuery, response: HsdsServicePage }),
  hsdsService: route({ method: 'GET', path: '/hsds/services/{id}', tag: 'directory', summary: 'HSDS 3: one service, fully nested', params: HsdsPath, query: HsdsItemQuery, response: HsdsService }),
  hsdsOrganizations: route({ method: 'GET', path: '/hsds/organizations', tag: 'directory', summary: 'HSDS 3: the organizations that offer the services, by page', query: HsdsListQuery, response: HsdsOrganizationPage }),
} as const;
