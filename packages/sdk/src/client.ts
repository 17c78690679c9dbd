import type { RouteName, RouteQuery, RouteResponse } from '@perron/contract';
import { validationError } from './errors.ts';
import { listOrders, mergedPages } from './federation.ts';
import { Transport, type CallOptions, type RouteInput } from './http.ts';
import { settings, type ClientOptions, type Settings } from './options.ts';
import { createList, type List } from './pagination.ts';
import { communities } from './resources/communities.ts';
import { events } from './resources/events.ts';
import { contests, ideas } from './resources/ideas.ts';
import { needs } from './resources/needs.ts';
import { organizations } from './resources/organizations.ts';
import { pledges } from './resources/pledges.ts';
import { projects } from './resources/projects.ts';

/** An item as read from a node: it carries the node's base URL, where its `get` and writes go. */
export type WithOrigin<T> = T extends object
  ? T & { origin: string } & (T extends { needs: (infer N)[] } ? { needs: WithOrigin<N>[] } : unknown) & (T extends { idea: infer I } ? { idea: WithOrigin<I> } : unknown)
  : T;

export type ListRouteName = keyof typeof listOrders;
export type ListItem<N extends ListRouteName> = RouteResponse<N>['items'][number];

/** What the resource modules are written against. */
export interface Context {
  call<N extends RouteName>(name: N, input: RouteInput, options?: CallOptions, id?: string): Promise<WithOrigin<RouteResponse<N>>>;
  list<N extends ListRouteName>(name: N, query: RouteQuery<N> | undefined, options?: CallOptions): List<WithOrigin<ListItem<N>>>;
  /** Every node's answer to one call (several nodes), the failed ones left out unless all fail. */
  all<N extends RouteName>(name: N, input: RouteInput, options?: CallOptions): Promise<WithOrigin<RouteResponse<N>>[]>;
  url(name: RouteName, input: RouteInput, options?: CallOptions, id?: string): string;
}

/**
 * A client of one Perron node, or of several at once (`nodes`).
 *
 * ```ts
 * const perron = createClient({ node: 'http://localhost:8080' });
 * for await (const project of perron.projects.list({ community: 'villeray' })) console.log(project.title.fr);
 * ```
 */
export function createClient(options: ClientOptions) {
  const s = settings(options);
  const context = createContext(s, new Transport(s));
  return {
    /** The nodes this client reads from, normalized (no trailing slash). */
    nodes: [...s.nodes] as readonly string[],
    /** What the node is and where its parts are. */
    info: (o?: CallOptions) => context.call('nodeInfo', {}, o),
    /** Who the API key acts for. */
    me: (o?: CallOptions) => context.call('me', {}, o),
    communities: communities(context),
    organizations: organizations(context),
    projects: projects(context),
    needs: needs(context),
    pledges: pledges(context),
    events: events(context),
    ideas: ideas(context),
    contests: contests(context),
  };
}

export type PerronClient = ReturnType<typeof createClient>;

const MAX_REMEMBERED = 5_000;

function createContext(s: Settings, transport: Transport): Context {
  // Which node each id (or slug) was read from, so `get(id)` and writes find its origin.
  const origins = new Map<string, string>();
  const remember = (id: string, node: string) => {
    if (s.nodes.length === 1) return;
    origins.delete(id);
    origins.set(id, node);
    if (origins.size > MAX_REMEMBERED) origins.delete(origins.keys().next().value!);
  };

  function stamp<T>(value: T, node: string): WithOrigin<T> {
    if (typeof value !== 'object' || value === null) return value as WithOrigin<T>;
    const v = value as Record<string, unknown>;
    const out: Record<string, unknown> = { ...v, origin: node };
    if (Array.isArray(v.needs)) out.needs = v.needs.map((n) => stamp(n, node));
    if (typeof v.idea === 'object') out.idea = stamp(v.idea, node);
    for (const key of ['id', 'slug']) if (typeof v[key] === 'string') remember(v[key], node);
    return out as WithOrigin<T>;
  }

  function nodeFor(options: CallOptions | undefined, id: string | undefined): string {
    if (options?.origin !== undefined) {
      const origin = options.origin.replace(/\/+$/, '');
      if (!s.nodes.includes(origin)) {
        throw validationError('options', [{ code: 'custom', path: ['origin'], message: 'Expected one of the nodes of this client', input: origin }], 'call');
      }
      return origin;
    }
    return (id === undefined ? undefined : origins.get(id)) ?? s.nodes[0]!;
  }

  const context: Context = {
    async call(name, input, options, id) {
      const node = nodeFor(options, id);
      return stamp(await transport.call(node, name, input, options), node);
    },

    list(name, query, options) {
      const { cursor, ...rest } = (query ?? {}) as { cursor?: string; limit?: number };
      const nodePage = async (node: string, cursor: string | undefined) => {
        const page = (await transport.call(node, name, { query: { ...rest, cursor } }, options)) as { items: unknown[]; nextCursor: string | null };
        return { items: page.items.map((item) => stamp(item, node)), nextCursor: page.nextCursor };
      };
      const nodes = options?.origin !== undefined || s.nodes.length === 1 ? [nodeFor(options, undefined)] : s.nodes;
      if (nodes.length === 1) {
        return createList(async (c) => ({ ...(await nodePage(nodes[0]!, c)), errors: [] }), cursor) as List<never>;
      }
      const compare = listOrders[name](query as never) as (a: unknown, b: unknown) => number;
      return createList(mergedPages(nodes, nodePage, compare, rest.limit), cursor) as List<never>;
    },

    async all(name, input, options) {
      const nodes = options?.origin !== undefined ? [nodeFor(options, undefined)] : s.nodes;
      const settled = await Promise.allSettled(nodes.map(async (node) => stamp(await transport.call(node, name, input, options), node)));
      const answered = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      if (answered.length === 0) throw (settled[0] as PromiseRejectedResult).reason;
      return answered;
    },

    url: (name, input, options, id) => transport.url(nodeFor(options, id), name, input),
  };
  return context;
}
