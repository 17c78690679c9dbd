import {
  importedService,
  listDirectoryOrganizations,
  listDirectoryServices,
  serviceRow,
  toService,
  type ServiceRow,
} from '../db/queries/directory.ts';
import { ProblemError } from '../http/problem.ts';
import { importDirectory, listImports, removeImport } from '../services/directory-imports.ts';
import * as services from '../services/directory.ts';
import { suggestServices } from '../services/service-suggestions.ts';
import { hsdsImported, hsdsMeta, hsdsOrganization, hsdsPage, hsdsService } from '../services/hsds.ts';
import type { Handlers } from './types.ts';

const PER_PAGE = 20;

const orgOf = (r: ServiceRow) => ({ id: r.org_id, name: r.org_name, name_en: r.org_name_en, description: r.org_description, website: r.org_website });

export const directoryHandlers = {
  async getService({ q, params }) {
    const row = await serviceRow(q, params.id);
    if (!row) throw new ProblemError('not_found', `No service has the id ${params.id}`);
    return toService(row);
  },

  async createService({ q, body, key, node }) {
    return services.createService(q, key!.organizationId!, body, node.now());
  },

  async updateService({ q, params, body, key, node }) {
    // A field left out stays as it was: the update is merged into what was written.
    const patch = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    return services.reviseService(q, key!.organizationId!, params.id, (current) => ({ ...current, ...patch }), node.now());
  },

  async deleteService({ q, params, key }) {
    await services.deleteService(q, key!.organizationId!, params.id);
    return {};
  },

  async suggestServices({ q, query }) {
    if ((query.project === undefined) === (query.need === undefined)) {
      throw new ProblemError('validation_failed', 'Invalid query', { errors: [{ path: 'query.project', message: 'Give exactly one of project or need', code: 'one_of' }] });
    }
    const ask = query.project !== undefined ? { project: query.project } : { need: query.need! };
    return suggestServices(q, ask, query.lang ?? 'fr', query.limit ?? 3);
  },

  async listDirectories({ q }) {
    return { items: await listImports(q), nextCursor: null };
  },

  async createDirectory({ q, body, node }) {
    return importDirectory(q, node, body);
  },

  async deleteDirectory({ q, params }) {
    await removeImport(q, params.id);
    return {};
  },

  async hsdsMeta({ node }) {
    return hsdsMeta(node.baseUrl);
  },

  async hsdsServices({ q, query }) {
    const lang = query.lang ?? 'fr';
    const page = query.page ?? 1;
    const perPage = query.per_page ?? PER_PAGE;
    const { total, items } = await listDirectoryServices(q, { search: query.search, organizationId: query.organization_id, language: query.language, offset: (page - 1) * perPage, limit: perPage });
    const contents = items.map((i) => (i.local ? hsdsService(toService(i.local), hsdsOrganization(orgOf(i.local), lang), lang) : hsdsImported(i.imported!.data, i.imported!.origin)));
    return hsdsPage(contents, total, page, perPage);
  },

  async hsdsService({ q, params, query }) {
    const lang = query.lang ?? 'fr';
    const row = await serviceRow(q, params.id);
    if (row) return hsdsService(toService(row), hsdsOrganization(orgOf(row), lang), lang);
    const copy = await importedService(q, params.id);
    if (!copy) throw new ProblemError('not_found', `No service has the id ${params.id}`);
    return hsdsImported(copy.data, copy.origin);
  },

  async hsdsOrganizations({ q, query }) {
    const lang = query.lang ?? 'fr';
    const page = query.page ?? 1;
    const perPage = query.per_page ?? PER_PAGE;
    const { total, items } = await listDirectoryOrganizations(q, { search: query.search, offset: (page - 1) * perPage, limit: perPage });
    return hsdsPage(
      items.map((i) => (i.local ? hsdsOrganization(i.local, lang) : i.imported!)),
      total,
      page,
      perPage,
    );
  },
} satisfies Partial<Handlers>;
