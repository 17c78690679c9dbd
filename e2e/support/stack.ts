import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNode, type RunningNode } from '@perron/server';
import { startExamples, type ExampleServer } from '../../examples/serve.ts';
import { newTestDatabase } from '../../packages/server/test/support/node.ts';

const root = new URL('../../', import.meta.url).pathname;
const bundle = join(root, 'packages/elements/dist/browser/perron.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && /\.(ts|js)$/.test(e.name)) newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

/** The tests drive the bundle the node really serves: build it when it is missing or older than its sources. */
export function ensureElementsBuilt(): void {
  const sources = ['packages/elements/src', 'packages/sdk/src', 'packages/contract/src'].map((d) => newestSource(join(root, d)));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(...sources)) return;
  execFileSync(process.execPath, [join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], { cwd: root, stdio: 'inherit' });
}

export interface Stack {
  node: RunningNode;
  examples: ExampleServer;
  /** Stops the node (and only it): the example site stays up, as a host's site would. */
  stopNode(): Promise<void>;
  /** Starts the node again on the same port and data. */
  restartNode(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real node with the demo data and the example sites on another origin.
 *
 * The database is PostgreSQL when the run gives a cluster (`DATABASE_URL`, as `npm test` does):
 * the flows' queries cost a third of the CPU they cost the embedded engine, which runs in the
 * test's own process. With `persistent` (or no cluster), it is `npm start`'s own embedded database,
 * in a temporary directory, so that the node can be stopped and restarted.
 */
export async function startStack({ persistent = false } = {}): Promise<Stack> {
  ensureElementsBuilt();
  const dataDir = persistent ? mkdtempSync(join(tmpdir(), 'perron-e2e-')) : undefined;
  const postgres = !persistent && process.env.DATABASE_URL ? await newTestDatabase(process.env.DATABASE_URL, { seeded: true }) : undefined;
  const databaseUrl = postgres?.url;
  let node: RunningNode;
  let examples: ExampleServer;
  try {
    node = await startNode({ port: 0, seed: true, dataDir, databaseUrl, devMailbox: true });
    examples = await startExamples({ node: node.url }).catch(async (error) => {
      await node.close();
      throw error;
    });
  } catch (error) {
    await postgres?.drop(); // a stack that did not start leaves no database behind
    throw error;
  }
  const port = node.port;
  process.env.PERRON_EXAMPLES_URL = examples.url; // as npm start does: the home page links to them
  let running = true;
  const stack: Stack = {
    get node() {
      return node;
    },
    examples,
    async stopNode() {
      await node.close();
      running = false;
    },
    async restartNode() {
      node = await startNode({ port, seed: true, dataDir, databaseUrl, devMailbox: true });
      running = true;
    },
    async close() {
      await examples.close();
      if (running) await node.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      await postgres?.drop();
    },
  };
  return stack;
}
