import { Lang } from '@perron/contract';
import * as z from 'zod/mini';
import { validationError } from './errors.ts';

type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

const NodeBase = z.url({ protocol: /^https?$/ });

const ClientOptions = z.strictObject({
  /** A node's base URL. */
  node: z.optional(NodeBase),
  /** Several nodes: lists are merged, `get` and writes go to each item's origin. */
  nodes: z.optional(/* @__PURE__ */ z.array(NodeBase).check(z.minLength(1), z.maxLength(20))),
  fetch: z.optional(z.custom<Fetch>((f) => typeof f === 'function', 'Expected a function')),
  lang: z.optional(Lang),
  /** Milliseconds per attempt. */
  timeout: z.optional(/* @__PURE__ */ z.number().check(z.int(), z.minimum(1), z.maximum(120_000))),
  /** Extra attempts, only where a retry is safe. */
  retries: z.optional(/* @__PURE__ */ z.number().check(z.int(), z.minimum(0), z.maximum(10))),
  apiKey: z.optional(/* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(512))),
  cache: z.optional(z.boolean()),
  staleWhileRevalidate: z.optional(z.boolean()),
});
export type ClientOptions = z.input<typeof ClientOptions>;

export interface Settings {
  /** Base URLs without a trailing slash; the first is where calls without a known origin go. */
  nodes: string[];
  fetch: Fetch;
  lang: Lang;
  timeout: number;
  retries: number;
  apiKey: string | undefined;
  cache: boolean;
  staleWhileRevalidate: boolean;
}

/** Validated options with their defaults; unknown keys and contradictions throw a ValidationError. */
export function settings(options: ClientOptions): Settings {
  const parsed = ClientOptions.safeParse(options);
  if (!parsed.success) throw validationError('options', parsed.error.issues, 'createClient');
  const o = parsed.data;
  const problem = (message: string) => validationError('options', [{ code: 'custom', path: [], message, input: options }], 'createClient');
  if ((o.node === undefined) === (o.nodes === undefined)) throw problem('Give either `node` or `nodes`');
  const nodes = [...new Set((o.nodes ?? [o.node!]).map((n) => n.replace(/\/+$/, '')))];
  // A key belongs to one node: sending it to the others would leak it.
  if (o.apiKey && nodes.length > 1) throw problem('An API key belongs to one node: use one client per node for keyed calls');
  return {
    nodes,
    // Looked up at call time, so a fetch patched after createClient (tests, proxies) is used.
    fetch: o.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    lang: o.lang ?? 'fr',
    timeout: o.timeout ?? 10_000,
    retries: o.retries ?? 2,
    apiKey: o.apiKey,
    cache: o.cache ?? true,
    staleWhileRevalidate: o.staleWhileRevalidate ?? false,
  };
}
