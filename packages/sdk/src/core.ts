import type { Route } from '@perron/contract';
import { contractChecks } from './checks.ts';
import { fieldError } from './errors.ts';
import { Transport, type Answer, type CallOptions, type RouteInput } from './http.ts';
import { settings, type ClientOptions } from './options.ts';
import type { Order } from './orders.ts';
import { createList, type List } from './pagination.ts';

/** An item as read from a node: it carries the node's base URL, where its `get` and writes go. */
export type WithOrigin<T> = T extends object
  ? T & { origin: string } & (T extends { needs: (infer N)[] } ? { needs: WithOrigin<N>[] } : unknown) & (T extends { idea: infer I } ? { idea: WithOrigin<I> } : unknown)
  : T;

/** The item of a list route's page. */
export type ListItem<R extends Route> = Answer<R> extends { items: (infer I)[] } ? I : never;

/**
 * What every call goes through: one node or several, validation, retries, de-duplication, cache,
 * and each item's origin. It takes the contract's route objects (`routes.getProject`), so a bundle
 * holds only the routes, and the schemas, of the calls it makes. A client is also a core.
 */
export interface PerronCore {
  /** The nodes read from, normalized (no trailing slash). */
  readonly nodes: readonly string[];
  /** Calls a route on the node of `options.origin`, else the node `id` was read from, else the first node. */
  call<R extends Route>(route: R, input?: RouteInput, options?: CallOptions, id?: string): Promise<WithOrigin<Answer<R>>>;
  /** Every node's answer to one call, the nodes that failed left out unless all fail. */
  callEach<R extends Route>(route: R, input?: RouteInput, options?: CallOptions): Promise<WithOrigin<Answer<R>>[]>;
  /** A list route read page by page; with several nodes, merged in `order` (default: one node after the other). */
  list<R extends Route>(route: R, query: object | undefined, options?: CallOptions, order?: Order<ListItem<R>>, params?: Record<string, string>): List<WithOrigin<ListItem<R>>>;
  /** The absolute URL of a route (its parameters and query validated); nothing is fetched. */
  url(route: Route, input?: RouteInput, options?: CallOptions, id?: string): string;
}

const MAX_REMEMBERED = 5_000;

/**
 * A core for one node (or several): what the elements hold, and what the per-call functions take.
 *
 * ```ts
 * const core = createCore({ node: 'http://localhost:8080' });
 * const project = await getProject(core, 'prj_jardin');
 * ```
 *
 * `validate: false` sends what it is given and takes the node's answers as they come, without the
 * contract's schemas: a bundle whose only core is made so (the elements') drops zod and the schemas.
 */
export function createCore(options: ClientOptions): PerronCore {
  const s = settings(options, options?.validate === false ? undefined : contractChecks);
  const transport = new Transport(s);
  // Which node each id (or slug) was read from, so `get(id)` and writes find its origin.
  const origins = new Map<string, string>();
  // Nodes learned from items: a node serving a followed node's copy names it as the item's `origin`.
  const foreign = new Set<string>();
  const remember = (id: string, node: string) => {
    if (s.nodes.length === 1 && node === s.nodes[0]) return;
    origins.delete(id);
    origins.set(id, node);
    if (origins.size > MAX_REMEMBERED) origins.delete(origins.keys().next().value!);
  };

  function stamp<T>(value: T, node: string): WithOrigin<T> {
    if (typeof value !== 'object' || value === null) return value as WithOrigin<T>;
    const v = value as Record<string, unknown>;
    // A copy of another node's item: reads and writes about it go to that node. Never with an API
    // key, which belongs to the node it was made on.
    const origin = typeof v.origin === 'string' && !s.apiKey ? v.origin.replace(/\/+$/, '') : node;
    if (origin !== node && !s.nodes.includes(origin)) foreign.add(origin);
    const out: Record<string, unknown> = { ...v, origin };
    if (Array.isArray(v.needs)) out.needs = v.needs.map((n) => stamp(n, origin));
    if (typeof v.idea === 'object') out.idea = stamp(v.idea, origin);
    for (const key of ['id', 'slug']) if (typeof v[key] === 'string') remember(v[key], origin);
    return out as WithOrigin<T>;
  }

  function nodeFor(options: CallOptions | undefined, id: string | undefined): string {
    if (options?.origin !== undefined) {
      const origin = options.origin.replace(/\/+$/, '');
      if (!s.nodes.includes(origin) && !foreign.has(origin)) {
        throw fieldError('options', 'origin', 'Expected one of the nodes of this client, or the origin of an item it read', 'call');
      }
      return origin;
    }
    return (id === undefined ? undefined : origins.get(id)) ?? s.nodes[0]!;
  }

  return {
    nodes: [...s.nodes],

    async call(route, input = {}, options, id) {
      const node = nodeFor(options, id);
      return stamp(await transport.call(node, route, input, options), node);
    },

    async callEach(route, input = {}, options) {
      const nodes = options?.origin !== undefined ? [nodeFor(options, undefined)] : s.nodes;
      const settled = await Promise.allSettled(nodes.map(async (node) => stamp(await transport.call(node, route, input, options), node)));
      const answered = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      if (answered.length === 0) throw (settled[0] as PromiseRejectedResult).reason;
      return answered;
    },

    list(route, query, options, order = () => 0, params) {
      const { cursor, ...rest } = (query ?? {}) as { cursor?: string; limit?: number };
      const nodePage = async (node: string, cursor: string | undefined) => {
        const page = (await transport.call(node, route, { params, query: { ...rest, cursor } }, options)) as { items: unknown[]; nextCursor: string | null };
        return { items: page.items.map((item) => stamp(item, node)), nextCursor: page.nextCursor };
      };
      const nodes = options?.origin !== undefined || s.nodes.length === 1 ? [nodeFor(options, undefined)] : s.nodes;
      if (nodes.length === 1) return createList(async (c) => ({ ...(await nodePage(nodes[0]!, c)), errors: [] }), cursor) as List<never>;
      // Only a client of several nodes merges: the merge is fetched then, and weighs on no one else.
      const merged = import('./federation.ts').then((f) => f.mergedPages(nodes, nodePage, order as Order<unknown>, rest.limit));
      return createList(async (c) => (await merged)(c), cursor) as List<never>;
    },

    url: (route, input = {}, options, id) => transport.url(nodeFor(options, id), route, input),
  };
}
