// `npm run bench` (SDK part): what many elements on one page cost a node, and what the SDK weighs
// in a browser bundle.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minify } from 'terser';
import { createClient } from '@perron/sdk';
import { projectDetail } from '../test/fixtures.ts';

const NODE = 'https://bench.perron.test';

/** A node answering after `latency` ms, with the caching headers a real node sends; counts requests. */
function countingNode(latency = 20) {
  const state = { requests: 0 };
  const body = JSON.stringify(projectDetail('p1'));
  const fetch = async (request: Request) => {
    state.requests++;
    await new Promise((r) => setTimeout(r, latency));
    const etag = '"v1"';
    const headers = { 'content-type': 'application/json', etag, 'cache-control': 'public, max-age=30' };
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    return new Response(body, { headers });
  };
  return { state, fetch };
}

async function requests(scenario: (perron: ReturnType<typeof createClient>) => Promise<unknown>, options: { cache?: boolean } = {}) {
  const node = countingNode();
  await scenario(createClient({ node: NODE, fetch: node.fetch, ...options }));
  return node.state.requests;
}

const callers = 20;
const concurrent = (perron: ReturnType<typeof createClient>) => Promise.all(Array.from({ length: callers }, () => perron.projects.get('p1')));
const oneAfterAnother = async (perron: ReturnType<typeof createClient>) => {
  for (let i = 0; i < callers; i++) await perron.projects.get('p1');
};

console.log(`Requests when ${callers} components ask for the same project (target 1):`);
console.log(`  at once:                       ${await requests(concurrent)}`);
console.log(`  one after another (max-age):   ${await requests(oneAfterAnother)}`);
console.log(`  one after another, cache off:  ${await requests(oneAfterAnother, { cache: false })}   (de-duplication alone cannot help here)`);

// Size: bundle the entry for the browser, minify with terser, gzip -9; every variant in-process.
const entry = new URL('../src/index.ts', import.meta.url).pathname;

/** `only`: a page that imports just these exports (the rest is tree-shaken), instead of the whole index. */
async function size(external: string[], only?: string) {
  const result = await build({
    ...(only ? { stdin: { contents: `export { ${only} } from ${JSON.stringify(entry)};`, resolveDir: process.cwd() } } : { entryPoints: [entry] }),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    external,
    logLevel: 'silent',
  });
  const code = (await minify(result.outputFiles[0]!.text, { module: true, compress: { passes: 2 }, mangle: true })).code!;
  return { min: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).byteLength };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const variants: [string, string[]][] = [
  ['sdk + contract + zod/mini + ky (as shipped)', []],
  ['sdk + contract + zod/mini (ky external)', ['ky']],
  ['sdk + contract + ky (zod external)', ['zod', 'zod/*']],
  ['sdk + contract (zod, ky external)', ['zod', 'zod/*', 'ky']],
  ['sdk alone (contract, zod, ky external)', ['zod', 'zod/*', 'ky', '@perron/contract']],
];
// What a bundle keeps when it imports only the calls it makes, as the project card does.
const card: [string, string] = ['createCore + getProject + listCommunities only', 'createCore, getProject, listCommunities'];
console.log('\nSize of @perron/sdk in a browser bundle (esbuild bundle, terser, gzip -9):');
const rows = [];
for (const [name, external] of variants) rows.push({ name, ...(await size(external)) });
rows.push({ name: card[0], ...(await size([], card[1])) });
const width = Math.max(...rows.map((r) => r.name.length));
for (const r of rows) console.log(`  ${r.name.padEnd(width)}  ${kib(r.min).padStart(9)} min  ${kib(r.gz).padStart(8)} gz`);
const [full, noKy, noZod, own] = rows;
console.log(`  → ky ≈ ${kib(full!.gz - noKy!.gz)} gz, zod/mini (with the contract's schemas) ≈ ${kib(full!.gz - noZod!.gz)} gz, sdk+contract code ≈ ${kib(own!.gz)} gz`);
console.log("  (esbuild keeps every route of a group it reads, `projectRoutes`; rollup, which builds the elements, drops the unused ones: see docs/bundle-size.md)");
