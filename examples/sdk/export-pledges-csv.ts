// An organization's pledges as a spreadsheet: the node writes the CSV (UTF-8 with a BOM, need
// names, money in dollars, formulas neutralized); the SDK asks for it with the same filters as the inbox.
//   PERRON_API_KEY=pk_demo_table-hochelaga node --conditions=source --import ./scripts/ts.mjs examples/sdk/export-pledges-csv.ts \
//     --node http://localhost:8080 [--status pending] [--project prj_…] [--from 2026-11-01] [--lang en] [--out pledges.csv]
import { writeFileSync } from 'node:fs';
import { PledgeStatus } from '@perron/contract';
import { createClient, isPerronError } from '@perron/sdk';
import { readArgs } from './cli.ts';

const { nodes, lang, values } = readArgs('export-pledges-csv.ts --node URL [--status S] [--project ID] [--from DAY] [--to DAY] [--lang fr|en] [--out FILE]  (PERRON_API_KEY in the environment)', [
  'status',
  'project',
  'from',
  'to',
  'out',
]);
const apiKey = process.env.PERRON_API_KEY;
if (!apiKey) throw new Error("PERRON_API_KEY must hold the organization's API key");
const status = values.status === undefined ? undefined : PledgeStatus.parse(values.status);

const perron = createClient({ node: nodes[0]!, apiKey, lang });
try {
  const csv = await perron.pledges.csv({ status, project: values.project, from: values.from, to: values.to, lang });
  if (values.out) {
    writeFileSync(values.out, csv);
    console.error(`${csv.split('\r\n').length - 2} pledges written to ${values.out}`);
  } else {
    process.stdout.write(csv);
  }
} catch (e) {
  if (!isPerronError(e)) throw e;
  console.error(`${e.name} (${e.code}): ${e.message}`);
  process.exit(1);
}
