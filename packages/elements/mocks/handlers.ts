import { problemType, routes, type Need, type ProblemCode, type RouteName } from '@perron/contract';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import * as fx from './fixtures.ts';

/**
 * msw handlers for the node's API, one scenario set shared by the stories and the element tests.
 * Paths and request validation come from the contract's route table, so a mock cannot drift from it.
 *
 * Conventions: an email starting with `deja` has already voted; a need's pledges and an event's
 * registrations follow the fixtures' capacities.
 */
export type Scenario = 'default' | 'empty' | 'error' | 'slow' | 'notFound';
export const scenarios: Scenario[] = ['default', 'empty', 'error', 'slow', 'notFound'];

export interface MockOptions {
  /** The `slow` scenario's delay in ms; 'infinite' keeps every request pending (the default). */
  latency?: number | 'infinite';
}

/** What the mocked node received, for tests to assert on. */
export const received: { route: RouteName; idempotencyKey: string | null; body: unknown }[] = [];

const PROBLEM_TITLES: Partial<Record<ProblemCode, string>> = {
  not_found: 'Not found',
  internal: 'Internal error',
  validation_failed: 'Validation failed',
  over_pledged: 'Over-pledged',
  already_voted: 'Already voted',
  event_full: 'Event full',
};

export function problem(code: ProblemCode, status: number, extra: object = {}) {
  return HttpResponse.json(
    { type: problemType(code), code, title: PROBLEM_TITLES[code] ?? code, status, requestId: 'req-mock', ...extra },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}

const path = (name: RouteName) => `*${routes[name].path.replace(/\{(\w+)\}/g, ':$1')}`;

type Resolver = (args: { params: Record<string, string>; url: URL; body: unknown }) => Response | Promise<Response>;

/** One route, its request body checked with the contract's schema like a node would. */
function on(name: RouteName, resolve: Resolver): HttpHandler {
  const route = routes[name];
  const method = route.method.toLowerCase() as 'get' | 'post';
  return http[method](path(name), async ({ request, params }) => {
    const body = route.body ? await request.json().catch(() => undefined) : undefined;
    if (route.method !== 'GET') received.push({ route: name, idempotencyKey: request.headers.get('idempotency-key'), body });
    if (route.body) {
      const parsed = route.body.safeParse(body) as { success: boolean; error?: { issues: { path: PropertyKey[]; message: string; code: string }[] } };
      if (!parsed.success) {
        const errors = parsed.error!.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message, code: i.code }));
        return problem('validation_failed', 400, { errors });
      }
    }
    return resolve({ params: params as Record<string, string>, url: new URL(request.url), body });
  });
}

/** `limit` and `cursor` over an array, as a node pages. */
function paged<T>(items: T[], url: URL) {
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const start = Number(url.searchParams.get('cursor') ?? 0);
  const end = start + limit;
  return HttpResponse.json({ items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null });
}

const allNeeds = () => fx.projectDetails.flatMap((p) => p.needs);

function data(empty: boolean): HttpHandler[] {
  const projectsOf = (url: URL) => {
    if (empty) return [];
    const q = Object.fromEntries(url.searchParams);
    return fx.projects.filter(
      (p) =>
        (!q.theme || p.themes.includes(q.theme as never)) &&
        (!q.partner || p.partners.some((x) => x.organization.slug === q.partner)) &&
        (!q.status || p.status === q.status) &&
        (!q.needs || p.progress[q.needs as Need['category']].needs > 0) &&
        (!q.community || p.communities.includes(q.community) || (q.community === 'montreal' && p.communities.length > 0)),
    );
  };
  const project = (id: string) => (empty ? { ...fx.emptyProject, id } : fx.projectDetails.find((p) => p.id === id));
  return [
    on('listCommunities', () => HttpResponse.json({ items: fx.communities })),
    on('listProjects', ({ url }) => paged(projectsOf(url), url)),
    on('getProject', ({ params }) => {
      const p = project(params.id!);
      return p ? HttpResponse.json(p) : problem('not_found', 404);
    }),
    on('getNeed', ({ params }) => {
      const need = allNeeds().find((n) => n.id === params.id);
      return need ? HttpResponse.json(need) : problem('not_found', 404);
    }),
    on('createPledge', ({ params, body }) => {
      const need = allNeeds().find((n) => n.id === params.id);
      if (!need) return problem('not_found', 404);
      const quantity = (body as { quantity: number }).quantity;
      if (need.status !== 'open') return problem('invalid_state', 409);
      const owner = fx.projectDetails.find((p) => p.id === need.projectId);
      if (need.category === 'financial' && owner?.crowdfunding && !owner.crowdfunding.unlocked) return problem('crowdfunding_locked', 409);
      if (need.category !== 'financial' && need.pledged + quantity > need.wanted) return problem('over_pledged', 409);
      return HttpResponse.json(fx.pledgeFor(need, quantity), { status: 201 });
    }),
    on('supportProject', ({ params, body }) => {
      if (!fx.projectDetails.some((p) => p.id === params.id)) return problem('not_found', 404);
      if ((body as { email: string }).email.startsWith('deja')) return problem('already_supported', 409);
      return HttpResponse.json({ status: 'pending_confirmation', projectId: params.id, expiresAt: '2026-11-25T15:00:00Z' }, { status: 202 });
    }),
    on('listEvents', ({ url }) => {
      const from = url.searchParams.get('from') ?? fx.today;
      const to = url.searchParams.get('to');
      const community = url.searchParams.get('community');
      const organization = url.searchParams.get('organization');
      const items = empty
        ? []
        : fx.events.filter(
            (e) =>
              e.endsAt.slice(0, 10) >= from &&
              (!to || e.startsAt.slice(0, 10) <= to) &&
              (!community || e.community === community) &&
              (!organization || e.organization.slug === organization),
          );
      return paged(items, url);
    }),
    on('getEvent', ({ params }) => {
      const e = fx.events.find((x) => x.id === params.id);
      return e ? HttpResponse.json(e) : problem('not_found', 404);
    }),
    on('register', ({ params, body }) => {
      const e = fx.events.find((x) => x.id === params.id);
      if (!e) return problem('not_found', 404);
      const seats = (body as { seats?: number }).seats ?? 1;
      if (e.capacity !== null && e.registeredCount + seats > e.capacity) return problem('event_full', 409);
      return HttpResponse.json({ id: `r-${e.id}`, eventId: e.id, seats, status: 'registered', createdAt: '2026-11-23T15:00:00Z' }, { status: 201 });
    }),
    on('getIdea', ({ params }) => {
      const idea = fx.ideas.find((i) => i.id === params.id);
      return idea ? HttpResponse.json(empty ? { ...idea, supportCount: 0 } : idea) : problem('not_found', 404);
    }),
    on('listIdeas', ({ url }) => {
      const community = url.searchParams.get('community');
      const ideas = fx.ideas.filter((i) => (community ? i.community === community : i.contestId === url.searchParams.get('contest')));
      return paged(empty ? [] : ideas, url);
    }),
    on('vote', ({ params, body }) => {
      if (!fx.ideas.some((i) => i.id === params.id)) return problem('not_found', 404);
      if ((body as { email: string }).email.startsWith('deja')) return problem('already_voted', 409);
      return HttpResponse.json({ status: 'pending_confirmation', kind: 'vote', ideaId: params.id, expiresAt: '2026-11-25T15:00:00Z' }, { status: 202 });
    }),
    on('hsdsServices', ({ url }) => {
      const q = Object.fromEntries(url.searchParams);
      const lang = q.lang === 'en' ? 'en' : 'fr';
      const words = (q.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const all = (empty ? [] : fx.directory)
        .map((s) => s[lang])
        .filter((s) => (!q.language || s.languages!.some((l) => l.code === q.language)) && words.every((w) => `${s.name} ${s.description}`.toLowerCase().includes(w)));
      const perPage = Number(q.per_page ?? 20);
      const page = Number(q.page ?? 1);
      const contents = all.slice((page - 1) * perPage, page * perPage);
      const pages = Math.max(1, Math.ceil(all.length / perPage));
      return HttpResponse.json({ total_items: all.length, total_pages: pages, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= pages, empty: !all.length, contents });
    }),
    // A project's open needs, each with the services that could also answer it (none in the empty scenario).
    on('suggestServices', ({ url }) => {
      const q = Object.fromEntries(url.searchParams);
      const lang = q.lang === 'en' ? 'en' : 'fr';
      const owner = fx.projectDetails.find((p) => p.id === q.project);
      if (!owner) return problem('not_found', 404);
      const needs = owner.needs.filter((n) => n.status === 'open').map((n) => ({ need: n.id, services: empty ? [] : (fx.serviceSuggestions[lang][n.id] ?? []) }));
      return HttpResponse.json({ needs });
    }),
    on('getContest', ({ params }) => {
      const contest = [fx.contest, fx.openContest].find((c) => c.id === params.id);
      return contest ? HttpResponse.json(empty ? { ...contest, ideaCount: 0 } : contest) : problem('not_found', 404);
    }),
    on('getCommunity', ({ params }) => {
      const community = fx.communities.find((c) => c.slug === params.slug);
      return community ? HttpResponse.json(community) : problem('not_found', 404);
    }),
    // A partner or community the node does not know is a 404, as a node answers.
    on('getImpact', ({ url }) => {
      const partner = url.searchParams.get('partner');
      const community = url.searchParams.get('community');
      if (partner !== fx.organizations.caisse.slug && !fx.communities.some((c) => c.slug === community)) return problem('not_found', 404);
      const months = empty ? fx.impact.months.map((m) => ({ ...m, pledges: 0, hours: 0, moneyCents: 0 })) : fx.impact.months;
      const totals = empty ? { volunteers: 0, hours: 0, materials: { pledges: 0, items: 0 }, money: { cents: 0, currency: 'CAD' }, projectsCompleted: 0 } : {};
      return HttpResponse.json({ ...fx.impact, ...totals, partner, community, months });
    }),
    on('listContests', ({ url }) => paged(empty ? [] : [fx.contest, fx.openContest].filter((c) => c.community === url.searchParams.get('community')), url)),
    // An idea whose title starts with "refus" is refused at its title, as a node refuses what it can't store.
    on('createIdea', ({ body }) => {
      const { title, contestId } = body as { title: string; contestId?: string };
      if (title.startsWith('refus')) return problem('validation_failed', 400, { errors: [{ path: 'body.title', message: 'Unsupported characters', code: 'bad_text' }] });
      if (contestId && contestId !== fx.openContest.id) return problem('phase_closed', 409);
      return HttpResponse.json({ status: 'pending_confirmation', kind: 'idea', ideaId: 'i-nouvelle', expiresAt: '2026-12-07T15:00:00Z' }, { status: 202 });
    }),
  ];
}

/** A tiny image for the fixtures' image URLs, so that no request leaves the page. */
const images = http.get(`${fx.IMAGE_HOST}/*`, () =>
  HttpResponse.text(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"><rect width="160" height="90" fill="#cfe3c4"/><rect y="60" width="160" height="30" fill="#7a5b3a"/><circle cx="40" cy="52" r="14" fill="#3f7d3a"/><circle cx="80" cy="48" r="18" fill="#4f9a46"/><circle cx="122" cy="54" r="12" fill="#3f7d3a"/></svg>',
    { headers: { 'content-type': 'image/svg+xml' } },
  ),
);

const GETS = (Object.keys(routes) as RouteName[]).filter((n) => routes[n].method === 'GET' && routes[n].format === 'json');
const WRITES = (Object.keys(routes) as RouteName[]).filter((n) => routes[n].method !== 'GET');

export function handlers(scenario: Scenario = 'default', options: MockOptions = {}): HttpHandler[] {
  switch (scenario) {
    case 'default':
      return [images, ...data(false)];
    case 'empty':
      return [images, ...data(true)];
    case 'error':
      return [images, ...[...GETS, ...WRITES].map((n) => on(n, () => problem('internal', 500)))];
    case 'notFound':
      return [images, ...GETS.map((n) => on(n, ({ url }) => (routes[n].params || routes[n].errors.includes('not_found') ? problem('not_found', 404) : paged([], url))))];
    case 'slow': {
      const latency = options.latency ?? 'infinite';
      const slow = http.all(/\/(v1|hsds)\//, async () => {
        await delay(latency);
      });
      return [images, slow, ...data(false)];
    }
  }
}
