// `npm run bench` (server, PostgreSQL): a city on a throwaway PostgreSQL cluster — 100,000
// projects, 500,000 needs, 1,000,000 pledges (CITY_PROJECTS to change) — and the node in its own
// processes, as deployed: list, filter, search and one project at 20 clients; pledges per second;
// the list against a bare Hono handler on the same statement; one process against two behind a
// small proxy; and 200 simultaneous pledges for 10 places across both processes. Figures are
// printed side by side: on a shared machine, read the ratios. The list, the bare handler and the
// pledges (through TCP, and through PostgreSQL's Unix socket) are measured in alternating rounds and
// their median round printed: this machine's speed drifts by a third between runs, and alternating
// gives each load the same drift.
import autocannon, { type Options } from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, request, Agent, type Server } from 'node:http';
import { CONSENT_VERSION } from '@perron/contract';
import { freePort, startPostgres } from '../../../scripts/postgres.mjs';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedDemo } from '../src/seed/index.ts';
import { seedCity } from './city-seed.ts';
import { capCpu } from './cpu-cap.ts';

const PROJECTS = Number(process.env.CITY_PROJECTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS = 20;
const SOME = Math.min(4242, PROJECTS);
/** Each node process's share of a core in the capped run: small enough that the node is the bottleneck on 2 cores. */
const CAP = 0.25;

const pg = await startPostgres();
if (!pg) {
  console.log('PostgreSQL is not installed here: the city bench is skipped.');
  process.exit(0);
}
const children: ChildProcess[] = [];
/** Each spawned process's pid, by its URL. */
const pids = new Map<string, number>();
const servers: Server[] = [];
try {
  const db = await openDatabase({ url: pg.url });
  await migrate(db);
  await seedDemo(db, { now: new Date() });
  const t = performance.now();
  await seedCity(db, PROJECTS);
  const counts = (await db.query<Record<string, string>>(`select (select count(*) from projects) as projects, (select count(*) from needs) as needs, (select count(*) from pledges) as pledges`))[0]!;
  const size = (await db.query<{ s: string }>('select pg_size_pretty(pg_database_size(current_database())) as s'))[0]!.s;
  console.log(`PostgreSQL 15, seeded in ${((performance.now() - t) / 1000).toFixed(0)} s: ${counts.projects} projects, ${counts.needs} needs, ${counts.pledges} pledges (${size})`);

  /** A node (or the bare handler) in a process of its own, on PostgreSQL through TCP, or through its Unix socket. */
  async function spawn(mode: 'node' | 'bare', databaseUrl = pg!.url): Promise<string> {
    const port = await freePort();
    const child = fork(new URL('./serve.ts', import.meta.url).pathname, [mode, String(port)], {
      execArgv: ['--conditions=source', '--import', './scripts/ts.mjs'],
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.push(child);
    pids.set(`http://127.0.0.1:${port}`, child.pid!);
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`${mode} exited with ${code}`)));
    });
    return `http://127.0.0.1:${port}`;
  }

  /** A small round-robin proxy, as a load balancer in front of several node processes. */
  async function proxy(backends: string[]): Promise<string> {
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    let next = 0;
    const server = createServer((req, res) => {
      const target = new URL(req.url!, backends[next++ % backends.length]);
      const out = request(target, { method: req.method, headers: req.headers, agent }, (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => (res.writeHead(502), res.end()));
      req.pipe(out);
    });
    servers.push(server);
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${port}`;
  }

  /** A load's rate and latencies; p95 is exact, from every answer's time. */
  interface Measure {
    rate: number;
    p50: number;
    p95: number;
  }
  async function load(url: string, o: Partial<Options> = {}): Promise<Measure> {
    await autocannon({ url, connections: CLIENTS, duration: 1, ...o }); // warm-up
    const times: number[] = [];
    const run = autocannon({ url, connections: CLIENTS, duration: SECONDS, ...o });
    run.on('response', (_client, _status, _bytes, time) => times.push(time));
    const r = await run;
    if (r.errors || r.non2xx) throw new Error(`${url}: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.ceil(q * times.length) - 1]!;
    return { rate: r.requests.average, p50: at(0.5), p95: at(0.95) };
  }

  /** Each load in turn, ROUNDS times over; every round of each, in order. */
  async function alternate(loads: [string, () => Promise<Measure>][]): Promise<Map<string, Measure[]>> {
    const rounds = new Map(loads.map(([what]) => [what, [] as Measure[]]));
    for (let i = 0; i < ROUNDS; i++) for (const [what, measure] of loads) rounds.get(what)!.push(await measure());
    return rounds;
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  /** The median round of each figure, and the range of the rates. */
  const summary = (ms: Measure[]): Measure & { rates: number[] } => ({ rate: median(ms.map((m) => m.rate)), p50: median(ms.map((m) => m.p50)), p95: median(ms.map((m) => m.p95)), rates: ms.map((m) => m.rate) });

  // The pledge rounds have two processes of their own, alike but for the way to the database: a
  // process that served the lists first pledged slower in later rounds than a fresh one.
  const [one, two, bare, writer, local] = await Promise.all([spawn('node'), spawn('node'), spawn('bare'), spawn('node'), spawn('node', pg.socketUrl)]);
  const through = { one: await proxy([one]), both: await proxy([one, two]) };

  const { slug } = (await db.query<{ slug: string }>(`select c.slug from communities c join project_communities pc on pc.community_id = c.id group by c.slug order by count(*) desc limit 1`))[0]!;

  /** A resident's own network address (10.x.y.z), as the bench's proxy names it: a node caps pledges per address. */
  const resident = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

  // Pledges of money (unbounded) on needs all over the city, each with its own Idempotency-Key,
  // address and email, made by autocannon as the reads are: a fetch() loop in this process cost
  // 0.8 ms of CPU per pledge (autocannon 0.2), taken from the same 2 cores as the node's.
  let n = 0;
  const pledgeLoad = (base: string) =>
    load(base, {
      requests: [
        {
          setupRequest: (req) => {
            const i = n++;
            return {
              ...req,
              method: 'POST',
              path: `/v1/needs/need_city-${1 + ((i * 7919) % PROJECTS)}-5/pledges`,
              headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-forwarded-for': resident(i) },
              body: JSON.stringify({ quantity: 500, contact: { name: 'Léa', email: `lea${i}@example.org` }, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' }),
            };
          },
        },
      ],
    });
  // load() throws on any answer but a 2xx: a refusal is cheaper than a pledge, and a rate made of
  // refusals would not be a pledge rate.

  type Row = [string, Measure & { rates?: number[] }];
  const rounds = await alternate([
    ['list, first page', () => load(`${one}/v1/projects`)],
    ['list, bare Hono handler, same SQL', () => load(`${bare}/projects`)],
    ['pledges (POST), 1 process', () => pledgeLoad(writer)],
    // A node on the database's machine may connect through its Unix socket: no TCP stack per statement.
    ['pledges (POST), 1 process, Unix socket', () => pledgeLoad(local)],
  ]);
  const rows: Row[] = [...rounds].map(([what, ms]) => [what, summary(ms)]);
  rows.push([`filter: community=${slug}`, await load(`${one}/v1/projects?community=${slug}`)]);
  rows.push(['filter: needs=financial&theme=culture', await load(`${one}/v1/projects?needs=financial&theme=culture`)]);
  rows.push(['search: q=friperie', await load(`${one}/v1/projects?q=friperie`)]);
  rows.push([`search: q=<word> ${SOME} (one match)`, await load(`${one}/v1/projects?q=${SOME}`)]);
  rows.push(['one project', await load(`${one}/v1/projects/prj_city-${SOME}`)]);
  rows.push(['list, 1 process behind the proxy', await load(`${through.one}/v1/projects`)]);
  rows.push(['list, 2 processes behind the proxy', await load(`${through.both}/v1/projects`)]);
  rows.push(['pledges (POST), 2 processes behind the proxy', await pledgeLoad(through.both)]);

  // One process against two again, each capped at CAP of a core (a cgroup; root on Linux only): the
  // node is then the bottleneck, as on a machine with a core per process, and what two processes
  // share (the database, its locks, the proxy) is what can keep them from serving twice as much.
  const capped: Row[] = [];
  const release = [one, two].map((url) => capCpu(pids.get(url)!, CAP));
  try {
    if (release.every(Boolean)) {
      capped.push(['list, 1 process behind the proxy', await load(`${through.one}/v1/projects`)]);
      capped.push(['list, 2 processes behind the proxy', await load(`${through.both}/v1/projects`)]);
      capped.push(['pledges (POST), 1 process behind the proxy', await pledgeLoad(through.one)]);
      capped.push(['pledges (POST), 2 processes behind the proxy', await pledgeLoad(through.both)]);
    }
  } finally {
    for (const r of release) r?.();
  }

  const table = (rs: Row[]) => {
    console.log('| what                                         |  req/s | p50 ms | p95 ms | each round, req/s |');
    console.log('| -------------------------------------------- | -----: | -----: | -----: | ----------------- |');
    const ms = (t: number) => t.toFixed(1).padStart(6);
    for (const [what, m] of rs) console.log(`| ${what.padEnd(44)} | ${m.rate.toFixed(0).padStart(6)} | ${ms(m.p50)} | ${ms(m.p95)} | ${(m.rates?.map((r) => r.toFixed(0)).join(', ') ?? '').padEnd(17)} |`);
  };
  /** A row's rate, by its exact name. */
  const rateIn = (rs: Row[], what: string) => rs.find(([w]) => w === what)![1].rate;
  /** Each round's ratio of one load to another measured beside it. */
  const roundRatios = (a: string, b: string) => rounds.get(a)!.map((m, i) => m.rate / rounds.get(b)![i]!.rate);
  const ratios = roundRatios('list, first page', 'list, bare Hono handler, same SQL');
  const pledgeRatios = roundRatios('pledges (POST), 1 process, Unix socket', 'pledges (POST), 1 process');
  console.log(`\n${CLIENTS} clients, ${SECONDS} s each. The first four rows: the median of ${ROUNDS} alternating rounds. PostgreSQL through TCP on 127.0.0.1 but where a row says otherwise.\n`);
  table(rows);
  console.log(`\nnode / bare handler (list), each round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)}   (target ≥ 0.70)`);
  const twoToOne = (rs: Row[], kind: string, one = `${kind}, 1 process behind the proxy`) => (rateIn(rs, `${kind}, 2 processes behind the proxy`) / rateIn(rs, one)).toFixed(2);
  console.log(`2 processes / 1 (list, same proxy): ${twoToOne(rows, 'list')}   (target ≥ 1.6)`);
  console.log(`2 processes / 1 (pledges): ${twoToOne(rows, 'pledges (POST)', 'pledges (POST), 1 process')}`);
  console.log(`pledges through the Unix socket / through TCP, each round: ${pledgeRatios.map((r) => r.toFixed(2)).join(', ')}; median ${median(pledgeRatios).toFixed(2)}`);
  if (capped.length) {
    console.log(`\nEach node process capped at ${CAP} of a core (cgroup), the same loads:\n`);
    table(capped);
    console.log(`\ncapped, 2 processes / 1: list ${twoToOne(capped, 'list')}, pledges ${twoToOne(capped, 'pledges (POST)')}`);
  } else {
    console.log('\nThe capped run (each node process held to a share of a core) needs root and Linux cgroups: skipped.');
  }

  // 200 people at once for the last 10 places of a need, half through each process.
  await db.query(`insert into needs (id, project_id, category, unit, title, wanted) values ('need_city-places', 'prj_city-1', 'human', 'people', '{"fr": "10 places"}', 10)`);
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      fetch(`${i % 2 ? one : two}/v1/needs/need_city-places/pledges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-forwarded-for': resident(1e6 + i) },
        body: JSON.stringify({ quantity: 1, contact: { name: 'Léa', email: `p${i}@example.org` }, consent: { version: CONSENT_VERSION, shareWithOrganizers: true }, lang: 'fr' }),
      }).then((r) => r.status),
    ),
  );
  const created = answers.filter((s) => s === 201).length;
  // A public pledge holds its places until its email is confirmed: held places count against the need.
  const { pledges, places } = (await db.query<{ pledges: string; places: string }>(`select count(*) as pledges, coalesce(sum(quantity), 0) as places from pledges where need_id = 'need_city-places' and status in ('held', 'pending', 'confirmed')`))[0]!;
  console.log(`200 simultaneous pledges for 10 places, across 2 processes: ${created} accepted, ${answers.filter((s) => s === 409).length} refused (409), ${pledges} pledges holding ${places} places`);
  if (created !== 10 || Number(places) !== 10) throw new Error('Over-pledged across processes');
  await db.close();
} finally {
  for (const s of servers) s.close();
  for (const c of children) c.kill();
  await pg.stop();
}
