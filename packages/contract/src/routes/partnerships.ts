import { page } from '../common.ts';
import { Partnership, PartnershipAnswer, ProjectPath } from '../project.ts';
import { route } from '../route.ts';

/** The projects that name the key's organization as a partner, and its answer (the workspace's « Partenariats » screen does the same). */
export const partnershipRoutes = {
  listPartnerships: route({ method: 'GET', path: '/v1/partnerships', tag: 'projects', auth: 'organization', summary: "The projects that name the key's organization as a partner, proposals first", response: page(Partnership) }),
  answerPartnership: route({ method: 'PATCH', path: '/v1/partnerships/{id}', tag: 'projects', auth: 'organization', summary: 'Accept (public from then on) or decline being the partner of the project {id}', params: ProjectPath, body: PartnershipAnswer, response: Partnership }),
} as const;
