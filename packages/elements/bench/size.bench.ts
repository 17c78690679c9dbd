// `npm run bench`: minified+gzipped size of what a host page downloads, against the budgets.
//   all elements (/elements/perron.js) ≤ 30 kB · a page with only the project card ≤ 16 kB
// and what each part of the code weighs in the all-elements bundle.
import { minify } from 'terser';
import { rollup, type OutputChunk, type RollupOptions } from 'rollup';
import { gzipSync } from 'node:zlib';
import configs from '../../../rollup.config.mjs';

const BUDGET = { all: 30_000, card: 16_000 };
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const gz = (code: string) => gzipSync(code, { level: 9 }).length;

async function build(config: RollupOptions, withoutMinifier = false) {
  const plugins = (config.plugins as { name: string }[]).filter((p) => !(withoutMinifier && p.name === 'terser'));
  const bundle = await rollup({ ...config, plugins: plugins as RollupOptions['plugins'], onwarn: () => {} });
  const outputs = Array.isArray(config.output) ? config.output : [config.output!];
  const { output } = await bundle.generate(outputs[0]!);
  await bundle.close();
  return output.filter((o): o is OutputChunk => o.type === 'chunk');
}

const [allConfig, perElementConfig] = configs as RollupOptions[];

// 1. Everything, as /elements/perron.js.
const [all] = await build(allConfig!);
const allSize = gz(all!.code);

// 2. A page with only the card: its module and every chunk it imports, each fetched (and gzipped) apart.
const chunks = await build(perElementConfig!);
const byName = new Map(chunks.map((c) => [c.fileName, c]));
const cardFiles = new Set<string>();
const visit = (file: string) => {
  if (cardFiles.has(file)) return;
  cardFiles.add(file);
  for (const dep of byName.get(file)!.imports) visit(dep);
};
visit('perron-project-card.js');
const cardSize = [...cardFiles].reduce((sum, f) => sum + gz(byName.get(f)!.code), 0);

// 3. Who weighs what: each part's code minified and gzipped alone (nothing dropped), as a share of the bundle.
const parts: [string, RegExp][] = [
  ['lit, @lit/context, @lit/task', /node_modules\/(lit|lit-html|lit-element|@lit)\//],
  ['ky (the SDK’s HTTP)', /node_modules\/ky\//],
  ['sdk', /\/packages\/sdk\//],
  ['zod/mini', /node_modules\/zod\//],
  ['contract (schemas, routes)', /\/packages\/contract\//],
  ['elements: locales', /\/elements\/src\/i18n\//],
  ['elements: styles', /\/elements\/src\/.*styles\.ts$/],
  ['elements: code', /\/elements\/src\//],
];
const [raw] = await build(allConfig!, true);
const code = new Map<string, string>();
for (const [id, m] of Object.entries(raw!.modules)) {
  const name = parts.find(([, re]) => re.test(id))?.[0] ?? 'other';
  code.set(name, (code.get(name) ?? '') + (m.code ?? '') + '\n');
}
const sizes = await Promise.all(
  [...code].map(async ([name, c]) => {
    const min = await minify(c, { module: false, compress: { toplevel: false, unused: false }, mangle: true });
    return [name, gz(min.code ?? '')] as const;
  }),
);
const partsTotal = sizes.reduce((s, [, n]) => s + n, 0);
const share = (n: number) => `${String(Math.round((100 * n) / partsTotal)).padStart(3)} %  ~${kB((n / partsTotal) * allSize)}`;

console.log(`all elements (perron.js)       ${kB(allSize)}  (budget ${kB(BUDGET.all)})`);
console.log(`project card only (${cardFiles.size} files)    ${kB(cardSize)}  (budget ${kB(BUDGET.card)})`);
console.log('\nshare of perron.js (each part minified and gzipped alone):');
for (const [name, n] of [...sizes].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(30)} ${share(n)}`);
const sum = (re: RegExp) => sizes.filter(([name]) => re.test(name)).reduce((s, [, n]) => s + n, 0);
console.log('\n  lit                            ' + share(sum(/^lit/)));
console.log('  sdk (+ ky)                     ' + share(sum(/^(sdk|ky)/)));
console.log('  contract + zod                 ' + share(sum(/^(contract|zod)/)));
console.log('  elements                       ' + share(sum(/^elements/)));

const over = [allSize > BUDGET.all && 'all elements', cardSize > BUDGET.card && 'project card'].filter(Boolean);
if (over.length) {
  console.log(`\nOVER BUDGET: ${over.join(', ')}`);
  process.exit(1);
}
