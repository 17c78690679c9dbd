import { spawn, type ChildProcess } from 'node:child_process';

const root = new URL('../../../../', import.meta.url).pathname;
const typescript = ['--conditions=source', '--import', `${root}scripts/ts.mjs`]; // as npm start runs the node

export interface NodeProcess {
  url: string;
  output: () => string;
  stop(): Promise<void>;
  /** `kill -9`: the process ends at once, whatever it was doing (no handler runs). */
  kill(): Promise<void>;
}

/** Runs `packages/server/src/main.ts` as an operator would, and waits for its "node started" line. */
export async function startNodeProcess(env: Record<string, string>, args: string[] = []): Promise<NodeProcess> {
  const child = spawn(process.execPath, [...typescript, 'packages/server/src/main.ts', ...args], { cwd: root, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /node started: (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`the node exited (${code}):\n${out}`)));
  });
  return { url, output: () => out, stop: () => stopProcess(child), kill: () => stopProcess(child, 'SIGKILL') };
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Runs a process to its end: its exit code and everything it printed. */
export function runToEnd(file: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [...typescript, file, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** `npm run perron -- …`, without npm. */
export const perron = (args: string[], env: Record<string, string>) => runToEnd('packages/server/src/cli.ts', args, env);

/**
 * For tests that choose their own storage (an embedded database in a directory of their own): the
 * PostgreSQL pass of `npm test` would only run them again, so they skip it and say why.
 */
export const embeddedOnly = { skip: process.env.DATABASE_URL ? 'sets its own embedded database: the PostgreSQL pass would repeat it' : false };
