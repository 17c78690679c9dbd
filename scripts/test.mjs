// `npm test`: lint and typecheck beside the build, then every stage, three at a time, with one summary line at the end.
//   Node tests (contract, SDK, the server's embedded-database tests) · end-to-end in Chromium
//   the server's tests on PostgreSQL · element tests in Chromium (@web/test-runner)
//   the packed packages in a folder of their own (scripts/consumer.mjs) · lint · typecheck
// Each stage's output is printed whole when it ends, so that parallel stages don't interleave.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgres } from './postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const started = Date.now();
const elapsed = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

function testFiles(dir, suffix = '.test.ts') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** Runs one stage to its end; resolves (never rejects) with its exit code and output. */
function run(name, cmd, args, env = {}) {
  const since = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => (err += `${e.message}\n`));
    child.on('close', (code) => {
      console.log(`\n=== ${name} (${elapsed(since)}, exit ${code}) ===\n${out}${err}`);
      resolve({ name, code: code ?? 1, out });
    });
  });
}

const nodeTest = (files, concurrency = 1) =>
  ['--conditions=source', '--import', './scripts/ts.mjs', '--test', '--test-force-exit', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...files];

function counts({ out, code, name, single }) {
  // A stage that is one check (lint, typecheck) counts as one test.
  if (single) return { passed: code ? 0 : 1, failed: code ? 1 : 0 };
  // node's spec reporter ends with "ℹ pass N" / "ℹ fail N"; web-test-runner and the consumer test with "N passed, N failed".
  const node = [...out.matchAll(/^ℹ (pass|fail) (\d+)$/gm)];
  if (node.length) {
    const get = (k) => Number(node.filter((m) => m[1] === k).at(-1)?.[2] ?? 0);
    return { passed: get('pass'), failed: get('fail') + (code && !get('fail') ? 1 : 0) };
  }
  const wtr = [...out.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1); // its progress lines repeat it: the last counts
  if (wtr) return { passed: Number(wtr[1]), failed: Number(wtr[2]) + (code && wtr[2] === '0' ? 1 : 0) };
  return { passed: 0, failed: code ? 1 : 0, note: `${name}: no summary found` };
}

// Lint and typecheck read the sources only (the `source` condition): they run beside the build,
// which keeps one core busy, not two, and yield to it (nice), since every other stage waits for it.
const checks = [
  run('Lint', 'nice', ['-n', '10', 'npm', 'run', 'lint', '--silent']).then((r) => ({ ...r, single: true })),
  run('Typecheck', 'nice', ['-n', '10', 'npm', 'run', 'typecheck', '--silent']).then((r) => ({ ...r, single: true })),
];
// Tests and the node's pages use the built packages and bundles: build what changed first.
const build = await run('Build', process.execPath, ['scripts/build.mjs']);
if (build.code) {
  await Promise.all(checks);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The server's tests all run on PostgreSQL, the production database (and the cheaper one to start:
// the embedded one loads its WebAssembly engine in each file's process). The embedded database, the
// same engine and the default for `npm start`, runs every end-to-end flow and these: its own files
// (restarts, a crash, the commands on a data folder) and the broad sweeps whose every answer is checked
// against the contract, so that a value it returns differently would fail (docs/testing.md).
const onEmbedded = ['trust/crash', 'trust/admin-command', 'following-command', 'workspace/readme-real-node', 'trust/fuzz', 'openapi', 'projects', 'pledges', 'events', 'prepared-reads'];
const unit = [...['contract', 'sdk'].flatMap((p) => testFiles(`packages/${p}/test`)), ...onEmbedded.map((f) => `packages/server/test/${f}.test.ts`)];
const elementsNode = testFiles('packages/elements/test');
// Two at a time, the longest first so that no long file starts last: a file's size is a fair proxy
// for how long its flows take.
const e2e = testFiles('e2e').sort((a, b) => statSync(b).size - statSync(a).size);

// One throwaway PostgreSQL cluster for the stages that use it, started when the first one starts.
// Without one (PostgreSQL not installed), the end-to-end flows run on the embedded database alone.
let cluster;
const postgres = () =>
  (cluster ??= process.env.DATABASE_URL ? Promise.resolve({ url: process.env.DATABASE_URL, stop() {} }) : startPostgres());

/** Each stage is a function started when a slot is free: at most `parallel` at once on 2 cores. */
const stages = [
  // The longest stages first, so that the short ones fill the slots they leave.
  // Two files at a time: each starts its own node, example sites and browser on free ports, and the
  // stage is the run's longest; one at a time, it alone was left running on one core at the end.
  // The flows' stacks use the cluster; the files that start their node themselves, and the restarts
  // on a data folder, run on the embedded database (e2e/support/stack.ts).
  async () => {
    const pg = await postgres();
    return run('End-to-end: a real node and the example sites in Chromium', process.execPath, nodeTest(e2e, 2), pg ? { DATABASE_URL: pg.url } : {});
  },
  async () => {
    const pg = await postgres();
    if (!pg) {
      console.log("\nPostgreSQL is not installed here: the server's tests did not run (.ci/run installs it).");
      return { name: 'PostgreSQL', code: 1, out: '' };
    }
    // Two files at a time: they wait on the cluster as much as they compute. The fuzz's few thousand
    // requests run here, where the engine is native and in a process of its own.
    return run('Node: server on PostgreSQL', process.execPath, nodeTest(testFiles('packages/server/test'), 2), { DATABASE_URL: pg.url });
  },
  // The embedded database's fuzz sends a fifth as many requests: enough to check its adapter's answers.
  () => run('Node: contract, SDK, server on the embedded database, elements manifest', process.execPath, nodeTest([...unit, ...elementsNode], 2), { FUZZ_N: '15' }),
  () => run('Browser: elements in Chromium', 'npx', ['web-test-runner']),
];
if (existsSync('scripts/consumer.mjs')) stages.push(() => run('Packages, installed as a developer would', process.execPath, ['--test-reporter=spec', 'scripts/consumer.mjs']));

const parallel = Number(process.env.PERRON_TEST_PARALLEL ?? 3);
const results = [];
const queue = [...stages];
await Promise.all(
  Array.from({ length: parallel }, async () => {
    for (let stage = queue.shift(); stage; stage = queue.shift()) results.push(await stage());
  }),
);
results.push(...(await Promise.all(checks)));
(await cluster)?.stop();

let passed = 0;
let failed = 0;
console.log('');
for (const r of results) {
  const c = counts(r);
  passed += c.passed;
  failed += c.failed;
  console.log(`${r.name}: ${c.passed} passed, ${c.failed} failed${c.note ? ` (${c.note})` : ''}`);
}
console.log(`(${elapsed(started)} in all)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
