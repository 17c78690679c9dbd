import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

/** A port the OS says is free now (PHP's built-in server cannot be asked to pick one). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

const here = new URL('./wordpress/', import.meta.url).pathname;

/** Debian's `wordpress`, `php-cli`, `php-mysql` and `mariadb-server` packages, or why not. */
export function wordpressMissing(): string | null {
  for (const [what, path] of [
    ['wordpress', '/usr/share/wordpress/wp-load.php'],
    ['php-cli', '/usr/bin/php'],
    ['mariadb-server', '/usr/sbin/mariadbd'],
  ] as const) {
    if (!existsSync(path)) return `Debian's ${what} is not installed (apt-get install wordpress php-cli php-mysql mariadb-server)`;
  }
  return null;
}

export interface WordPress {
  url: string;
  /** Publishes a post with this content; returns its address. */
  post(content: string): string;
  close(): Promise<void>;
}

async function until(what: string, ready: () => boolean): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (ready()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start`);
}

const stop = (p: ChildProcess | undefined) =>
  new Promise<void>((resolve) => {
    if (!p || p.exitCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill('SIGTERM');
  });

/**
 * A real WordPress (Debian's package) on PHP's built-in server and its own MariaDB, in a temporary
 * folder; `allowHost` is the node it may discover embeds on (WordPress refuses local addresses,
 * and ports other than 80, 443 and 8080, unless a must-use plugin says otherwise).
 */
export async function startWordPress(allowHost: URL): Promise<WordPress> {
  const dir = mkdtempSync(join(tmpdir(), 'perron-wp-'));
  const name = `perron-test-${dir.slice(-6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  const config = `/etc/wordpress/config-${name}.php`;
  let db: ChildProcess | undefined;
  let php: ChildProcess | undefined;
  try {
    const sock = join(dir, 'db.sock');
    execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${join(dir, 'db')}`, '--user=root', '--auth-root-authentication-method=socket', '--skip-test-db'], { stdio: 'ignore' });
    db = spawn('mariadbd', ['--no-defaults', `--datadir=${join(dir, 'db')}`, `--socket=${sock}`, '--skip-networking', '--user=root', `--pid-file=${join(dir, 'db.pid')}`], { stdio: 'ignore' });
    await until('MariaDB', () => {
      try {
        execFileSync('mariadb-admin', ['--no-defaults', '-S', sock, '-u', 'root', 'ping'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    });
    execFileSync('mariadb', ['--no-defaults', '-S', sock, '-u', 'root', '-e', "create database wp; create user wp@localhost identified by 'wp'; grant all on wp.* to wp@localhost;"]);

    const content = join(dir, 'wp-content');
    mkdirSync(join(content, 'mu-plugins'), { recursive: true });
    mkdirSync(join(content, 'themes', 'perron-test'), { recursive: true });
    symlinkSync('/usr/share/wordpress/wp-content/plugins', join(content, 'plugins'));
    writeFileSync(join(content, 'themes', 'perron-test', 'style.css'), '/*\nTheme Name: Perron test\n*/\n');
    copyFileSync(join(here, 'theme-index.php'), join(content, 'themes', 'perron-test', 'index.php'));
    // The must-use plugin a site owner would add to embed from a node on a local address.
    writeFileSync(
      join(content, 'mu-plugins', 'allow-perron-node.php'),
      `<?php
add_filter('http_request_host_is_external', fn ($external, $host) => $external || $host === ${JSON.stringify(allowHost.hostname)}, 10, 2);
add_filter('http_allowed_safe_ports', fn ($ports) => array_merge($ports, [${Number(allowHost.port) || 80}]));
`,
    );
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    writeFileSync(
      config,
      `<?php
define('DB_NAME', 'wp'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp'); define('DB_HOST', 'localhost:${sock}');
define('WP_CONTENT_DIR', ${JSON.stringify(content)}); define('WP_CONTENT_URL', '${url}/wp-content');
define('WP_HOME', '${url}'); define('WP_SITEURL', '${url}');
define('DISABLE_WP_CRON', true); define('AUTOMATIC_UPDATER_DISABLED', true);
$table_prefix = 'wp_';
`,
    );
    const env = { ...process.env, PERRON_WP_CONFIG: name, PERRON_WP_CONTENT: content };
    php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', '/usr/share/wordpress', join(here, 'router.php')], { env, stdio: 'ignore' });
    await until('PHP', () => {
      try {
        execFileSync('php', ['-r', `exit(@fsockopen('127.0.0.1', ${port}) ? 0 : 1);`], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    });
    return {
      url,
      post(text) {
        const out = execFileSync('php', [join(here, 'setup.php'), url, text], { env, encoding: 'utf8' });
        return out.trim().split('\n').pop()!;
      },
      async close() {
        await stop(php);
        await stop(db);
        rmSync(config, { force: true });
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop(php);
    await stop(db);
    rmSync(config, { force: true });
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
