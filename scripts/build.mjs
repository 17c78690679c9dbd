// `npm run build`: every package's `dist/` in dependency order (contract ← sdk ← elements ← server),
// then the elements' browser bundles, their manifest and the framework typings made from it.
// A step whose inputs are older than its last output is skipped (`--force` runs every step);
// `node scripts/build.mjs sdk` builds one package.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFrameworkTypes } from './framework-types.mjs';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules/.bin', name);
const order = ['contract', 'sdk', 'elements', 'server'];
const force = process.argv.includes('--force');
const only = process.argv.slice(2).filter((a) => a !== '--force');
for (const name of only) if (!order.includes(name)) throw new Error(`No package ${name}: one of ${order.join(', ')}`);

const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });

/**
 * TypeScript rewrites `./x.ts` to `./x.js` in the JavaScript it emits but not in declarations;
 * consumers' TypeScript (older versions, `nodenext`) wants the `.js` there too. It also missed one
 * dynamic `import('…ts')` inside an element's method (5.9), which broke the packed package in
 * every consumer's bundler: the JavaScript gets the same pass.
 */
function rewriteRelativeTs(dir) {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(d\.ts|js)$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const out = text.replace(/((?:from|import\()\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1$2.js$3');
    if (out !== text) writeFileSync(file, out);
  }
}

/** The newest modification time among these files and folders (recursively). */
function newest(paths) {
  let time = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const info = statSync(path);
    time = Math.max(time, info.mtimeMs);
    if (info.isDirectory()) {
      for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
      }
    }
  }
  return time;
}

/** Runs `step` unless `stamp` is newer than every input; then touches `stamp`. */
function step(stamp, inputs, work) {
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= newest(inputs)) return;
  work();
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

const shared = ['tsconfig.base.json', 'package-lock.json', 'scripts/build.mjs'].map((f) => join(root, f));
const pkg = (name, ...paths) => paths.map((p) => join(root, 'packages', name, p));

for (const [i, name] of order.entries()) {
  if (only.length && !only.includes(name)) continue;
  const dir = join(root, 'packages', name);
  // A package is built again when it or any package before it changed (its types may have).
  const upstream = order.slice(0, i).flatMap((n) => pkg(n, 'dist/.built'));
  step(join(dir, 'dist/.built'), [...shared, ...upstream, ...pkg(name, 'src', 'package.json', 'tsconfig.build.json')], () => build(name, dir));
  if (name === 'elements') {
    const inputs = [...shared, ...['contract', 'sdk', 'elements'].flatMap((n) => pkg(n, 'src')), join(root, 'rollup.config.mjs'), join(root, 'scripts/framework-types.mjs')];
    step(join(dir, 'dist/browser/.built'), inputs, () => {
      run(bin('rollup'), ['-c', '--silent']);
      writeFrameworkTypes(join(dir, 'custom-elements.json'), join(dir, 'dist/frameworks'));
    });
  }
}

function build(name, dir) {
  // Emit only: `npm run typecheck` checks the whole repository, packages included, in `npm test`;
  // checking each package again here cost the build (which every test stage waits for) a third of its time.
  run(bin('tsc'), ['-p', 'tsconfig.build.json', '--noCheck'], dir);
  rewriteRelativeTs(join(dir, 'dist'));
  if (name === 'server') {
    // Files the node reads beside its code: the migrations and the pages' own static files.
    cpSync(join(dir, 'src/db/migrations'), join(dir, 'dist/db/migrations'), { recursive: true });
    cpSync(join(dir, 'src/static'), join(dir, 'dist/static'), { recursive: true });
  }
}
