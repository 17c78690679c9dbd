import type { Lang } from '@perron/contract';
import type * as z from 'zod/mini';
import type { Checks, ClientOptions as OptionsSchema } from './checks.ts';
import { fieldError } from './errors.ts';

type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

export type ClientOptions = z.input<typeof OptionsSchema>;

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
  /** How calls are checked; undefined: sent as given, answers taken as the node sends them. */
  checks: Checks | undefined;
}

/** Options with their defaults, checked when `checks` is given: unknown keys and contradictions throw a ValidationError. */
export function settings(options: ClientOptions, checks: Checks | undefined): Settings {
  checks?.options(options);
  const o = options;
  const problem = (message: string) => fieldError('options', '', message, 'createClient');
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
    checks,
  };
}
