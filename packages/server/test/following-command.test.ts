// The operator follows a node with the admin command (its logic, in this process: see support/admin.ts);
// the running node's worker reads it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startNode } from '../src/index.ts';
import { admin } from './support/admin.ts';
import { embeddedOnly } from './support/process.ts';

test('`follow add` records the node; started, the node reads it; `follow list` and `follow remove`', embeddedOnly, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'perron-follow-'));
  const dataDir = join(dir, 'node');
  const a = await startNode({ port: 0, seed: true, followInterval: 0 });
  try {
    const [added] = await admin(dataDir, ['follow', 'add', a.url]);
    assert.match(added!, /node followed/);
    await assert.rejects(admin(dataDir, ['follow', 'add', `${a.url}/`]), 'the same node twice is refused');

    // As outside production (npm start): a node on this machine may be read.
    const b = await startNode({ port: 0, dataDir, followInterval: 60_000, workerPollMs: 100, readPrivateOrigins: true });
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
    const [listed] = await admin(dataDir, ['follow', 'list']);
    assert.match(listed!, new RegExp(`(fol_\\w+)  ${a.url}  ok`));
    const id = /(fol_\w+)/.exec(listed!)![1]!;
    const [removed, after] = await admin(dataDir, ['follow', 'remove', id], ['follow', 'list']);
    assert.ok(removed);
    assert.doesNotMatch(after!, /fol_/);
  } finally {
    await a.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
