// `npm run bench`: minified+gzipped size of what a host page downloads, against the budgets of
// issue 13, and what each part of the code weighs. Fails (exit 1) over budget, or when zod is back
// in a bundle (the elements do not validate in the browser).
//   all elements (/elements/perron.js) ≤ 34 kB · a page with only the project card ≤ 22 kB
// docs/bundle-size.md explains the figures; floors.bench.ts measures the stack's own floor.
import { allConfig, br, build, cardConfig, closure, kB, PARTS, pageSize, shares } from './measure.ts';

const BUDGET = { all: 34_000, card: 22_000 };

// 1. Everything, as /elements/perron.js; English pages fetch their locale besides.
const all = await build(allConfig);
const allSize = pageSize(all, ['perron.js']);
/** A part fetched later: by its stable name (forms.js, en-CA.js), or the chunk whose name starts so. */
const onDemand = (name: string) => pageSize(all, [...all.keys()].filter((f) => f === name || f.startsWith(`chunks/${name}-`)));

// 2. A page with only the card: its module and every chunk it imports, each fetched (and gzipped) apart.
const perElement = await build(cardConfig);
const cardFiles = closure(perElement, 'perron-project-card.js');
const cardSize = pageSize(perElement, cardFiles);

const brotli = (chunks: typeof all, files: Iterable<string>) => [...files].reduce((sum, f) => sum + br(chunks.get(f)!.code), 0);
console.log(`all elements (perron.js)            ${kB(allSize).padStart(8)}   budget ${kB(BUDGET.all)}   (Brotli ${kB(brotli(all, ['perron.js']))})`);
console.log(`project card only (${cardFiles.size} file${cardFiles.size > 1 ? 's' : ''})          ${kB(cardSize).padStart(8)}   budget ${kB(BUDGET.card)}   (Brotli ${kB(brotli(perElement, cardFiles))})`);
console.log(`  on demand: the forms (pledge, registration, vote, idea, support; forms.js) +${kB(onDemand('forms.js'))}, the impact (perron-impact chunk) +${kB(onDemand('perron-impact'))}, English (en-CA.js) +${kB(onDemand('en-CA.js'))}, several nodes' merge (federation chunk) +${kB(onDemand('federation'))}`);
// What perron.js fetches before anything renders: itself alone. A chunk it imports statically would
// be paid by every page (and not counted above), e.g. after a module of the forms is imported elsewhere.
const atLoad = [...closure(all, 'perron.js')].filter((f) => f !== 'perron.js');
if (atLoad.length) console.log(`  perron.js imports at load: ${atLoad.join(', ')} (+${kB(pageSize(all, atLoad))})`);
// A chunk fetched on demand that imports another chunk costs a second round trip before it runs
// (e.g. two forms' chunks sharing the fields: rollup moves what they share to a third).
const chained = all.get('perron.js')!.dynamicImports.filter((f) => all.get(f)!.imports.some((i) => i !== 'perron.js'));
if (chained.length) console.log(`  on demand, but importing another chunk: ${[...new Set(chained)].join(', ')}`);

// 3. Who weighs what, in both.
const [allRaw, perElementRaw] = await Promise.all([build(allConfig, { minified: false }), build(cardConfig, { minified: false })]);
const inAll = await shares(allRaw, ['perron.js'], allSize);
const inCard = await shares(perElementRaw, closure(perElementRaw, 'perron-project-card.js'), cardSize);
console.log('\nshare (each part minified and gzipped alone, scaled to the real size)   perron.js   card page');
for (const name of [...PARTS.map(([n]) => n), 'other']) {
  const a = inAll.get(name) ?? 0;
  const c = inCard.get(name) ?? 0;
  if (a || c) console.log(`  ${name.padEnd(68)} ${kB(a).padStart(8)}   ${kB(c).padStart(8)}`);
}

// What rollup keeps: one `validate: true` core, or a schema read anywhere, brings zod back.
const zodIn = (chunks: Map<string, { modules: Record<string, unknown> }>, files: Iterable<string>) =>
  [...files].some((f) => Object.keys(chunks.get(f)!.modules).some((id) => id.includes('/node_modules/zod/')));
const withZod = [zodIn(allRaw, ['perron.js']) && 'perron.js', zodIn(perElementRaw, closure(perElementRaw, 'perron-project-card.js')) && 'card page'].filter(Boolean);
console.log(`\nzod in the bundles: ${withZod.length ? withZod.join(', ') : 'none'}`);

const over = [
  allSize > BUDGET.all && 'all elements',
  cardSize > BUDGET.card && 'project card',
  atLoad.length > 0 && 'perron.js imports chunks at load',
  chained.length > 0 && 'a chunk fetched on demand imports another',
  ...withZod.map((w) => `zod in ${w}`),
].filter(Boolean);
if (over.length) {
  console.log(`\nOVER BUDGET: ${over.join(', ')} (docs/bundle-size.md: what the stack allows, and what would meet the budgets)`);
  process.exit(1);
}
