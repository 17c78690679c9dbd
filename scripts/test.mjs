// `npm test`: every test, in stages, with one summary line at the end.
//   1. Node tests (contract, SDK, server on the embedded database, end-to-end in Chromium)
//   2. The server tests again on PostgreSQL
//   3. Element tests in Chromium (@web/test-runner)
import { spawn } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgres } from './postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

function testFiles(dir, suffix = '.test.ts') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

function run(name, cmd, args, env = {}) {
  return new Promise((resolve) => {
    console.log(`\n=== ${name} ===`);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (process.stdout.write(d), (out += d)));
    child.on('close', (code) => resolve({ name, code, out }));
  });
}

const nodeTest = (files) =>
  ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files];

function counts({ out, code, name }) {
  // node's spec reporter ends with "ℹ pass N" / "ℹ fail N"; web-test-runner with "N passed, N failed".
  const node = [...out.matchAll(/^ℹ (pass|fail) (\d+)$/gm)];
  if (node.length) {
    const get = (k) => Number(node.filter((m) => m[1] === k).at(-1)?.[2] ?? 0);
    return { passed: get('pass'), failed: get('fail') + (code && !get('fail') ? 1 : 0) };
  }
  const wtr = [...out.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1); // its progress lines repeat it: the last counts
  if (wtr) return { passed: Number(wtr[1]), failed: Number(wtr[2]) + (code && wtr[2] === '0' ? 1 : 0) };
  return { passed: 0, failed: code ? 1 : 0, note: `${name}: no summary found` };
}

const results = [];
const unit = ['contract', 'sdk', 'server'].flatMap((p) => testFiles(`packages/${p}/test`));
const e2e = testFiles('e2e');
results.push(await run('Node: contract, SDK, server (embedded database), end-to-end', process.execPath, nodeTest([...unit, ...e2e])));

const serverTests = testFiles('packages/server/test');
const pg = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, stop() {} } : await startPostgres();
if (pg) {
  try {
    results.push(await run('Node: server on PostgreSQL', process.execPath, nodeTest(serverTests), { DATABASE_URL: pg.url }));
  } finally {
    pg.stop();
  }
} else {
  console.log('\nPostgreSQL is not installed here: the server tests ran on the embedded database only.');
  results.push({ name: 'PostgreSQL', code: 1, out: '' });
}

if (testFiles('packages/elements/src').length) {
  results.push(await run('Browser: elements in Chromium', 'npx', ['web-test-runner']));
}

let passed = 0;
let failed = 0;
for (const r of results) {
  const c = counts(r);
  passed += c.passed;
  failed += c.failed;
  console.log(`${r.name}: ${c.passed} passed, ${c.failed} failed${c.note ? ` (${c.note})` : ''}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
