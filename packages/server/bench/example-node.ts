// A node with its example sites, started as `npm start` starts them (the built elements, demo data,
// the sites on another port), in a child process on free ports with a throwaway data directory,
// so that the pages measured are served the way a visitor would get them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

/** A port nobody listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ExampleNode {
  node: string;
  examples: string;
  close(): Promise<void>;
}

export async function startExampleNode(): Promise<ExampleNode> {
  const [port, examplesPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'perron-bench-'));
  // `npm start` is `npm run build && node … main.ts --demo`: the same two steps, without npm around them.
  await run(process.execPath, ['scripts/build.mjs']);
  const child = spawn(process.execPath, ['--conditions=source', '--import', './scripts/ts.mjs', 'packages/server/src/main.ts', '--demo'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), EXAMPLES_PORT: String(examplesPort), PERRON_DATA_DIR: join(dataDir, 'node') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const close = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const out = await started(child);
    // The addresses as the node prints them (its own host name), as a visitor would follow them.
    const node = /node started: (\S+)/.exec(out)?.[1];
    const examples = /another origin: (\S+)/.exec(out)?.[1];
    if (!node || !examples) throw new Error(`the node did not say where it and its example sites are:\n${out}`);
    return { node, examples, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    spawn(command, args, { cwd: root, stdio: 'inherit' }).once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/** What the node prints once it and its example sites listen. */
function started(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      if (out.includes('Arrêt / stop')) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`the node exited (${code}) before it started:\n${out}`)));
  });
}
