// `npm run bench`: the floor of the stack the elements are built on (lit, @lit/context, zod/mini,
// ky, the contract's schemas), each row adding to the one before, built and minified as the
// elements are (rollup.config.mjs) and gzipped alone. What no element code can go below.
import { allConfig, build, closure, kB, pageSize } from './measure.ts';

const rows: [string, string][] = [
  ['lit + @lit/context (an element that consumes a value)', '1-lit.ts'],
  ['  + zod/mini (a one-field schema)', '2-zod.ts'],
  ['  + ky (one GET)', '3-ky.ts'],
  ["  + the contract's ProjectDetail (what the card validates)", '4-project.ts'],
  ['lit + @lit/context + the SDK as the card uses it', '5-sdk.ts'],
];
for (const [label, file] of rows) {
  const chunks = await build(allConfig, { input: new URL(`floors/${file}`, import.meta.url).pathname });
  // What loads before anything renders (the SDK's multi-node merge is fetched only when used).
  const files = closure(chunks, 'perron.js');
  console.log(`${label.padEnd(62)} ${kB(pageSize(chunks, files)).padStart(8)}${files.size > 1 ? ` (${files.size} files)` : ''}`);
}
