import * as z from 'zod/mini';
import { Id, page, pageQuery, Slug } from './common.ts';
import { Community } from './community.ts';
import type { ProblemCode } from './errors.ts';
import { Event, EventCreate, EventFeedQuery, EventListQuery, EventUpdate, Registration, RegistrationCreate } from './event.ts';
import { ConfirmationPath, ConfirmationResult, ContestListQuery, Idea, IdeaContest, IdeaCreate, IdeaListQuery, PendingConfirmation, VoteCreate } from './idea.ts';
import { Need, NeedCreate, NeedUpdate } from './need.ts';
import { KeyIdentity, NodeInfo } from './node-info.ts';
import { Organization } from './organization.ts';
import { OrganizationPledge, Pledge, PledgeCreate, PledgeListQuery, PledgeStatusUpdate, PledgeWithdraw } from './pledge.ts';
import { Project, ProjectCreate, ProjectDetail, ProjectListQuery, ProjectPath, ProjectReject, ProjectUpdate } from './project.ts';

type Schema = z.core.$ZodType;

export interface Route<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema = Schema,
> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** OpenAPI style: `/v1/projects/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** public: anyone; key: any API key; organization: an organization's key; curator: a curator's key. */
  auth: 'public' | 'key' | 'organization' | 'curator';
  params: P;
  query: Q;
  body: B;
  response: R;
  status: 200 | 201 | 202;
  /** `ics` routes answer text/calendar; the rest JSON. */
  format: 'json' | 'ics';
  /** Writes that need an `Idempotency-Key` header: a replay returns the first answer. */
  idempotent: boolean;
  /** Public reads are cacheable (ETag, Cache-Control). */
  cacheable: boolean;
  errors: ProblemCode[];
}

/* @__NO_SIDE_EFFECTS__ */
function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema = Schema,
>(r: {
  method: Route['method'];
  path: string;
  summary: string;
  tag: string;
  auth?: Route['auth'];
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: Route['status'];
  format?: Route['format'];
  errors?: ProblemCode[];
}): Route<P, Q, B, R> {
  const auth = r.auth ?? 'public';
  const errors = new Set<ProblemCode>(r.errors ?? []);
  if (r.params || r.query || r.body) errors.add('validation_failed');
  if (r.params) errors.add('not_found');
  if (auth !== 'public') (errors.add('unauthorized'), errors.add('forbidden'));
  if (r.method !== 'GET') (errors.add('rate_limited'), errors.add('payload_too_large'));
  return {
    ...r,
    auth,
    params: r.params as P,
    query: r.query as Q,
    body: r.body as B,
    status: r.status ?? (r.method === 'POST' ? 201 : 200),
    format: r.format ?? 'json',
    idempotent: r.method === 'POST',
    cacheable: r.method === 'GET' && auth === 'public',
    errors: [...errors],
  };
}

const IdPath = z.strictObject({ id: Id });
const SlugPath = z.strictObject({ slug: Slug });
const Empty = z.strictObject({});
const IcsText = z.string();

/** Every route of a node's API. The server's validation, the SDK and OpenAPI all derive from it. */
export const routes = {
  nodeInfo: route({ method: 'GET', path: '/.well-known/perron.json', tag: 'node', summary: 'What this node is and where its parts are', response: NodeInfo }),
  me: route({ method: 'GET', path: '/v1/me', tag: 'node', auth: 'key', summary: 'Who the API key acts for', response: KeyIdentity }),

  listCommunities: route({ method: 'GET', path: '/v1/communities', tag: 'communities', summary: 'All communities, territorial (nested) and of interest', response: z.object({ items: z.array(Community) }) }),
  getCommunity: route({ method: 'GET', path: '/v1/communities/{slug}', tag: 'communities', summary: 'One community', params: SlugPath, response: Community }),

  listOrganizations: route({ method: 'GET', path: '/v1/organizations', tag: 'organizations', summary: 'Organizations, optionally of a community', query: z.strictObject({ community: z.optional(Slug), ...pageQuery }), response: page(Organization) }),
  getOrganization: route({ method: 'GET', path: '/v1/organizations/{slug}', tag: 'organizations', summary: 'One organization', params: SlugPath, response: Organization }),

  listProjects: route({ method: 'GET', path: '/v1/projects', tag: 'projects', summary: 'Projects, filtered, newest first', query: ProjectListQuery, response: page(Project) }),
  getProject: route({ method: 'GET', path: '/v1/projects/{id}', tag: 'projects', summary: 'A project with its needs and partners', params: ProjectPath, response: ProjectDetail }),
  createProject: route({ method: 'POST', path: '/v1/projects', tag: 'projects', auth: 'organization', summary: "Create a draft project for the key's organization", body: ProjectCreate, response: ProjectDetail, errors: ['idempotency_conflict'] }),
  updateProject: route({ method: 'PATCH', path: '/v1/projects/{id}', tag: 'projects', auth: 'organization', summary: 'Edit a project', params: ProjectPath, body: ProjectUpdate, response: ProjectDetail, errors: ['invalid_state'] }),
  submitProject: route({ method: 'POST', path: '/v1/projects/{id}/submit', tag: 'projects', auth: 'organization', summary: 'Submit a draft (or a rejected project) for review', params: ProjectPath, body: Empty, status: 200, response: ProjectDetail, errors: ['invalid_state', 'idempotency_conflict'] }),
  publishProject: route({ method: 'POST', path: '/v1/projects/{id}/publish', tag: 'projects', auth: 'curator', summary: 'Publish a submitted project (curator of one of its communities)', params: ProjectPath, body: Empty, status: 200, response: ProjectDetail, errors: ['invalid_state', 'idempotency_conflict'] }),
  rejectProject: route({ method: 'POST', path: '/v1/projects/{id}/reject', tag: 'projects', auth: 'curator', summary: 'Reject a submitted project, with a reason', params: ProjectPath, body: ProjectReject, status: 200, response: ProjectDetail, errors: ['invalid_state', 'idempotency_conflict'] }),
  completeProject: route({ method: 'POST', path: '/v1/projects/{id}/complete', tag: 'projects', auth: 'organization', summary: 'Mark a published project completed', params: ProjectPath, body: Empty, status: 200, response: ProjectDetail, errors: ['invalid_state', 'idempotency_conflict'] }),
  cancelProject: route({ method: 'POST', path: '/v1/projects/{id}/cancel', tag: 'projects', auth: 'organization', summary: 'Cancel a published project; its needs take no more pledges', params: ProjectPath, body: Empty, status: 200, response: ProjectDetail, errors: ['invalid_state', 'idempotency_conflict'] }),

  getNeed: route({ method: 'GET', path: '/v1/needs/{id}', tag: 'needs', summary: 'One need with its progress', params: IdPath, response: Need }),
  createNeed: route({ method: 'POST', path: '/v1/projects/{id}/needs', tag: 'needs', auth: 'organization', summary: 'Add a need to a project', params: ProjectPath, body: NeedCreate, response: Need, errors: ['invalid_state', 'idempotency_conflict'] }),
  updateNeed: route({ method: 'PATCH', path: '/v1/needs/{id}', tag: 'needs', auth: 'organization', summary: 'Edit a need', params: IdPath, body: NeedUpdate, response: Need, errors: ['invalid_state'] }),

  createPledge: route({ method: 'POST', path: '/v1/needs/{id}/pledges', tag: 'pledges', summary: 'Pledge time, material or money to a need (no account needed)', params: IdPath, body: PledgeCreate, response: Pledge, errors: ['over_pledged', 'invalid_state', 'idempotency_conflict'] }),
  withdrawPledge: route({ method: 'POST', path: '/v1/pledges/withdraw', tag: 'pledges', summary: 'Withdraw a pledge with the token from its receipt email', body: PledgeWithdraw, status: 200, response: Pledge, errors: ['not_found', 'invalid_state', 'idempotency_conflict'] }),
  listPledges: route({ method: 'GET', path: '/v1/pledges', tag: 'pledges', auth: 'organization', summary: "The pledges to the key's organization's projects, with contacts", query: PledgeListQuery, response: page(OrganizationPledge) }),
  updatePledge: route({ method: 'PATCH', path: '/v1/pledges/{id}', tag: 'pledges', auth: 'organization', summary: 'Confirm, decline or mark a pledge fulfilled', params: IdPath, body: PledgeStatusUpdate, response: OrganizationPledge, errors: ['invalid_state'] }),
  eraseContact: route({ method: 'DELETE', path: '/v1/pledges/{id}/contact', tag: 'pledges', auth: 'organization', summary: "Erase a pledger's contact (Law 25); the pledge itself stays counted", params: IdPath, response: OrganizationPledge }),

  listEvents: route({ method: 'GET', path: '/v1/events', tag: 'events', summary: 'Events, soonest first', query: EventListQuery, response: page(Event) }),
  eventsFeed: route({ method: 'GET', path: '/v1/events.ics', tag: 'events', summary: 'The same events as an iCalendar feed (RFC 5545)', query: EventFeedQuery, response: IcsText, format: 'ics' }),
  getEvent: route({ method: 'GET', path: '/v1/events/{id}', tag: 'events', summary: 'One event', params: IdPath, response: Event }),
  eventIcs: route({ method: 'GET', path: '/v1/events/{id}.ics', tag: 'events', summary: 'One event as iCalendar, to add to a calendar', params: IdPath, response: IcsText, format: 'ics' }),
  createEvent: route({ method: 'POST', path: '/v1/events', tag: 'events', auth: 'organization', summary: "Create an event of the key's organization", body: EventCreate, response: Event, errors: ['idempotency_conflict'] }),
  updateEvent: route({ method: 'PATCH', path: '/v1/events/{id}', tag: 'events', auth: 'organization', summary: 'Edit an event', params: IdPath, body: EventUpdate, response: Event }),
  register: route({ method: 'POST', path: '/v1/events/{id}/registrations', tag: 'events', summary: 'Register (RSVP) for an event that takes registrations', params: IdPath, body: RegistrationCreate, response: Registration, errors: ['event_full', 'invalid_state', 'idempotency_conflict'] }),

  listIdeas: route({ method: 'GET', path: '/v1/ideas', tag: 'ideas', summary: 'Confirmed ideas, by support or newest', query: IdeaListQuery, response: page(Idea) }),
  getIdea: route({ method: 'GET', path: '/v1/ideas/{id}', tag: 'ideas', summary: 'One idea', params: IdPath, response: Idea }),
  createIdea: route({ method: 'POST', path: '/v1/ideas', tag: 'ideas', summary: 'Propose an idea; it is listed once the emailed link is followed', body: IdeaCreate, status: 202, response: PendingConfirmation, errors: ['phase_closed', 'idempotency_conflict'] }),
  vote: route({ method: 'POST', path: '/v1/ideas/{id}/votes', tag: 'ideas', summary: 'Support an idea; the vote counts once the emailed link is followed', params: IdPath, body: VoteCreate, status: 202, response: PendingConfirmation, errors: ['already_voted', 'phase_closed', 'idempotency_conflict'] }),
  confirm: route({ method: 'POST', path: '/v1/confirmations/{token}', tag: 'ideas', summary: 'Confirm a vote or an idea with the token from the email', params: ConfirmationPath, body: Empty, status: 200, response: ConfirmationResult, errors: ['already_voted', 'idempotency_conflict'] }),
  listContests: route({ method: 'GET', path: '/v1/contests', tag: 'ideas', summary: 'Idea contests', query: ContestListQuery, response: page(IdeaContest) }),
  getContest: route({ method: 'GET', path: '/v1/contests/{id}', tag: 'ideas', summary: 'One idea contest and its phases', params: IdPath, response: IdeaContest }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

type Out<S> = S extends Schema ? z.output<S> : undefined;
type In<S> = S extends Schema ? z.input<S> : undefined;
export type RouteParams<N extends RouteName> = In<Routes[N]['params']>;
export type RouteQuery<N extends RouteName> = In<Routes[N]['query']>;
export type RouteBody<N extends RouteName> = In<Routes[N]['body']>;
export type RouteResponse<N extends RouteName> = Out<Routes[N]['response']>;

/** `/v1/projects/{id}` with `{ id: 'x' }` → `/v1/projects/x`. */
export function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params?.[key] ?? ''));
}
