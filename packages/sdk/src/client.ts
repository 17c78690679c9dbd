import { createCore, type PerronCore } from './core.ts';
import type { ClientOptions } from './options.ts';
import { getCommunity, listCommunities } from './resources/communities.ts';
import { cancelEvent, createEvent, eventIcs, eventIcsUrl, getEvent, listEvents, listRegistrations, registerForEvent, registrationsCsv, updateEvent } from './resources/events.ts';
import { uploadImage } from './resources/images.ts';
import { listDirectoryServices, suggestServices } from './resources/directory.ts';
import { getImpact } from './resources/impact.ts';
import { confirmByEmail, createIdea, getContest, getIdea, listContests, listIdeas, voteForIdea } from './resources/ideas.ts';
import { createNeed, deleteNeed, getNeed, listSkills, updateNeed } from './resources/needs.ts';
import { me, nodeInfo } from './resources/node.ts';
import { getOrganization, listOrganizations } from './resources/organizations.ts';
import { confirmPledge, createPledge, eraseContact, listPledges, pledgesCsv, updatePledge, withdrawPledge } from './resources/pledges.ts';
import { approveRevision, getRevision, listRevisions, rejectRevision } from './resources/revisions.ts';
import { createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks, rotateWebhookSecret, updateWebhook } from './resources/webhooks.ts';
import { answerPartnership, listPartnerships } from './resources/partnerships.ts';
import { cancelProject, completeProject, createProject, getProject, listProjects, publishProject, rejectProject, submitProject, updateProject } from './resources/projects.ts';
import { confirmSupport, supportProject } from './resources/supports.ts';

/**
 * A client of one Perron node, or of several at once (`nodes`): every call, grouped by resource.
 * It is also a core, so it can be given to the per-call functions and to `<perron-platform>`.
 *
 * ```ts
 * const perron = createClient({ node: 'http://localhost:8080' });
 * for await (const project of perron.projects.list({ community: 'villeray' })) console.log(project.title.fr);
 * ```
 */
export function createClient(options: ClientOptions) {
  const core = createCore(options);
  return {
    ...core,
    info: bind(core, nodeInfo),
    me: bind(core, me),
    communities: bindAll(core, { list: listCommunities, get: getCommunity }),
    organizations: bindAll(core, { list: listOrganizations, get: getOrganization }),
    projects: bindAll(core, { list: listProjects, get: getProject, create: createProject, update: updateProject, submit: submitProject, complete: completeProject, cancel: cancelProject, publish: publishProject, reject: rejectProject, support: supportProject, confirmSupport }),
    needs: bindAll(core, { get: getNeed, create: createNeed, update: updateNeed, delete: deleteNeed }),
    skills: bindAll(core, { list: listSkills }),
    pledges: bindAll(core, { create: createPledge, confirm: confirmPledge, withdraw: withdrawPledge, list: listPledges, csv: pledgesCsv, update: updatePledge, eraseContact }),
    events: bindAll(core, { list: listEvents, get: getEvent, ics: eventIcs, icsUrl: eventIcsUrl, create: createEvent, update: updateEvent, cancel: cancelEvent, register: registerForEvent, registrations: listRegistrations, registrationsCsv }),
    images: bindAll(core, { upload: uploadImage }),
    ideas: bindAll(core, { list: listIdeas, get: getIdea, create: createIdea, vote: voteForIdea, confirm: confirmByEmail }),
    contests: bindAll(core, { list: listContests, get: getContest }),
    impact: bindAll(core, { get: getImpact }),
    directory: bindAll(core, { services: listDirectoryServices, suggest: suggestServices }),
    revisions: bindAll(core, { list: listRevisions, get: getRevision, approve: approveRevision, reject: rejectRevision }),
    partnerships: bindAll(core, { list: listPartnerships, answer: answerPartnership }),
    webhooks: bindAll(core, { list: listWebhooks, create: createWebhook, update: updateWebhook, delete: deleteWebhook, rotateSecret: rotateWebhookSecret, deliveries: listWebhookDeliveries }),
  };
}

export type PerronClient = ReturnType<typeof createClient>;

type Call = (core: PerronCore, ...args: never[]) => unknown;
type Bound<F> = F extends (core: PerronCore, ...args: infer A) => infer R ? (...args: A) => R : never;

/** `getProject(core, id, o)` as `projects.get(id, o)`. */
const bind = <F extends Call>(core: PerronCore, call: F) => ((...args: never[]) => call(core, ...args)) as Bound<F>;

const bindAll = <M extends Record<string, Call>>(core: PerronCore, calls: M) =>
  Object.fromEntries(Object.entries(calls).map(([name, call]) => [name, bind(core, call)])) as { [K in keyof M]: Bound<M[K]> };
