// Named statements (src/db/pglite-prepared.ts, src/db/postgres-prepared.ts): the same rows as a
// plain query, a bounded number kept, no read inside another request's transaction on the embedded
// database, and a statement planned again when a migration changes what it reads.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDatabase, type Database, type Queryable } from '../src/db/database.ts';
import { listProjectsQuery } from '../src/db/queries/projects.ts';
import { seedDemo } from '../src/seed/index.ts';
import { newTestDatabase } from './support/node.ts';
import { embeddedOnly } from './support/process.ts';

const admin = process.env.DATABASE_URL;
const postgresOnly = { skip: admin ? false : 'PostgreSQL’s named statements: its pass of npm test runs them' };

let db: Database;
let postgres: { url: string; drop(): Promise<void> } | undefined;
before(async () => {
  if (admin) postgres = await newTestDatabase(admin);
  db = await openDatabase({ url: postgres?.url });
  await seedDemo(db, { now: new Date() });
});
after(async () => {
  await db?.close();
  await postgres?.drop();
});

const kept = async () => (await db.query<{ n: number }>('select count(*) as n from pg_prepared_statements'))[0]!.n;

test('a prepared page of projects has the very rows of a plain query, page after page', async () => {
  let cursor: string | undefined;
  let pages = 0;
  do {
    const { sql, values } = listProjectsQuery(cursor ? { cursor } : {}, null, 2);
    const plain = await db.query<{ id: string; cursor_at: string }>(sql, values);
    const prepared = await db.query<{ id: string; cursor_at: string }>(sql, values, { prepared: true });
    assert.ok(plain.length > 0);
    assert.deepEqual(prepared, plain);
    cursor = plain.length > 2 ? Buffer.from(JSON.stringify([plain[1]!.cursor_at, plain[1]!.id])).toString('base64url') : undefined;
    pages++;
  } while (cursor);
  assert.ok(pages > 2, `the demo's projects take ${pages} pages of 2`);
});

test('at most 64 statements are kept, and one closed is prepared again when it comes back', embeddedOnly, async () => {
  for (let n = 1; n <= 100; n++) {
    const [row] = await db.query<{ n: number; word: string }>(`select ${n}::int as n, $1::text as word`, [`mot ${n}`], { prepared: true });
    assert.deepEqual(row, { n, word: `mot ${n}` });
  }
  assert.equal(await kept(), 64);
  const [again] = await db.query<{ n: number; word: string }>('select 1::int as n, $1::text as word', ['encore'], { prepared: true });
  assert.deepEqual(again, { n: 1, word: 'encore' });
  assert.equal(await kept(), 64);
});

test('a prepared read waits for a transaction under way: it never reads inside another request\'s', embeddedOnly, async () => {
  let read: Promise<{ n: number }[]> | undefined;
  await assert.rejects(
    db.tx(async (q) => {
      await q.query(`insert into organizations (id, slug, name, kind) values ('org_prepared', 'prepared-reads', 'Lectures préparées', 'community')`);
      read = db.query<{ n: number }>('select count(*) as n from organizations where slug = $1', ['prepared-reads'], { prepared: true });
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  // Run inside the transaction, it would have counted the row that was then rolled back.
  assert.deepEqual(await read, [{ n: 0 }]);
});

test('a bad parameter is a database error, and the statement still serves the next read', async () => {
  const sql = 'select $1::int + 1 as next';
  await assert.rejects(db.query(sql, ['not a number'], { prepared: true }), (error: { code?: string }) => error.code === '22P02');
  assert.deepEqual(await db.query(sql, [41], { prepared: true }), [{ next: 42 }]);
});

test('after a migration changes a table it reads, the statement is planned again', embeddedOnly, async () => {
  await db.exec(`create table prepared_probe (id int); insert into prepared_probe values (1)`);
  const sql = 'select * from prepared_probe where id = $1';
  assert.deepEqual(await db.query(sql, [1], { prepared: true }), [{ id: 1 }]);
  await db.exec(`alter table prepared_probe add column label text default 'ajoutée'`);
  assert.deepEqual(await db.query(sql, [1], { prepared: true }), [{ id: 1, label: 'ajoutée' }]);
});

/** The statements one connection of the pool keeps, as PostgreSQL lists them. */
const namedOn = (q: Queryable) => q.query<{ statement: string }>(`select statement from pg_prepared_statements where name like 'perron%'`);

test('on PostgreSQL, a prepared statement is named on its connection; a plain one is not', postgresOnly, async () => {
  await db.tx(async (q) => {
    assert.deepEqual(await q.query('select $1::text as word', ['named'], { prepared: true }), [{ word: 'named' }]);
    assert.deepEqual(await q.query('select $1::text as other', ['plain']), [{ other: 'plain' }]);
    assert.deepEqual(await q.query('select $1::text as word', ['again'], { prepared: true }), [{ word: 'again' }]);
    const named = (await namedOn(q)).map((r) => r.statement);
    assert.equal(named.filter((text) => text === 'select $1::text as word').length, 1);
    assert.ok(!named.includes('select $1::text as other'));
  });
});

test('on PostgreSQL, a process names at most 128 statement texts; the others run unnamed, with the same answers', postgresOnly, async () => {
  await db.tx(async (q) => {
    for (let n = 1; n <= 200; n++) assert.deepEqual(await q.query(`select ${n}::int as n, $1::text as word`, [`mot ${n}`], { prepared: true }), [{ n, word: `mot ${n}` }]);
    const named = await namedOn(q);
    assert.ok(named.length <= 128, `${named.length} statements named on one connection`);
    assert.ok(named.some((r) => r.statement.startsWith('select 100::int')), 'the 100th text is named');
    assert.ok(!named.some((r) => r.statement.startsWith('select 200::int')), 'the 200th text is not');
  });
});

test('on PostgreSQL, after a migration changes what a statement returns, it is prepared again', postgresOnly, async () => {
  // One connection, so the statement's second use meets the plan the migration made stale.
  process.env.DATABASE_POOL_SIZE = '1';
  const one = await openDatabase({ url: postgres!.url });
  delete process.env.DATABASE_POOL_SIZE;
  try {
    await one.exec(`create table prepared_probe (id int); insert into prepared_probe values (1)`);
    const sql = 'select * from prepared_probe where id = $1';
    assert.deepEqual(await one.query(sql, [1], { prepared: true }), [{ id: 1 }]);
    await one.exec(`alter table prepared_probe add column label text default 'ajoutée'`);
    assert.deepEqual(await one.query(sql, [1], { prepared: true }), [{ id: 1, label: 'ajoutée' }]);
    // Inside a transaction, the stale statement fails it (nothing half done); the next one runs.
    await one.tx((q) => q.query(sql, [1], { prepared: true }));
    await one.exec(`alter table prepared_probe add column note text default 'encore'`);
    await assert.rejects(one.tx((q) => q.query(sql, [1], { prepared: true })), (error: { code?: string }) => error.code === '0A000');
    assert.deepEqual(await one.tx((q) => q.query(sql, [1], { prepared: true })), [{ id: 1, label: 'ajoutée', note: 'encore' }]);
  } finally {
    await one.close();
  }
});
