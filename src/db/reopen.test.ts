import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openPglite, queryRows, type Database } from './client.js';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.js';

// main.ts closes PGlite after a first start's seed and serves from a new thread (issue 9: the
// seed's thread keeps memory it never gives back). Nothing written may be lost, and no other
// process may take the data directory in between.
describe('reopening PGlite on its data directory', () => {
  let root: string;
  let database: Database | undefined;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ikon-reopen-'));
  });
  after(async () => {
    await database?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('what was written before is there after; the lock is held throughout; the old handle is closed', async () => {
    const first = await openPglite(path.join(root, 'pglite'));
    database = first;
    await first.db.execute(sql`create table probe (id int primary key, note text not null)`);
    await first.db.transaction(async (tx) => {
      await tx.execute(sql`insert into probe values (1, 'vor dem Neuöffnen')`);
    });
    assert.ok(first.reopen, 'a PGlite database on a directory can be reopened');

    let reopened = false;
    const reopening = first.reopen().finally(() => (reopened = true));
    const attempts: unknown[] = [];
    while (!reopened) attempts.push(await lockDataDir(root).then((lock) => (lock.release(), 'taken'), (error: unknown) => error));
    database = await reopening;
    assert.ok(attempts.length > 0, 'the lock was tried while reopening');
    assert.ok(attempts.every((a) => a instanceof DataDirInUseError), `another holder never got the directory while reopening: ${attempts.filter((a) => !(a instanceof DataDirInUseError)).join(', ')}`);
    await assert.rejects(lockDataDir(root), DataDirInUseError, 'still locked after reopening');

    assert.ok(first.pglite?.closed, 'the old thread is closed');
    await assert.rejects(first.db.execute(sql`select 1`), 'the old handle answers no more');
    assert.notEqual(database.pglite, first.pglite, 'a new thread');
    assert.deepEqual(await queryRows(database.db, sql`select id, note from probe`), [{ id: 1, note: 'vor dem Neuöffnen' }], 'the row written before');
    await database.db.execute(sql`insert into probe values (2, 'danach')`);
    assert.deepEqual(await queryRows(database.db, sql`select count(*)::int as n from probe`), [{ n: 2 }], 'writes after reopening');

    await database.close();
    database = undefined;
    const lock = await lockDataDir(root);
    await lock.release();
  });
});
