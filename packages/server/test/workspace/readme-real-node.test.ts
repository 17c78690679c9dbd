// Issue 12: the README's "Run a real node" steps, followed as written on an empty data directory
// with NODE_ENV=production, end with the admin signed in to the workspace. The commands are read
// from the README itself, so that the test fails when the README and the node disagree.
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { RunningNode } from '../../src/index.ts';
import { embeddedOnly, perron, startNodeProcess, type NodeProcess } from '../support/process.ts';
import { cookieOf, getPage, postForm } from '../support/workspace.ts';
import { startFakeSmtp } from '../trust/fake-smtp.ts';

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

/** The shell block of the README's "Run a real node" section, one command per line. */
function realNodeSteps(): string[] {
  const section = readme.slice(readme.indexOf('## Run a real node'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l && !l.startsWith('#'));
}

/** Splits a command line as sh would for these lines: words, "double" and 'single' quotes. */
const words = (line: string) => [...line.matchAll(/(?:"[^"]*"|'[^']*'|[^\s"'])+/g)].map((m) => m[0].replace(/"([^"]*)"|'([^']*)'/g, '$1$2'));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** The text of a mail as sent: quoted-printable undone. */
const decoded = (data: string) => data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const dir = mkdtempSync(join(tmpdir(), 'perron-readme-'));
let node: NodeProcess | undefined;
const smtp = await startFakeSmtp();
after(async () => {
  await node?.stop();
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the README's real-node steps, on an empty directory in production, end with the admin signed in", embeddedOnly, async () => {
  const steps = realNodeSteps();
  const port = await freePort();
  const publicUrl = `http://localhost:${port}`;
  // The README's exports, with this machine's values: a fresh directory, this port, a mail server that keeps what it gets.
  const env: Record<string, string> = { NODE_ENV: 'production', PERRON_DATA_DIR: join(dir, 'node'), PUBLIC_URL: publicUrl, SMTP_URL: smtp.url, MAIL_FROM: 'Perron <perron@example.org>', DATABASE_URL: '', PERRON_DEMO: '', PORT: String(port) };
  for (const name of steps.filter((s) => s.startsWith('export ')).flatMap((s) => words(s).slice(1).map((w) => w.split('=')[0]!))) {
    assert.ok(name in env, `the README exports ${name}, which this test does not set`);
  }

  const commands = steps.filter((s) => s.startsWith('npm run perron -- '));
  assert.ok(commands.length >= 4, 'community, organization, admin and curator');
  for (const command of commands) {
    const { code, out } = await perron(words(command).slice(4), env);
    assert.equal(code, 0, `${command}\n${out}`);
  }
  assert.ok(steps.includes('npm run serve'), 'the README starts the node with npm run serve');
  node = await startNodeProcess(env);
  assert.equal(node.url, publicUrl);

  // Step 3: the admin the README adds asks for a link, gets it by email and presses the button.
  const admin = /person add (\S+) .*--admin/.exec(commands.join('\n'))![1]!;
  const at = { url: publicUrl } as RunningNode;
  const asked = await postForm(at, '/workspace/sign-in', { email: admin });
  assert.equal(asked.status, 303);
  for (let i = 0; i < 100 && !smtp.received.some((m) => m.to.includes(admin)); i++) await new Promise((r) => setTimeout(r, 100));
  const mail = smtp.received.find((m) => m.to.includes(admin));
  assert.ok(mail, `a sign-in link was mailed to ${admin}`);
  const token = /\/workspace\/sign-in\/link\?token=([A-Za-z0-9_-]+)/.exec(decoded(mail.data))?.[1];
  assert.ok(token, 'the mail holds the link');
  const signedIn = await postForm(at, '/workspace/sign-in/link', { token });
  assert.equal(signedIn.status, 303);
  const cookie = cookieOf(signedIn);
  assert.ok(cookie?.startsWith('perron_session='), 'on http://localhost the cookie has no __Host- prefix');
  const home = await getPage(at, '/workspace', cookie);
  assert.equal(home.status === 302 || home.status === 303 ? (await getPage(at, home.location!, cookie)).status : home.status, 200);
  const page = home.location ? (await getPage(at, home.location, cookie)).text : home.text;
  assert.match(page, /Léa Tremblay/, "the workspace greets the README's admin");
  assert.match(page, /Carrefour communautaire Villeray/);
});
