import assert from 'node:assert/strict';
import { after, before, describe, mock, test } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/support/harness.js';

/** Resolves after `n` turns of the event loop: long enough for a request that does not wait on the database. */
async function turns(n: number): Promise<'still waiting'> {
  for (let i = 0; i < n; i++) await nextTurn();
  return 'still waiting';
}

// PGlite only: PostgreSQL answers from another pooled connection anyway.
describe('/healthz während eines langen Imports (Issue 8.4)', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp('pglite', 'empty');
  });
  after(async () => {
    await app?.close();
  });
  const t = () => app;

  test('answers while a transaction holds the database (PGlite: its only connection)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const transaction = t().db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      entered();
      await held;
    });
    await inside;
    const answer = await Promise.race([t().app.request('/healthz'), turns(2000)]);
    release();
    await transaction;
    assert.notEqual(answer, 'still waiting', '/healthz did not wait for the transaction');
    if (answer === 'still waiting') return;
    assert.equal(answer.status, 200, 'healthy');
    const after = await t().app.request('/healthz');
    assert.deepEqual(await after.json(), { status: 'ok', database: 'pglite' }, 'not busy once the transaction ended');
  });

  test('answers when a transaction begins while its own query waits for its turn', async () => {
    // The database's last answer a second ago: /healthz asks it (see healthz-truth.test.ts).
    mock.timers.enable({ apis: ['Date'], now: Date.now() + 1_100 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    try {
      const asked = t().app.request('/healthz');
      // Begins before /healthz reaches the database: its `select 1` queues behind the transaction.
      const transaction = t().db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await held;
      });
      const answer = await Promise.race([asked, turns(2000)]);
      release();
      await transaction;
      assert.notEqual(answer, 'still waiting', '/healthz did not wait for the transaction that began after it');
      if (answer !== 'still waiting') assert.deepEqual(await answer.json(), { status: 'ok', database: 'pglite', busy: true }, 'healthy and busy');
    } finally {
      release();
      mock.timers.reset();
    }
  });

  test('a transaction that runs for minutes but keeps getting answers is busy, not stuck', async () => {
    // On a loaded machine a 5,000-row import holds the transaction for over a minute; /healthz
    // then queried and waited for its end (p99 2.4× idle in the bench). Time moves on by mock.
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let progressed!: () => void;
    const working = new Promise<void>((resolve) => (progressed = resolve));
    try {
      const transaction = t().db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        mock.timers.tick(61_000);
        await tx.execute(sql`select 2`); // the import's next statement, a minute after it began
        progressed();
        await held;
      });
      await working;
      const answer = await Promise.race([t().app.request('/healthz'), turns(2000)]);
      release();
      await transaction;
      assert.notEqual(answer, 'still waiting', '/healthz waited for a transaction that is getting on with its work');
      if (answer !== 'still waiting') assert.deepEqual(await answer.json(), { status: 'ok', database: 'pglite', busy: true });
    } finally {
      release();
      mock.timers.reset();
    }
  });

  test('a transaction during which the database answered nothing for a minute makes /healthz ask the database', async () => {
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    try {
      const transaction = t().db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        entered();
        await held; // stuck: no statement for a minute
      });
      await inside;
      mock.timers.tick(61_000);
      const asked = t().app.request('/healthz');
      const answer = await Promise.race([asked, turns(2000)]);
      assert.equal(answer, 'still waiting', 'a silent transaction is not reported as healthy');
      release();
      await transaction;
      assert.deepEqual(await (await asked).json(), { status: 'ok', database: 'pglite' }, 'answered once the transaction ended');
    } finally {
      release();
      mock.timers.reset();
    }
  });
});
