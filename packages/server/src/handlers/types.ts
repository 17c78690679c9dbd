import type { Lang, PUBLIC_PLEDGE_CAPS, RouteName, RouteResponse, Routes } from '@perron/contract';
import type * as z from 'zod/mini';
import type { Database, Queryable } from '../db/database.ts';
import type { ApiKey } from '../http/auth.ts';
import type { Mailer } from '../services/mailer.ts';
import type { PaymentAdapter } from '../services/payments.ts';
import type { Worker } from '../worker/worker.ts';

/** What a node runs with; tests build their own. */
export interface NodeServices {
  db: Database;
  /** The node's public base URL, for links in answers and emails (no trailing slash). */
  baseUrl: string;
  mailer: Mailer;
  payments: PaymentAdapter;
  now: () => Date;
  /** Serve the outbox at /dev/mail: its links confirm votes, so never on a public node. */
  devMailbox: boolean;
  /** The background worker; absent where a bench builds services by hand. */
  worker?: Worker;
  /** What one email or network address may pledge on public forms in 24 hours. */
  pledgeCaps: PledgeCaps;
  /** Webhooks may go to this machine or a private network (development, tests); never on a public node. */
  webhookPrivateTargets: boolean;
  /** Nodes may be followed and directories imported on this machine or a private network (development, tests); never on a public node. */
  readPrivateOrigins: boolean;
}

export type PledgeCaps = { readonly [K in keyof typeof PUBLIC_PLEDGE_CAPS]: number };

type Parsed<S> = S extends z.core.$ZodType ? z.output<S> : undefined;

export interface RequestContext<N extends RouteName> {
  params: Parsed<Routes[N]['params']>;
  query: Parsed<Routes[N]['query']>;
  body: Parsed<Routes[N]['body']>;
  /** The raw bytes of an upload route's body (an image); null elsewhere. */
  upload: Uint8Array | null;
  /** The API key, when the request carries one (checked against the route's `auth`). */
  key: ApiKey | null;
  /** For writes, the transaction the whole write (and its idempotency record) runs in. */
  q: Queryable;
  node: NodeServices;
  /** From Accept-Language: for text a handler composes (emails). */
  lang: Lang;
  requestId: string;
  /** The network address the request came from (never stored as such: see pledge-holds.ts). */
  client: string;
}

export type Handler<N extends RouteName> = (ctx: RequestContext<N>) => Promise<RouteResponse<N>>;
export type Handlers = { [N in RouteName]: Handler<N> };
