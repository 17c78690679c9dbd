import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import type { NodeServices, PledgeCaps } from './handlers/types.ts';
import { PUBLIC_PLEDGE_CAPS } from '@perron/contract';
import { handleMailCounts, handleMailJobs, outboxMailer, smtpTransport, type MailTransport } from './services/mailer.ts';
import { createWorker, type Worker } from './worker/worker.ts';
import { forgetRateWindows } from './http/rate-limit.ts';
import { handleFollowing } from './services/following.ts';
import { handleDirectories } from './services/directory-sync.ts';
import { outboundFetch } from './services/outbound.ts';
import { sendDigests } from './services/notifications.ts';
import { promiseOnlyPayments, type PaymentAdapter } from './services/payments.ts';
import { HOLDS_EVERY_MS, purge, PURGE_EVERY_MS } from './services/purge.ts';
import { expireHolds } from './services/pledge-holds.ts';
import { handleWebhookJobs } from './services/webhooks.ts';

export { createApp } from './app.ts';
export { openDatabase, type Database, type Queryable } from './db/database.ts';
export { migrate } from './db/migrate.ts';
export { createApiKey } from './services/api-keys.ts';
export { pollFollows, type FollowingOptions } from './services/following.ts';
export { pollDirectories } from './services/directory-sync.ts';
export type { Mailer, Mail, MailTransport } from './services/mailer.ts';
export { smtpTransport } from './services/mailer.ts';
export { enqueue } from './worker/jobs.ts';
export type { Worker, JobContext, JobHandler } from './worker/worker.ts';
export { purge } from './services/purge.ts';
export type { PaymentAdapter } from './services/payments.ts';

export interface NodeOptions extends AppOptions {
  /** 0 picks a free port. */
  port?: number;
  hostname?: string;
  /** PostgreSQL; the embedded database when absent. */
  databaseUrl?: string;
  /** Where the embedded database keeps its files; in memory when absent. */
  dataDir?: string;
  /** The public URL, when behind a proxy; else http://localhost:PORT. */
  baseUrl?: string;
  /** Load the demo data (with its public, well-known API keys) into an empty database. */
  seed?: boolean;
  /** How mail leaves the node; default SMTP when `SMTP_URL` is set, else none (the outbox only). */
  mailTransport?: MailTransport;
  /** The background worker polls for due jobs this often; 0: only when asked (tests). Default 1000. */
  workerPollMs?: number;
  /** Emails to one address per hour before the node stops sending it any (default 10). */
  mailPerRecipientPerHour?: number;
  /**
   * The demo's keys are public knowledge: with NODE_ENV=production, `seed` is refused unless
   * this is set too (a deliberate, loud choice; never on a node with real data).
   */
  demoInProduction?: boolean;
  payments?: PaymentAdapter;
  now?: () => Date;
  /**
   * Serve the outbox at /dev/mail (demo and tests). Off by default: anyone reading it could confirm
   * votes in other people's names. Never on with SMTP.
   */
  devMailbox?: boolean;
  /**
   * Milliseconds between two polls of each followed node, by the worker (default 5 minutes;
   * `PERRON_FOLLOW_INTERVAL`); 0: never in the background (a test calls `pollFollows` itself).
   */
  followInterval?: number;
  /** What one email or network address may pledge on public forms in 24 hours (tests of concurrency raise them). */
  pledgeCaps?: PledgeCaps;
  /**
   * Let webhook endpoints point to this machine or a private network (loopback, RFC 1918,
   * link-local, unique-local IPv6…). Off by default: an organization's URL would otherwise reach
   * the operator's internal services. `npm start` turns it on outside production
   * (`WEBHOOK_PRIVATE_TARGETS`, docs/node.md).
   */
  webhookPrivateTargets?: boolean;
  /**
   * Let a curator follow a node or import a directory on this machine or a private network (the
   * worker would read it from inside). Off by default, for the same reason as webhooks; `npm start`
   * turns it on outside production (docs/node.md).
   */
  readPrivateOrigins?: boolean;
}

export interface RunningNode {
  url: string;
  port: number;
  db: Database;
  services: NodeServices;
  /** The background worker: `node.worker.drain()` runs what is due now (tests). */
  worker: Worker;
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date, and serves the node. */
export async function startNode(options: NodeOptions = {}): Promise<RunningNode> {
  if (options.seed && process.env.NODE_ENV === 'production' && !options.demoInProduction) {
    throw new Error('Refusing to load the demo data (public API keys) with NODE_ENV=production: see docs/node.md');
  }
  const db = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  await migrate(db);
  if (options.seed) {
    const { seedDemo } = await import('./seed/index.ts');
    await seedDemo(db, { now: options.now?.() ?? new Date() });
  }
  const transport = options.mailTransport ?? (process.env.SMTP_URL ? await smtpTransport(process.env.SMTP_URL, { from: process.env.MAIL_FROM }) : undefined);
  if (!transport && process.env.NODE_ENV === 'production') warnNoMail();
  const worker = createWorker({ db, pollMs: options.workerPollMs });
  if (transport) handleMailJobs(worker, db, transport);
  // A public node reads other servers only at public addresses, checked after DNS resolution too.
  const read = outboundFetch({ allowPrivate: options.readPrivateOrigins === true });
  handleFollowing(worker, options.followInterval ?? Number(process.env.PERRON_FOLLOW_INTERVAL ?? 300_000), read);
  // Imported directories are kept in sync the way followed nodes are, at the same pace.
  handleDirectories(worker, options.followInterval ?? Number(process.env.PERRON_FOLLOW_INTERVAL ?? 300_000), read);
  handleMailCounts(worker);
  const webhookPrivateTargets = options.webhookPrivateTargets === true;
  handleWebhookJobs(worker, db, { allowPrivate: webhookPrivateTargets });
  worker.every('rate-limit.forget', 600_000, ({ db: q, at }) => forgetRateWindows(q, at));
  const services: NodeServices = {
    db,
    baseUrl: '',
    mailer: outboxMailer(transport, options.mailPerRecipientPerHour),
    payments: options.payments ?? promiseOnlyPayments,
    now: options.now ?? (() => new Date()),
    devMailbox: options.devMailbox === true && !transport,
    worker,
    pledgeCaps: options.pledgeCaps ?? PUBLIC_PLEDGE_CAPS,
    webhookPrivateTargets,
    readPrivateOrigins: options.readPrivateOrigins === true,
  };
  // Expired holds go every hour; the retention policy (docs/node.md) once a day. In one process of all those on the database.
  worker.every('pledges.expire-holds', HOLDS_EVERY_MS, ({ at }) => db.tx((q) => expireHolds(q, at)).then(() => undefined));
  worker.every('privacy.purge', PURGE_EVERY_MS, async ({ at }) => void (await purge(db, at)));
  // Organizations that chose the digest get it once a day, after 8 h in Montréal; the hourly run sends what is due.
  worker.every('notifications.digest', 3_600_000, ({ db, at }) => sendDigests(db, at, services).then(() => undefined));
  const app = createApp(services, options);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: options.hostname ?? '127.0.0.1' }, () => resolve(s));
  });
  // Node closes an idle keep-alive connection after 5 s, the moment a client (fetch keeps them 4 s)
  // may reuse it: its request then fails. Clients and proxies close first when the node waits longer.
  Object.assign(server, { keepAliveTimeout: 65_000, headersTimeout: 66_000 }); // headers wait longer than idle connections (Node's advice)
  const port = (server.address() as AddressInfo).port;
  services.baseUrl = (options.baseUrl ?? `http://localhost:${port}`).replace(/\/$/, '');
  worker.start();
  return {
    url: services.baseUrl,
    port,
    db,
    services,
    worker,
    async close() {
      await worker.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await db.close();
    },
  };
}

/** A public node without SMTP sends nobody anything: confirmation links never arrive. Say so loudly. */
function warnNoMail(): void {
  const line = '!'.repeat(78);
  console.warn(
    [
      line,
      '!! SMTP_URL manque : ce nœud de production n’enverra AUCUN courriel (confirmations, reçus).',
      '!! SMTP_URL is missing: this production node will send NO email (confirmations, receipts).',
      '!! Set SMTP_URL=smtp://user:password@host:587 (and MAIL_FROM) and restart.',
      line,
    ].join('\n'),
  );
}
