// The load hook behind scripts/ts.mjs (it runs on the loader's own thread). Every other module,
// and all resolution, is Node's own.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// What tsconfig.base.json says about emitting: Lit's decorators and hono/jsx.
const tsconfigRaw = {
  compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false, verbatimModuleSyntax: true, jsx: 'react-jsx', jsxImportSource: 'hono/jsx' },
};
const esbuildVersion = createRequire(import.meta.url)('esbuild/package.json').version;
const cache = join(tmpdir(), 'perron-ts');
mkdirSync(cache, { recursive: true });
let esbuild;

export async function load(url, context, next) {
  const loader = url.endsWith('.ts') ? 'ts' : url.endsWith('.tsx') ? 'tsx' : null;
  if (!loader || !url.startsWith('file:')) return next(url, context);
  const path = fileURLToPath(url);
  const text = readFileSync(path, 'utf8');
  // Keyed by path (the source map names it), content and compiler: an edit is a new entry.
  const cached = join(cache, `${createHash('sha1').update(`${esbuildVersion}\0${path}\0${text}`).digest('hex')}.js`);
  let source;
  try {
    source = readFileSync(cached, 'utf8');
  } catch {
    esbuild ??= await import('esbuild');
    source = esbuild.transformSync(text, { loader, format: 'esm', target: 'node20', sourcemap: 'inline', sourcefile: path, tsconfigRaw }).code;
    // Written whole, then renamed: parallel test processes never read half a file.
    const part = `${cached}.${process.pid}`;
    writeFileSync(part, source);
    renameSync(part, cached);
  }
  return { format: 'module', source, shortCircuit: true };
}
