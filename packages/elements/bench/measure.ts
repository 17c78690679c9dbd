// What the size benches share: the build's own rollup settings, and sizes as a host page pays them.
import { rollup, type OutputChunk, type RollupOptions } from 'rollup';
import { minify } from 'terser';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import configs from '../../../rollup.config.mjs';

const all = configs as RollupOptions[];
export const allConfig = all[0]!;
/** The card's own bundle (each element is built apart). */
export const cardConfig = all.find((c) => typeof c.input === 'object' && 'perron-project-card' in (c.input as object))!;

export const gz = (code: string) => gzipSync(code, { level: 9 }).length;
/** What a browser that accepts Brotli receives (the node serves the build's `.br`, quality 11). */
export const br = (code: string) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
export const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** The chunks of a build, minified as served (or not, to read each module's code). */
export async function build(config: RollupOptions, o: { input?: RollupOptions['input']; minified?: boolean } = {}) {
  const plugins = (config.plugins as { name: string }[]).filter((p) => o.minified !== false || p.name !== 'terser');
  const bundle = await rollup({ ...config, ...(o.input ? { input: o.input } : {}), plugins: plugins as RollupOptions['plugins'], onwarn: () => {} });
  const output = Array.isArray(config.output) ? config.output[0]! : config.output!;
  const { output: files } = await bundle.generate(output);
  await bundle.close();
  return new Map(files.filter((f): f is OutputChunk => f.type === 'chunk').map((c) => [c.fileName, c]));
}

/** A file and every chunk it imports statically: what a page with one script tag downloads before anything renders. */
export function closure(chunks: Map<string, OutputChunk>, file: string, seen = new Set<string>()): Set<string> {
  if (!seen.has(file)) {
    seen.add(file);
    for (const dep of chunks.get(file)!.imports) closure(chunks, dep, seen);
  }
  return seen;
}

/** gzip size of files fetched one by one (each compressed apart, as a server does). */
export const pageSize = (chunks: Map<string, OutputChunk>, files: Iterable<string>) => [...files].reduce((sum, f) => sum + gz(chunks.get(f)!.code), 0);

/** The parts of the code, by where a module comes from (first match wins). */
export const PARTS: [string, RegExp][] = [
  ['lit', /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//],
  ['@lit/context, @lit/task', /node_modules\/@lit\/(context|task)\//],
  ['zod/mini', /node_modules\/zod\//],
  ['ky', /node_modules\/ky\//],
  ['sdk', /\/packages\/sdk\//],
  ['contract (schemas, routes)', /\/packages\/contract\//],
  ['elements: locale fr-CA', /\/elements\/src\/i18n\/fr-CA(\.ts|\/)/],
  ['elements: other locales', /\/elements\/src\/i18n\/[a-z]{2}-[A-Z]{2}\.ts$/],
  ['elements: styles', /\/elements\/src\/.*styles\.ts$/],
  ['elements: code', /\/elements\/src\//],
];

/**
 * What each part weighs in some files of an unminified build: each part's code minified and
 * gzipped alone (so nothing is shared between parts), as a share of `total`, the files' real size.
 */
export async function shares(chunks: Map<string, OutputChunk>, files: Iterable<string>, total: number) {
  const code = new Map<string, string>(PARTS.map(([name]) => [name, '']));
  for (const file of files) {
    for (const [id, m] of Object.entries(chunks.get(file)!.modules)) {
      const name = PARTS.find(([, re]) => re.test(id))?.[0] ?? 'other';
      // A block each: modules of different chunks may use the same top-level names.
      code.set(name, `${code.get(name) ?? ''}{\n${m.code ?? ''}\n}\n`);
    }
  }
  const alone = new Map<string, number>();
  for (const [name, c] of code) {
    const min = await minify(c, { module: false, compress: { toplevel: false, unused: false }, mangle: true });
    alone.set(name, c.trim() ? gz(min.code ?? '') : 0);
  }
  const sum = [...alone.values()].reduce((a, b) => a + b, 0);
  return new Map([...alone].map(([name, n]) => [name, (n / sum) * total]));
}
