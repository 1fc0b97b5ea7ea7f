import { isMainThread } from 'node:worker_threads';
import { databaseOf, openLinkedDatabase, type DatabaseLink, type Db } from '../../db/client.js';
import { changesNotedDuring, noteChangesOf, noteEverythingChanged } from '../public-changes.js';
import { offThread } from './task-thread.js';

/*
 * Database work off the request thread (issue 8.4): confirming a 5,000-row import held the thread
 * that answers every other request for its statements, its audit entries, the database driver's
 * work and the garbage of all of it (bench/import-stalls.ts: GC alone 200–450 ms). Here the whole
 * command, its transaction included, runs in the task thread on a connection of its own: on
 * PostgreSQL a client of its own, on PGlite a port straight to PGlite's thread. The request thread
 * only waits for the answer.
 */

type WithDb<A extends unknown[], T> = (db: Db, ...args: A) => Promise<T>;

/**
 * Calls `fn`, exported under its own name by `module` (pass `import.meta.url`), as
 * `fn(db, ...args)` in the task thread (the module is imported there again), with a `Db` of the same database as `db`. Where `db` cannot be handed off (a transaction,
 * PGlite in process, already in the task thread) it runs here with `db` itself. Arguments and
 * result are cloned as with offThread.
 *
 * Kept pages and data of this process learn what the work changed: the Kommunen it noted as
 * changed (recordAudit), or, if it failed, all of them.
 */
export async function offThreadWithDb<A extends unknown[], T>(db: Db, module: string, fn: WithDb<A, T>, args: A): Promise<T> {
  const database = isMainThread ? databaseOf(db) : undefined;
  if (!database?.handOff) return fn(db, ...args);
  const name = fn.name;
  const handOff = await database.handOff();
  try {
    const { result, tenantIds } = await offThread<{ result: T; tenantIds: string[] }>(import.meta.url, 'runWithLinkedDb', [handOff.link, module, name, args], handOff.transfer);
    noteChangesOf(tenantIds);
    return result;
  } catch (error) {
    noteEverythingChanged();
    throw error;
  } finally {
    handOff.done();
  }
}

/** The task thread's half of offThreadWithDb. */
export async function runWithLinkedDb(link: DatabaseLink, module: string, name: string, args: unknown[]) {
  const linked = await openLinkedDatabase(link);
  try {
    const fn = ((await import(module)) as Record<string, WithDb<unknown[], unknown>>)[name]!;
    return await changesNotedDuring(() => fn(linked.db, ...args));
  } finally {
    await linked.close();
  }
}
