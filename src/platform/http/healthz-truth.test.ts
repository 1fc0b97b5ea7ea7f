import assert from 'node:assert/strict';
import { before, mock, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { enableQueryStats, withQueryStats } from '../../db/query-stats.js';
import { adminQuery } from '../../../test/support/databases.js';
import { describeEachDb, type TestApp } from '../../../test/support/harness.js';

/** /healthz with the number of queries it took. */
async function healthz(t: TestApp) {
  const { result, stats } = await withQueryStats(async () => t.app.request('/healthz'));
  return { status: result.status, body: (await result.json()) as Record<string, unknown>, queries: stats.count };
}

/** Runs `work` with Date mocked from now on: "the last second" then does not depend on the machine's load. */
async function atMockedTime(work: () => Promise<void>) {
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  try {
    await work();
  } finally {
    mock.timers.reset();
  }
}

/** Makes the database unreachable: PGlite's thread ends; PostgreSQL ends every session and refuses new ones. */
async function killDatabase(t: TestApp) {
  if (t.database.pglite) return t.database.pglite.close();
  const [{ name }] = (await queryRows<{ name: string }>(t.db, sql`select current_database() as name`)) as [{ name: string }];
  await adminQuery(`alter database "${name}" allow_connections false`);
  await adminQuery(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
}

// During a 5,000-row import on PostgreSQL `select 1` waited for the request thread twice and for
// CPU that PostgreSQL was giving the import (issue 8.4): the import's own answers show the database works.
describeEachDb('/healthz sagt die Wahrheit über die Datenbank (Issue 8.4)', (t) => {
  before(() => enableQueryStats());

  test('a database that answered within the last second is not asked again', () =>
    atMockedTime(async () => {
      await t().db.execute(sql`select 1`); // any answer: a page's query, the import's statements
      mock.timers.tick(900);
      assert.deepEqual(await healthz(t()), { status: 200, body: { status: 'ok', database: t().kind }, queries: 0 }, 'healthy without a round trip of its own');
    }));

  test('a database that answered nothing for a second is asked', () =>
    atMockedTime(async () => {
      await t().db.execute(sql`select 1`);
      mock.timers.tick(1_100);
      assert.deepEqual(await healthz(t()), { status: 200, body: { status: 'ok', database: t().kind }, queries: 1 }, 'asked the database');
    }));

  test('a database that is gone answers 503 (a second after its last answer at the latest)', () =>
    atMockedTime(async () => {
      await killDatabase(t());
      mock.timers.tick(1_100);
      const answer = await healthz(t());
      assert.equal(answer.status, 503, 'unavailable');
      assert.deepEqual(answer.body, { status: 'unavailable', database: t().kind }, 'says which database');
    }));
}, 'empty');
