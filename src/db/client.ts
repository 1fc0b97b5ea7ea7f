import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { byteaTypes } from './pglite-bytea.mjs';
import { assertChannel, listenPostgres, type NotificationHandlers, type StopListening } from './listen.js';
import { connectPgliteLink, startPgliteThread, type PgliteClient } from './pglite-thread.js';
import type { MessagePort, Transferable } from 'node:worker_threads';
/**
 * A database or a transaction: every query helper takes this, so it can run inside a command's
 * transaction. Queries name their tables (from the modules' `schema.ts`); drizzle's relational
 * `db.query` API, the only thing that needs the schema handed over, is not used, so the database
 * layer knows no module.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  close(): Promise<void>;
  /**
   * LISTEN on a channel (PostgreSQL: a connection of its own that reconnects; PGlite: in
   * process). A NOTIFY sent inside a transaction arrives when it commits, never on rollback.
   * `close()` stops every listener.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<StopListening>;
  /**
   * PostgreSQL only: waits for a session advisory lock on a connection of its own (several
   * instances starting at once migrate one after the other); the function releases it.
   */
  advisoryLock?: (key: number) => Promise<() => Promise<void>>;
  /**
   * PGlite: this process is the database's only writer (the data-directory lock) and a
   * transaction holds its only connection, so no query runs beside one. Then what this process
   * noted about its own writes says what changed (platform/public-changes.ts), without a query.
   */
  soleWriter?: true;
  /**
   * PGlite only: how many statements that may write this process has sent (every transaction,
   * `exec` and statement other than a plain `select`). What a read found while the count stood
   * still is what the database holds until it moves: read the count before the query.
   */
  writes?: () => number;
  /** The PGlite client (its own thread, or in process when asked for), for tests and benches (its memory, closing it); undefined on PostgreSQL. */
  pglite?: PgliteClient;
  /**
   * PGlite only: when the transaction that holds its one connection began (Date.now()), null when
   * none runs. Every other query waits for it; /healthz uses this not to report a working
   * database (say, during a large import) as hanging.
   */
  transactionSince?: () => number | null;
  /**
   * When the database last answered (Date.now()): PGlite in its thread, any answer of the thread;
   * PostgreSQL, a query of this pool that succeeded (0 before the first). /healthz needs no round
   * trip of its own just after one, and a long transaction that keeps getting answers is working,
   * not stuck. Not for PGlite in process.
   */
  lastAnswerAt?: () => number;
  /**
   * PGlite with a data directory only: closes the database and opens it again in a new thread,
   * keeping the data-directory lock (no other process can step in between). The old `Database`
   * is closed; use the one returned. See main.ts: after a first start's seed.
   */
  reopen?: () => Promise<Database>;
  /** PGlite only: `begun` resolves when the next transaction begins (a query queued just before it waits for all of it); `stop` when no longer needed. */
  nextTransaction?: () => { begun: Promise<void>; stop: () => void };
  /**
   * The database for another thread of this process (the task thread, platform/threads/with-database.ts):
   * what it needs to connect (`openLinkedDatabase`) and what to transfer with it. Until `done()`
   * this process counts the other thread's work as a transaction of its own (writes, /healthz).
   * Not for PGlite in process.
   */
  handOff?: () => Promise<DatabaseHandOff>;
}

/** How another thread reaches the database: PGlite through a port to its thread, PostgreSQL by its URL. */
export type DatabaseLink = { kind: 'pglite'; port: MessagePort } | { kind: 'postgres'; url: string };

export interface DatabaseHandOff {
  link: DatabaseLink;
  transfer: Transferable[];
  done(): void;
}

/** The Database a `Db` belongs to (not a transaction's): commands get a Db, some work needs the whole. */
const databases = new WeakMap<Db, Database>();
export const databaseOf = (db: Db): Database | undefined => databases.get(db);
const registered = (database: Database) => (databases.set(database.db, database), database);

/**
 * Another thread's connection to the database of a `DatabaseLink`: a drizzle `Db` like the
 * request thread's (transactions included), closed by `close()`. PostgreSQL: one connection of
 * its own; PGlite: the port to its thread.
 */
export async function openLinkedDatabase(link: DatabaseLink): Promise<{ db: Db; close(): Promise<void> }> {
  if (link.kind === 'postgres') {
    const client = new pg.Client({ connectionString: link.url });
    await client.connect();
    return { db: drizzlePg({ client, casing: 'snake_case' }) as unknown as Db, close: () => client.end() };
  }
  const [client, { drizzle: drizzlePglite }] = await Promise.all([connectPgliteLink(link.port), import('drizzle-orm/pglite')]);
  return { db: drizzlePglite({ client: client as never, casing: 'snake_case' }) as unknown as Db, close: () => client.close() };
}

/**
 * Wraps `db.transaction` to know since when a transaction holds the database (see transactionSince);
 * `hold` counts another thread's work the same way until its release.
 */
function trackTransactions(db: Db): Pick<Database, 'transactionSince' | 'nextTransaction'> & { hold(): () => void } {
  let running = 0;
  let since: number | null = null;
  const waiting = new Set<() => void>();
  const hold = () => {
    if (running++ === 0) since = Date.now();
    for (const begun of waiting) begun();
    waiting.clear();
    return () => {
      if (--running === 0) since = null;
    };
  };
  const transaction = db.transaction.bind(db);
  db.transaction = (async (work, config) => {
    const release = hold();
    try {
      return await transaction(work, config);
    } finally {
      release();
    }
  }) as Db['transaction'];
  return {
    hold,
    transactionSince: () => since,
    nextTransaction: () => {
      let begun!: () => void;
      const promise = new Promise<void>((resolve) => (begun = resolve));
      waiting.add(begun);
      return { begun: promise, stop: () => waiting.delete(begun) };
    },
  };
}

/** PGlite (~31 MB resident once loaded) is loaded only when the embedded database is used, not on PostgreSQL. */
async function pgliteInProcess(dataDir: string | undefined): Promise<PgliteClient> {
  const [{ PGlite }, { btree_gist }, { pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ]);
  const startParams = [...PGlite.defaultStartParams, ...pgliteSettings.flatMap((setting) => ['-c', setting])];
  return PGlite.create({ dataDir, extensions: { btree_gist, pg_trgm, unaccent }, startParams, ...byteaTypes });
}

/**
 * PostgreSQL settings of the embedded database. PGlite's WebAssembly heap starts at 128 MB (the
 * module's minimum) and grows to hold PostgreSQL's shared buffers, whose default of 128 MB made
 * the heap 189 MB and the server ~130 MB bigger (issue 9: an opened PGlite +239 MB resident with
 * the default, +121 MB with 32 MB). 32 MB hold the demo Kommune's tables and indexes (the whole
 * data directory is ~43 MB with its WAL); pages beyond that come from the file system's cache.
 * VACUUM (start-up and every 15 minutes, maintenance.ts) and index builds take up to
 * `maintenance_work_mem` (default 64 MB) once, and the heap never shrinks: 16 MB is plenty for a
 * Kommune's tables (measured with 8 MB: 57 MB less resident after seed, VACUUM and pages).
 */
const pgliteSettings = ['shared_buffers=32MB', 'maintenance_work_mem=16MB'];

/**
 * The embedded database under `dataDir` (created on first use), or in memory without one.
 * The parent directory (DATA_DIR) is locked before PGlite touches anything: a second process on
 * the same directory gets DataDirInUseError and must not go on. PGlite runs in a thread of its
 * own (pglite-thread.ts) unless `inProcess` (the bench compares both).
 */
export async function openPglite(dataDir: string | undefined, opts: { inProcess?: boolean } = {}): Promise<Database> {
  const lock = dataDir ? await lockDataDir(path.dirname(dataDir)) : undefined;
  try {
    return await openLockedPglite(dataDir, opts, lock);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

/**
 * The client with a count of what may have written (`Database.writes`). Conservative: a `with`
 * that only reads counts too. A transaction counts when it begins and when it ends; every other
 * query waits for it (one connection), so a read issued meanwhile sees it committed or not at all.
 */
function countingWrites(client: PgliteClient): { client: PgliteClient; writes: () => number; countLinked: () => () => void } {
  let writes = 0;
  const read = /^\s*select\s/i;
  const counted: Partial<PgliteClient> = {
    query: (text, params, options) => {
      if (!read.test(text)) writes += 1;
      return client.query(text, params, options);
    },
    exec: (text) => ((writes += 1), client.exec(text)),
    transaction: async (work) => {
      writes += 1;
      try {
        return await client.transaction(work);
      } finally {
        writes += 1;
      }
    },
  };
  // PGlite in process keeps private fields: its other members are called on PGlite itself.
  const proxy = new Proxy(client, {
    get(target, name) {
      if (name in counted) return counted[name as keyof PgliteClient];
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  // Another thread's work through a link counts like a transaction: once when it begins, once when it ends.
  const countLinked = () => ((writes += 1), () => void (writes += 1));
  return { client: proxy, writes: () => writes, countLinked };
}

async function openLockedPglite(dataDir: string | undefined, opts: { inProcess?: boolean }, lock: { release(): Promise<void> } | undefined): Promise<Database> {
  const [opened, { drizzle: drizzlePglite }] = await Promise.all([
    opts.inProcess ? pgliteInProcess(dataDir) : startPgliteThread({ dataDir, settings: pgliteSettings }),
    import('drizzle-orm/pglite'),
  ]);
  const { client, writes, countLinked } = countingWrites(opened);
  const db = drizzlePglite({ client: client as never, casing: 'snake_case' }) as unknown as Db;
  const { hold, ...tracked } = trackTransactions(db);
  return registered({
    kind: 'pglite',
    db,
    soleWriter: true,
    writes,
    close: () => client.close().finally(() => lock?.release()),
    async listen(channel, handlers) {
      assertChannel(channel);
      const unlisten = await client.listen(channel, (payload) => handlers.onMessage(payload));
      return () => (client.closed ? Promise.resolve() : unlisten());
    },
    pglite: client,
    ...(client.lastAnswerAt ? { lastAnswerAt: () => client.lastAnswerAt!() } : {}),
    ...(dataDir
      ? {
          reopen: async () => {
            await client.close();
            try {
              return await openLockedPglite(dataDir, opts, lock);
            } catch (error) {
              await lock?.release();
              throw error;
            }
          },
        }
      : {}),
    ...tracked,
    ...(client.link
      ? {
          handOff: async () => {
            const port = await client.link!();
            const [counted, held] = [countLinked(), hold()];
            return { link: { kind: 'pglite', port }, transfer: [port], done: () => (counted(), held()) };
          },
        }
      : {}),
  });
}

/**
 * A pg client that notes each query the server answered successfully (promise and callback
 * form: drizzle's transactions use the first, `pool.query` the second). A submittable without a
 * callback (cursors) is not noted.
 */
function answerNotingClient(answered: () => void): typeof pg.Client {
  return class extends pg.Client {
    // `any`: pg.Client.query has six overloads; this passes every one through.
    override query(...args: any[]): any {
      const query = super.query as (...a: unknown[]) => unknown;
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (error: unknown, result: unknown) => {
          if (!error) answered();
          callback(error, result);
        };
        return query.apply(this, args);
      }
      const result = query.apply(this, args);
      if (result instanceof Promise) result.then(answered, () => undefined);
      return result;
    }
  } as typeof pg.Client;
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  let lastAnswer = 0;
  const pool = new pg.Pool({ connectionString: url, max, Client: answerNotingClient(() => (lastAnswer = Date.now())) });
  // An idle connection the server closes (restart, admin command) emits 'error' on the pool;
  // unhandled, that would end the process. The pool replaces the connection on next use.
  pool.on('error', (err) => console.error(`PostgreSQL: Verbindung verloren (${err.message})`));
  // Fail early with the real reason (wrong URL, server down) instead of on the first page view.
  const probe = await pool.connect();
  probe.release();
  const listeners = new Set<StopListening>();
  return registered({
    kind: 'postgres',
    db: drizzlePg({ client: pool, casing: 'snake_case' }) as unknown as Db,
    lastAnswerAt: () => lastAnswer,
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
    async advisoryLock(key) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
      } catch (error) {
        await client.end();
        throw error;
      }
      return () => client.end(); // ending the session releases its locks
    },
    async listen(channel, handlers) {
      const stop = await listenPostgres(url, channel, handlers);
      const tracked = () => (listeners.delete(tracked), stop());
      listeners.add(tracked);
      return tracked;
    },
    handOff: async () => ({ link: { kind: 'postgres', url }, transfer: [], done: () => undefined }),
  });
}

export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(path.join(config.dataDir, 'pglite'));
}

/** Raw SQL for what the query builder cannot say; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Db, query: import('drizzle-orm').SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
