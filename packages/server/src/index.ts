import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import type { NodeServices } from './handlers/types.ts';
import { outboxMailer, smtpMailer, type Mailer } from './services/mailer.ts';
import { promiseOnlyPayments, type PaymentAdapter } from './services/payments.ts';

export { createApp } from './app.ts';
export { openDatabase, type Database, type Queryable } from './db/database.ts';
export { migrate } from './db/migrate.ts';
export { createApiKey } from './services/api-keys.ts';
export type { Mailer, Mail } from './services/mailer.ts';
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
  /** Load the demo data into an empty database. */
  seed?: boolean;
  mailer?: Mailer;
  payments?: PaymentAdapter;
  now?: () => Date;
  /**
   * Serve the outbox at /dev/mail (demo and tests). Off by default: anyone reading it could confirm
   * votes in other people's names. Never on with SMTP.
   */
  devMailbox?: boolean;
}

export interface RunningNode {
  url: string;
  port: number;
  db: Database;
  services: NodeServices;
  close(): Promise<void>;
}

/** Opens the database, brings its schema up to date, and serves the node. */
export async function startNode(options: NodeOptions = {}): Promise<RunningNode> {
  const db = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  await migrate(db);
  if (options.seed) {
    const { seedDemo } = await import('./seed/index.ts');
    await seedDemo(db, { now: options.now?.() ?? new Date() });
  }
  const mailer = options.mailer ?? (process.env.SMTP_URL ? await smtpMailer(process.env.SMTP_URL, process.env.MAIL_FROM ?? 'Perron <no-reply@localhost>') : outboxMailer);
  const services: NodeServices = { db, baseUrl: '', mailer, payments: options.payments ?? promiseOnlyPayments, now: options.now ?? (() => new Date()), devMailbox: options.devMailbox === true && mailer === outboxMailer };
  const app = createApp(services, options);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: options.hostname ?? '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  services.baseUrl = (options.baseUrl ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    url: services.baseUrl,
    port,
    db,
    services,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await db.close();
    },
  };
}
