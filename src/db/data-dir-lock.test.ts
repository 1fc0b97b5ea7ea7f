import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startProcess } from '../../test/support/server-process.js';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.js';

describe('data directory lock', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ikon-lock-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('one holder at a time; released means free again', async () => {
    const dir = path.join(root, 'one');
    const lock = await lockDataDir(dir);
    await assert.rejects(lockDataDir(dir), (e: unknown) => e instanceof DataDirInUseError && e.holder?.pid === process.pid, 'second lock refused, naming the holder');
    await lock.release();
    assert.equal(fs.existsSync(path.join(dir, 'ikon.lock')), false, 'released lock leaves no file');
    await (await lockDataDir(dir)).release();
  });

  test('a data directory path too long for a Unix socket is locked through a short link', async () => {
    const dir = path.join(root, 'lang'.repeat(40));
    const lock = await lockDataDir(dir);
    try {
      await assert.rejects(lockDataDir(dir), DataDirInUseError, 'second lock refused');
      assert.ok(fs.existsSync(path.join(dir, 'ikon.lock')), 'the lock lives in the data directory itself');
    } finally {
      await lock.release();
    }
  });

  test('of four processes racing for a stale lock exactly one wins; the others name it', async () => {
    const dir = path.join(root, 'race');
    const crashed = startProcess('test/support/lock-contender.ts', {}, [dir, 'crash']);
    const { signal } = await crashed.exited;
    assert.equal(signal, 'SIGKILL', `holder killed:\n${crashed.output()}`);
    assert.ok(fs.existsSync(path.join(dir, 'ikon.lock')), 'stale lock left behind');

    const contenders = Array.from({ length: 4 }, () => startProcess('test/support/lock-contender.ts', {}, [dir]));
    try {
      await Promise.all(contenders.map((c) => c.waitFor(/^(got|busy) /m)));
      const winners = contenders.filter((c) => c.output().startsWith('got'));
      assert.equal(winners.length, 1, `one winner:\n${contenders.map((c) => c.output()).join('')}`);
      const winnerPid = winners[0]!.child.pid;
      for (const c of contenders.filter((c) => c !== winners[0])) {
        assert.equal(c.output().trim(), `busy ${winnerPid}`, 'the others name the winner');
        assert.equal((await c.exited).code, 1, 'and exit 1');
      }
      assert.deepEqual(fs.readdirSync(dir), ['ikon.lock'], 'no takeover guard left behind');
    } finally {
      await Promise.all(contenders.map((c) => c.stop()));
    }
    assert.equal(fs.existsSync(path.join(dir, 'ikon.lock')), false, 'the winner released the lock on SIGTERM');
  });
});
