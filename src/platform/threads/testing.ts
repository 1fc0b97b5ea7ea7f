import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { offThread } from './task-thread.js';
import { offThreadWithDb } from './with-database.js';

/**
 * Tests' hold on the task thread: it blocks in a call until `release`, so that calls sent after
 * it wait their turn (and a test can look at what the request thread does meanwhile). Resolves
 * once the thread is blocked.
 */
export async function holdTaskThread() {
  const flags = new Int32Array(new SharedArrayBuffer(8));
  const done = offThread<string>(import.meta.url, 'blockUntilReleased', [flags]);
  while (Atomics.load(flags, 1) === 0) await new Promise((resolve) => setImmediate(resolve));
  return {
    release() {
      Atomics.store(flags, 0, 1);
      Atomics.notify(flags, 0);
      return done;
    },
  };
}

/** Runs in the task thread: says it is blocked (flags[1]), then sleeps until flags[0] is set. */
export function blockUntilReleased(flags: Int32Array) {
  Atomics.store(flags, 1, 1);
  Atomics.wait(flags, 0, 0);
  return 'released';
}

/**
 * Tests' hold on a transaction run by the task thread (as an import's is, offThreadWithDb): it
 * has begun and queried, and the thread sleeps inside it until `release`. On PGlite every other
 * query waits for it, as for an import's.
 */
export async function holdTransactionInTaskThread(db: Db) {
  const flags = new Int32Array(new SharedArrayBuffer(8));
  const done = offThreadWithDb(db, import.meta.url, sleepInTransaction, [flags]);
  let failed: unknown;
  done.catch((error: unknown) => (failed = error ?? new Error('failed')));
  while (Atomics.load(flags, 1) === 0) {
    if (failed) throw failed;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return {
    release() {
      Atomics.store(flags, 0, 1);
      Atomics.notify(flags, 0);
      return done;
    },
  };
}

/** Runs in the task thread: begins a transaction, queries, says so (flags[1]) and sleeps until flags[0] is set. */
export function sleepInTransaction(db: Db, flags: Int32Array) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select 1`);
    Atomics.store(flags, 1, 1);
    Atomics.wait(flags, 0, 0);
    return 'released';
  });
}

/** Tests' database error in the task thread: `select 1/0` on a connection of its own (PostgreSQL's code 22012). */
export function failWithDatabaseError(db: Db) {
  return offThreadWithDb(db, import.meta.url, divideByZero, []);
}

export async function divideByZero(db: Db) {
  await db.execute(sql`select 1/0`);
}
