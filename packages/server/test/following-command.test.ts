// The operator follows a node with the admin command; the running node's worker reads it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startNode } from '../src/index.ts';
import { embeddedOnly, perron } from './support/process.ts';

test('`follow add` records the node; started, the node reads it; `follow list` and `follow remove`', embeddedOnly, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'perron-follow-'));
  const env = { PERRON_DATA_DIR: join(dir, 'node'), DATABASE_URL: '', PERRON_DEMO: '' };
  const a = await startNode({ port: 0, seed: true, followInterval: 0 });
  try {
    const added = await perron(['follow', 'add', a.url], env);
    assert.equal(added.code, 0, added.out);
    assert.match(added.out, /node followed/);
    assert.equal((await perron(['follow', 'add', `${a.url}/`], env)).code, 1, 'the same node twice is refused');

    const b = await startNode({ port: 0, dataDir: env.PERRON_DATA_DIR, followInterval: 60_000, workerPollMs: 100 });
    try {
      const ofA = (await (await fetch(`${a.url}/v1/projects`)).json()).items.length;
      assert.ok(ofA > 0);
      let onB = 0;
      for (let tries = 0; tries < 300 && onB === 0; tries++) {
        await new Promise((r) => setTimeout(r, 100));
        onB = (await (await fetch(`${b.url}/v1/projects`)).json()).items.length;
      }
      assert.equal(onB, ofA, 'read at once by the worker, not at the next interval');
    } finally {
      await b.close();
    }
    const listed = await perron(['follow', 'list'], env);
    assert.match(listed.out, new RegExp(`(fol_\\w+)  ${a.url}  ok`));
    const id = /(fol_\w+)/.exec(listed.out)![1]!;
    assert.equal((await perron(['follow', 'remove', id], env)).code, 0);
    assert.doesNotMatch((await perron(['follow', 'list'], env)).out, /fol_/);
  } finally {
    await a.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
