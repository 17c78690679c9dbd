// Starts a throwaway PostgreSQL cluster from Debian's binaries, for the test suite.
// Root can't run PostgreSQL, so as root the cluster runs as the `postgres` system user.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

/** A port the OS says is free now: a fixed port outlives a run killed midway and blocks the next. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function findPostgresBin() {
  for (const v of ['17', '16', '15']) {
    const dir = `/usr/lib/postgresql/${v}/bin`;
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  return null;
}

const asRoot = process.getuid?.() === 0;
const run = (bin, args) => {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
};

/**
 * Returns { url, socketUrl, stop } for a fresh database on a free port (`socketUrl`: the same
 * database through its Unix socket), or null when PostgreSQL is not installed.
 */
export async function startPostgres() {
  const bin = findPostgresBin();
  if (!bin) return null;
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'perron-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  if (asRoot) spawnSync('chown', ['postgres', dir]);
  run(join(bin, 'initdb'), ['--no-sync', '-A', 'trust', '-U', 'perron', '-D', data]);
  run(join(bin, 'pg_ctl'), ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, '-l', join(dir, 'log'), 'start', '-w']);
  return {
    url: `postgres://perron@127.0.0.1:${port}/postgres`,
    socketUrl: `postgres://perron@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`,
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'immediate', '-w']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
