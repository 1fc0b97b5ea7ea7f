import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.js';
import { enableQueryStats, withQueryStats } from '../db/query-stats.js';
import { describeEachDb } from '../../test/support/harness.js';
import { contentChangedSince, contentSnapshot, noteContentChange } from './public-changes.js';

// A kept page is served again only while contentChangedSince says nothing in its Kommune changed since
// the snapshot its render took before the first query (issue 9.1). Whatever a render read after its
// snapshot: if it missed a committed change, the check must say so.
describeEachDb('content snapshots: a kept render never hides a committed change', (t) => {
  before(() => enableQueryStats());
  const kommune = async () => (await queryRows<{ id: string }>(t().db, sql`select id from tenants where slug = 'musterland'`))[0]!.id;
  const title = async () => (await queryRows<{ name: string }>(t().db, sql`select name from tenants where slug = 'musterland'`))[0]!.name;

  test('a snapshot taken while a noting transaction is open: the read after it sees the commit, or the check reports it', async () => {
    const tenantId = await kommune();
    const old = await title();
    await contentSnapshot(t().database); // prunes old rows first (at most every 10 minutes): a query that would wait for the transaction below
    let release!: () => void;
    let began!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const running = new Promise<void>((r) => (began = r));
    const renamed = `${old} (umbenannt ${Date.now()})`;
    const writing = t().db.transaction(async (tx) => {
      await tx.execute(sql`update tenants set name = ${renamed} where id = ${tenantId}`);
      await noteContentChange(tx, tenantId);
      began();
      await held;
    });
    try {
      await running;
      const seen = await contentSnapshot(t().database);
      const read = title(); // PGlite: waits for the transaction; PostgreSQL: the old name
      release();
      await writing;
      const shown = await read;
      const { changed } = await contentChangedSince(t().database, tenantId, seen);
      assert.ok(shown === renamed || changed, `the render read "${shown}" and the check says changed=${changed}`);
      assert.equal((await contentChangedSince(t().database, tenantId, (await contentChangedSince(t().database, tenantId, seen)).snapshot)).changed, false, 'nothing since the newest snapshot');
    } finally {
      release();
      await writing.catch(() => undefined);
      await t().db.execute(sql`update tenants set name = ${old} where id = ${tenantId}`);
    }
  });

  test('a change noted after the snapshot is reported, also when rolled back (a render too many, never a stale page); another Kommune is not', async () => {
    const tenantId = await kommune();
    const seen = await contentSnapshot(t().database);
    await t()
      .db.transaction(async (tx) => {
        await noteContentChange(tx, tenantId);
        tx.rollback();
      })
      .catch(() => undefined);
    const other = '00000000-0000-4000-8000-000000000000';
    assert.equal((await contentChangedSince(t().database, other, seen)).changed, false, 'another Kommune: unchanged');
    await noteContentChange(t().db, tenantId);
    assert.equal((await contentChangedSince(t().database, tenantId, seen)).changed, true, 'this Kommune: changed');
  });

  test('PGlite, the only writer: snapshot and check ask the database nothing', async () => {
    if (t().kind !== 'pglite') return;
    const tenantId = await kommune();
    await contentSnapshot(t().database); // prunes old rows, at most every 10 minutes
    const { stats } = await withQueryStats(async () => contentChangedSince(t().database, tenantId, await contentSnapshot(t().database)));
    assert.equal(stats.count, 0, `no query (${stats.count})`);
  });
});
