// `npm run bench` (server, embedded database): how far one embedded database goes. For 1,000,
// 10,000 and 100,000 projects (5 needs and 10 pledges each; PGLITE_SIZES to change), the process's
// memory and the database time of the list's statements, run one after the other (the embedded
// database runs one statement at a time: its time per list is the ceiling of lists per second).
// Each statement runs as the node runs it (a named statement, db/pglite-prepared.ts); "plain" is the
// same list through PGlite's `query`, parsed and planned each time; "before 050" is the list as it
// was, aggregating every listed project's needs on each request.
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { findProjectDetail, listProjectsQuery } from '../src/db/queries/projects.ts';
import { seedDemo } from '../src/seed/index.ts';
import { seedCity } from './city-seed.ts';

const SIZES = (process.env.PGLITE_SIZES ?? '1000,10000,100000').split(',').map(Number);
const RUNS = 100;

const aggregated = `(select coalesce(json_agg(s), '[]'::json) from (
    select n.category, count(*) as needs, count(*) filter (where n.status = 'filled' or n.pledged >= n.wanted) as filled,
           avg(least(n.pledged::float8 / n.wanted, 1)) as ratio, sum(n.wanted) as wanted, sum(n.pledged) as pledged
      from needs n where n.project_id = p.id and n.status <> 'closed' group by n.category) s) as progress`;

const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
console.log('| projects | seed s | RSS | list | list, plain | list before 050 | community | search (1 word) | search (1 match) | one project |');
console.log('| -------: | -----: | --: | ---: | ----------: | --------------: | --------: | --------------: | ---------------: | ----------: |');
for (const size of SIZES) {
  const db = await openDatabase();
  await migrate(db);
  await seedDemo(db, { now: new Date() });
  const t = performance.now();
  await seedCity(db, size);
  const seeded = (performance.now() - t) / 1000;
  global.gc?.();
  const rss = process.memoryUsage().rss;

  /** Mean ms of a statement, run RUNS times in a row after 10 to warm up (a named statement's plan settles after 5). */
  const time = async (run: () => Promise<unknown>) => {
    for (let i = 0; i < 10; i++) await run();
    const start = performance.now();
    for (let i = 0; i < RUNS; i++) await run();
    return ((performance.now() - start) / RUNS).toFixed(1);
  };
  const list = (query: object, as: 'node' | 'plain' | 'before 050' = 'node') => {
    const { sql, values } = listProjectsQuery(query as never, null, 20);
    if (as === 'before 050') return () => db.query(sql.replace(/p\.progress\s*$/m, aggregated), values);
    return () => db.query(sql, values, { prepared: as === 'node' });
  };
  const { slug } = (await db.query<{ slug: string }>('select c.slug from communities c join project_communities pc on pc.community_id = c.id group by c.slug order by count(*) desc limit 1'))[0]!;
  const cells = [
    await time(list({})),
    await time(list({}, 'plain')),
    await time(list({}, 'before 050')),
    await time(list({ community: slug })),
    await time(list({ q: 'friperie' })),
    await time(list({ q: String(Math.min(4242, size)) })),
    await time(() => findProjectDetail(db, `prj_city-${Math.min(4242, size)}`, '', null)),
  ];
  console.log(`| ${String(size).padStart(8)} | ${seeded.toFixed(0).padStart(6)} | ${mb(rss)} | ${cells.map((c) => `${c} ms`).join(' | ')} |`);
  await db.close();
}
