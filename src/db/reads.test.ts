import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeEachDb } from '../../test/support/harness.js';
import { queryRows, type Db } from './client.js';
import { readsAtOnce } from './reads.js';

describeEachDb('readsAtOnce', (t) => {
  test('inside a transaction the reads run one after another, outside they may overlap', async () => {
    const order: string[] = [];
    const read = (db: Db, name: string) => async () => {
      order.push(`${name} begins`);
      const rows = await queryRows<{ n: number }>(db, sql`select 1 as n`);
      order.push(`${name} ends`);
      return rows[0]!.n;
    };
    assert.deepEqual(await t().db.transaction((tx) => readsAtOnce(tx, [read(tx, 'a'), read(tx, 'b')])), [1, 1]);
    assert.deepEqual(order, ['a begins', 'a ends', 'b begins', 'b ends'], 'one after another inside the transaction');
    order.length = 0;
    assert.deepEqual(await readsAtOnce(t().db, [read(t().db, 'a'), read(t().db, 'b')]), [1, 1]);
    assert.deepEqual(order.slice(0, 2), ['a begins', 'b begins'], 'both sent at once outside');
  });
});
