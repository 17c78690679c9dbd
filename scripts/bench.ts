// `npm run bench`: runs every packages/*/bench/*.bench.ts in turn, one process each, so each
// benchmark prints its own figures and ratios measured side by side within one run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let failed = 0;
for (const pkg of ['contract', 'sdk', 'elements', 'server']) {
  const dir = join(root, 'packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
    console.log(`\n=== ${pkg}/${file} ===`);
    const r = spawnSync(process.execPath, ['--conditions=source', '--import', './scripts/ts.mjs', join(dir, file)], { stdio: 'inherit', cwd: root });
    if (r.status !== 0) failed++;
  }
}
process.exit(failed ? 1 : 0);
