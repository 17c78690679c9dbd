// What a release relies on: one version across the four packages and the API document, and an
// OpenAPI document that Redocly's recommended rules pass without a warning.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { VERSION } from '../src/index.ts';
import { openApiDocument } from '../src/openapi.ts';

const root = new URL('../../../', import.meta.url).pathname;
const manifest = (name: string) => JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
const PACKAGES = ['contract', 'sdk', 'elements', 'server'];

test('the four packages, their dependencies on each other and the OpenAPI document share one version', () => {
  for (const name of PACKAGES) {
    const pkg = manifest(name);
    assert.equal(pkg.version, VERSION, `@perron/${name}`);
    for (const [dep, range] of Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies })) {
      if (dep.startsWith('@perron/')) assert.equal(range, VERSION, `@perron/${name} → ${dep}`);
    }
  }
  assert.equal((openApiDocument() as { info: { version: string } }).info.version, VERSION);
});

test('every package is public, ES modules only, with a licence, and exports types first after its source', () => {
  for (const name of PACKAGES) {
    const pkg = manifest(name);
    assert.equal(pkg.type, 'module', name);
    assert.deepEqual(pkg.publishConfig, { access: 'public' }, name);
    assert.equal(pkg.license, 'MIT', name);
    assert.match(readFileSync(join(root, 'packages', name, 'LICENSE'), 'utf8'), /^MIT License/, name);
    assert.match(readFileSync(join(root, 'packages', name, 'README.md'), 'utf8'), /npm install @perron\/\w+/, `${name} README says how to install`);
    assert.match(readFileSync(join(root, 'packages', name, 'README.md'), 'utf8'), /ES modules only/, `${name} README says ESM only`);
    const conditions = Object.keys(pkg.exports['.']);
    assert.deepEqual(conditions, ['source', 'types', 'default'], `${name} "." conditions, in order`);
  }
});

test('Redocly lint passes the OpenAPI document with no warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'perron-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(openApiDocument('https://perron.example.org')));
    const result = await promisify(execFile)(join(root, 'node_modules/.bin/redocly'), ['lint', file, '--format=json'], { cwd: dir }).catch((e) => e);
    const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
    const problems = report.problems.map((p: { ruleId: string; message: string }) => `${p.ruleId}: ${p.message}`);
    assert.deepEqual(problems, []);
    assert.equal(report.totals.errors, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
