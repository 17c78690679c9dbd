// Answers a node could give, valid by the contract, for the msw handlers of the SDK's tests.
import type { Community, Event, Idea, Need, Problem, ProblemCode, Project, ProjectDetail } from '@perron/contract';
import { PROBLEM_CODES, problemType } from '@perron/contract';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

export const A = 'https://a.perron.test';
export const B = 'https://b.perron.test';

const organization = { id: 'org1', slug: 'cuisine-collective', name: 'Cuisine collective', kind: 'community_organization' as const };
const progress = { needs: 1, filled: 0, ratio: 0.5 };

export function project(id: string, overrides: Partial<Project> = {}): Project {
  return {
    id,
    status: 'published',
    title: { fr: `Projet ${id}`, en: `Project ${id}` },
    summary: { fr: 'Un jardin partagé' },
    description: null,
    themes: ['agriculture'],
    communities: ['villeray'],
    organization,
    image: null,
    startsOn: '2026-05-01',
    endsOn: null,
    partners: [],
    supporterCount: 3,
    crowdfunding: null,
    progress: { human: progress, material: progress, financial: { ...progress, wantedCents: 100000, pledgedCents: 50000 } },
    rejectionReason: null,
    url: `http://localhost:8080/projects/${id}`,
    createdAt: '2026-01-01T12:00:00.000Z',
    updatedAt: '2026-01-02T12:00:00.000Z',
    ...overrides,
  };
}

export function need(id: string, projectId: string): Need {
  return { id, projectId, title: { fr: 'Bénévoles' }, description: null, status: 'open', wanted: 10, pledged: 4, pledgeCount: 2, category: 'human', unit: 'people', skills: [], shift: null };
}

export const projectDetail = (id: string): ProjectDetail => ({ ...project(id), needs: [need(`${id}-n1`, id)] });

export function event(id: string, startsAt: string): Event {
  return {
    id,
    status: 'scheduled',
    title: { fr: `Atelier ${id}` },
    description: null,
    category: 'workshop',
    organization,
    community: 'villeray',
    projectId: null,
    startsAt,
    endsAt: startsAt,
    timeZone: 'America/Toronto',
    place: { name: 'Centre communautaire', address: '1 rue Principale' },
    link: null,
    capacity: null,
    registration: false,
    registeredCount: 0,
    url: `https://a.perron.test/events/${id}`,
  };
}

export function idea(id: string, supportCount: number): Idea {
  return { id, title: `Idée ${id}`, description: 'Des bancs au parc', lang: 'fr', community: 'villeray', contestId: null, status: 'published', supportCount, projectId: null, createdAt: '2026-01-01T12:00:00.000Z' };
}

export const community = (slug: string): Community => ({ id: `c-${slug}`, slug, kind: 'territorial', level: 'neighbourhood', parent: null, name: { fr: slug }, description: null });

export const pledge = (id: string, needId: string) => ({ id, needId, projectId: 'p1', category: 'human' as const, quantity: 2, status: 'held' as const, createdAt: '2026-01-03T12:00:00.000Z', heldUntil: '2026-01-03T12:45:00.000Z', collection: null });

export const pledgeBody = {
  quantity: 2,
  contact: { name: 'Marie Tremblay', email: 'marie@example.org' },
  consent: { version: '2026-11', shareWithOrganizers: true as const },
  lang: 'fr' as const,
};

/** A problem+json answer as a node sends it. */
export function problem(code: ProblemCode, extra: Partial<Problem> = {}, headers: Record<string, string> = {}) {
  const body: Problem = { type: problemType(code), code, title: code.replaceAll('_', ' '), status: PROBLEM_CODES[code], requestId: 'req-1', ...extra };
  return HttpResponse.json(body, { status: body.status, headers: { 'content-type': 'application/problem+json', ...headers } });
}

/** One msw server per test file; handlers are added per test with `server.use`. */
export function mockNodes() {
  const server = setupServer();
  return {
    server,
    start: () => server.listen({ onUnhandledRequest: 'error' }),
    reset: () => server.resetHandlers(),
    stop: () => server.close(),
  };
}

/** A fetch that counts the requests it lets through. */
export function countingFetch() {
  const requests: Request[] = [];
  const fetch = (input: Request, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return globalThis.fetch(request);
  };
  return { fetch, requests };
}
