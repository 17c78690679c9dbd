// `npm run bench` (server part): on one embedded database holding the demo and 10,000 more
// projects, what the node's project list costs next to a bare Hono handler running the very same
// SQL, and whether page 100 costs what page 1 does (keyset pagination). Load stays on 127.0.0.1.
import { serve, type ServerType } from '@hono/node-server';
import { PUBLIC_PLEDGE_CAPS } from '@perron/contract';
import autocannon, { type Result } from 'autocannon';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { listProjectsQuery } from '../src/db/queries/projects.ts';
import type { NodeServices } from '../src/handlers/types.ts';
import { seedDemo } from '../src/seed/index.ts';
import { outboxMailer } from '../src/services/mailer.ts';
import { promiseOnlyPayments } from '../src/services/payments.ts';

const EXTRA_PROJECTS = 10_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

const db = await openDatabase();
await migrate(db);
await seedDemo(db, { now: new Date() });
// Published projects ten seconds apart, newer than the demo's, each in a borough with one open
// human need: every page of the list then has the same shape, page 1 as page 100.
await db.exec(`
  insert into projects (id, organization_id, status, title, summary, themes, search, created_at, updated_at)
  select 'prj_bench-' || i, 'org_table-hochelaga', 'published',
         jsonb_build_object('fr', 'Projet de quartier n° ' || i, 'en', 'Neighbourhood project #' || i),
         jsonb_build_object('fr', 'Un projet pour mesurer la liste.'), array['culture'],
         'projet de quartier n ' || i, now() - i * interval '10 seconds', now()
    from generate_series(1, ${EXTRA_PROJECTS}) i;
  insert into project_communities (project_id, community_id) select 'prj_bench-' || i, 'com_hochelaga-maisonneuve' from generate_series(1, ${EXTRA_PROJECTS}) i;
  insert into needs (id, project_id, category, unit, title, wanted, pledged)
  select 'need_bench-' || i, 'prj_bench-' || i, 'human', 'people', '{"fr": "Bénévoles"}', 10, i % 10 from generate_series(1, ${EXTRA_PROJECTS}) i;
  analyze;
`);

async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ url: string; server: ServerType }> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

// The node: validation, visibility, mapping to the contract, ETag.
const services: NodeServices = { db, baseUrl: '', mailer: outboxMailer(), payments: promiseOnlyPayments, now: () => new Date(), devMailbox: false, pledgeCaps: PUBLIC_PLEDGE_CAPS, webhookPrivateTargets: false, readPrivateOrigins: false };
const node = await listen(createApp(services, { rateLimits: { readsPerMinute: 1e9, writesPerMinute: 1e9 } }).fetch);
services.baseUrl = node.url;

// The floor: the same statement for the same first page, rows sent as they come.
const bare = new Hono();
const { sql, values } = listProjectsQuery({}, null, 20);
bare.get('/projects', async (c) => c.json(await db.query(sql, values, { prepared: true })));
const floor = await listen(bare.fetch);

/** The cursor of page `n` (20 per page), by walking the pages as a client would. */
async function cursorOfPage(n: number): Promise<string> {
  let cursor = '';
  for (let page = 1; page < n; page++) {
    const body = (await (await fetch(`${node.url}/v1/projects${cursor ? `?cursor=${cursor}` : ''}`)).json()) as { nextCursor: string };
    cursor = body.nextCursor;
  }
  return cursor;
}

// The load comes from a worker thread, as clients would from elsewhere: the node's thread serves only.
async function measure(url: string): Promise<Result> {
  await autocannon({ url, connections: CONNECTIONS, duration: 1, workers: 1 }); // warm-up
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, workers: 1 });
  if (result.errors || result.non2xx) throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return result;
}

const page100 = await cursorOfPage(100);
const runs: [string, Result][] = [];
runs.push(['GET /v1/projects (the node)', await measure(`${node.url}/v1/projects`)]);
runs.push(['same SQL, bare Hono handler', await measure(`${floor.url}/projects`)]);
runs.push(['GET /v1/projects page 1', await measure(`${node.url}/v1/projects`)]);
runs.push(['GET /v1/projects page 100', await measure(`${node.url}/v1/projects?cursor=${page100}`)]);

const count = (await db.query<{ n: number }>(`select count(*) as n from projects where status = 'published'`))[0]!.n;
console.log(`Project list on the embedded database (${count} published projects), ${CONNECTIONS} connections, ${SECONDS} s each:`);
console.log('');
console.log('| what                          |  req/s | p50 ms | p99 ms |');
console.log('| ----------------------------- | -----: | -----: | -----: |');
for (const [what, r] of runs) {
  console.log(`| ${what.padEnd(29)} | ${r.requests.average.toFixed(0).padStart(6)} | ${String(r.latency.p50).padStart(6)} | ${String(r.latency.p99).padStart(6)} |`);
}
const rate = (name: string) => runs.find(([w]) => w.startsWith(name))![1].requests.average;
const p50 = (name: string) => runs.find(([w]) => w.startsWith(name))![1].latency.mean;
console.log('');
console.log(`node / bare handler throughput: ${(rate('GET /v1/projects (the node)') / rate('same SQL')).toFixed(2)}`);
console.log(`page 100 / page 1 mean latency: ${(p50('GET /v1/projects page 100') / p50('GET /v1/projects page 1')).toFixed(2)} (1.00 = depth costs nothing)`);

for (const s of [node.server, floor.server]) s.close();
await db.close();
