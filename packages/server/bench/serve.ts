// One node process for the benches: `node … serve.ts node|bare PORT` on DATABASE_URL. `bare` is
// the floor: a plain Hono handler sending the rows of the node's own list statement, named as the
// node's is. The node trusts the bench's own address as a proxy: its pledges name a resident per
// request in `X-Forwarded-For` (a node caps pledges per network address).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openDatabase } from '../src/db/database.ts';
import { listProjectsQuery } from '../src/db/queries/projects.ts';
import { startNode } from '../src/index.ts';

const [mode, port] = [process.argv[2], Number(process.argv[3])];
const databaseUrl = process.env.DATABASE_URL!;
if (mode === 'bare') {
  const db = await openDatabase({ url: databaseUrl });
  const app = new Hono();
  const { sql, values } = listProjectsQuery({}, null, 20);
  app.get('/projects', async (c) => c.json(await db.query(sql, values, { prepared: true })));
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => process.send?.('ready'));
} else {
  await startNode({ port, hostname: '127.0.0.1', databaseUrl, workerPollMs: 0, trustProxy: ['127.0.0.1'], rateLimits: { readsPerMinute: 1e9, writesPerMinute: 1e9 } });
  process.send?.('ready');
}
