import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import pg from 'pg';
import { startPostgres } from '../../../../scripts/postgres.mjs';
import { memoryRateLimiter } from '../../src/http/rate-limit.ts';
import { startNode, type RunningNode } from '../../src/index.ts';
import { api, startTestNode } from '../support/node.ts';
import { write } from '../support/requests.ts';

/** Writes count in minute windows on PostgreSQL: start a burst early in a minute so that it stays in one. */
async function earlyInAMinute() {
  const second = (Date.now() % 60_000) / 1000;
  if (second > 50) await new Promise((r) => setTimeout(r, (60 - second) * 1000 + 50));
}

/** A write that touches nothing (an unknown withdrawal token: 404), from `client` through the proxy. */
const withdrawFrom = (node: RunningNode, client?: string) =>
  api(node, 'POST', '/v1/pledges/withdraw', { headers: { ...write(), ...(client ? { 'x-forwarded-for': client } : {}) }, body: { token: 'x'.repeat(32) } }).then((r) => r.status);

describe('behind a proxy', () => {
  test('with TRUST_PROXY each visitor has their own limit, and a forged X-Forwarded-For entry changes nothing', async () => {
    await earlyInAMinute();
    const node = await startTestNode({ rateLimits: { writesPerMinute: 2, readsPerMinute: 1000 }, trustProxy: ['127.0.0.1'] });
    try {
      const a = '203.0.113.7';
      assert.deepEqual([await withdrawFrom(node, a), await withdrawFrom(node, a), await withdrawFrom(node, a)], [404, 404, 429]);
      // The proxy appends the address it saw: whatever the visitor wrote before it is not trusted.
      assert.equal(await withdrawFrom(node, `198.51.100.1, ${a}`), 429);
      assert.equal(await withdrawFrom(node, '203.0.113.8'), 404, 'another visitor is not throttled');
    } finally {
      await node.close();
    }
  });

  test('without TRUST_PROXY the header is ignored: anyone could write it', async () => {
    await earlyInAMinute();
    const node = await startTestNode({ rateLimits: { writesPerMinute: 2, readsPerMinute: 1000 }, trustProxy: [] });
    try {
      const statuses = [await withdrawFrom(node, '203.0.113.1'), await withdrawFrom(node, '203.0.113.2'), await withdrawFrom(node, '203.0.113.3')];
      assert.deepEqual(statuses, [404, 404, 429]);
    } finally {
      await node.close();
    }
  });
});

test('pages are limited too: /withdraw, /confirm, /projects, /events, /dev/mail, /embed', async () => {
  const node = await startTestNode({ seed: true, rateLimits: { writesPerMinute: 1000, readsPerMinute: 3 }, trustProxy: ['127.0.0.1'] });
  try {
    const pages = ['/withdraw/abcdefghijklmnopqrstuvwxyz012345', '/confirm/abcdefghijklmnopqrstuvwxyz012345', '/projects/prj_jardin-ontario', '/events/evt_unknown', '/dev/mail', '/embed'];
    for (const [i, path] of pages.entries()) {
      const client = `192.0.2.${i + 1}`; // one visitor per page, so that each page meets the limit on its own
      const statuses = [];
      for (let n = 0; n < 4; n++) statuses.push((await fetch(`${node.url}${path}`, { headers: { 'x-forwarded-for': client } })).status);
      assert.notEqual(statuses[0], 429, path);
      assert.equal(statuses[3], 429, `${path}: ${statuses}`);
    }
    // A POST page (confirming a vote) counts as a write.
    const confirm = await fetch(`${node.url}/confirm/abcdefghijklmnopqrstuvwxyz012345`, { method: 'POST', headers: { 'x-forwarded-for': '192.0.2.200' } });
    assert.notEqual(confirm.status, 429);
  } finally {
    await node.close();
  }
});

test('a flood of new clients does not reset a busy client’s count; memory stays bounded', async () => {
  let t = 0;
  const limiter = memoryRateLimiter({ writesPerMinute: 5, readsPerMinute: 5 }, { maxClients: 1000, now: () => t });
  for (let i = 0; i < 5; i++) assert.equal(await limiter.take('busy', true), 0);
  for (let i = 0; i < 60_000; i++) {
    t += 0.5; // 30 s in all: still the busy client's minute
    await limiter.take(`flood-${i}`, true);
    if (i % 100 === 0) assert.ok((await limiter.take('busy', true)) > 0, `busy client forgotten after ${i} new clients`);
  }
  assert.ok(limiter.size() <= 1000);
});

test('two node processes on one PostgreSQL share the write limit of a client', async () => {
  const throwaway = process.env.DATABASE_URL ? null : await startPostgres();
  const admin = process.env.DATABASE_URL ?? throwaway?.url;
  assert.ok(admin, 'PostgreSQL is installed here (npm test needs it)');
  const name = `perron_test_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const nodes: RunningNode[] = [];
  try {
    const options = { port: 0, databaseUrl: url.toString(), rateLimits: { writesPerMinute: 4, readsPerMinute: 1000 }, workerPollMs: 0, trustProxy: [] };
    nodes.push(await startNode(options)); // migrates first, alone
    nodes.push(await startNode(options));
    await earlyInAMinute();
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await withdrawFrom(nodes[i % 2]!));
    assert.deepEqual(statuses, [404, 404, 404, 404, 429, 429]);
  } finally {
    for (const n of nodes) await n.close();
    await run(`drop database if exists ${name} with (force)`);
    throwaway?.stop();
  }
});
