// @ts-check
// The embedded database's thread (issue 8.4): PGlite runs here, so PostgreSQL's work in
// WebAssembly never holds the thread that answers requests. pglite-thread.ts is the other end:
// each message names an operation and its id, the answer carries the id back.
// Plain JavaScript on purpose: a worker inherits the process's --import flags, and the TypeScript
// loader plus the test harness's module set would load into every worker (see pglite-thread.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { byteaBuffers, byteaTypes } from './pglite-bytea.mjs';
import { preparedStatements } from './pglite-statements.mjs';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
/** @type {{ dataDir?: string, settings: string[], wasmModule?: WebAssembly.Module }} */
const options = workerData;

/** Properties of an error that survive a message (PGlite's DatabaseError: code, detail, constraint, …). */
function plainError(/** @type {unknown} */ error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  /** @type {Record<string, string | number | boolean>} */
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

let db;
try {
  db = await PGlite.create({
    dataDir: options.dataDir,
    // Compiled once by the process (pglite-thread.ts), not again by every thread.
    pgliteWasmModule: options.wasmModule,
    extensions: { btree_gist, pg_trgm, unaccent },
    ...byteaTypes,
    startParams: [...PGlite.defaultStartParams, ...options.settings.flatMap((setting) => ['-c', setting])],
  });
} catch (error) {
  port.postMessage({ op: 'failed', error: plainError(error) });
  port.close();
}

if (db) {
  const pglite = db;
  const statements = preparedStatements(pglite);
  /** Parsers that keep a type's text as it is (drizzle's for dates, timestamps, intervals), by their type ids. */
  const keepText = new Map();
  const parsersFor = (/** @type {number[] | undefined} */ types) => {
    if (!types?.length) return undefined;
    const key = types.join(',');
    if (!keepText.has(key)) keepText.set(key, Object.fromEntries(types.map((type) => [type, (/** @type {string} */ value) => value])));
    return keepText.get(key);
  };
  /** Open transactions by id: the PGlite transaction and how to end it. */
  const transactions = new Map();
  /** Stops listening, by listener id. */
  const listeners = new Map();
  class Rollback extends Error {}

  const target = (/** @type {string | undefined} */ tx) => {
    if (tx === undefined) return pglite;
    const open = transactions.get(tx);
    if (!open) throw new Error('Transaction is closed');
    return open.tx;
  };
  /** A result without what cannot cross threads (a COPY's blob). */
  const plainResult = (/** @type {any} */ result) => ({ rows: result.rows, fields: result.fields, affectedRows: result.affectedRows, command: result.command, rowCount: result.rowCount });

  /** BEGIN; answers once inside. The transaction ends with an `end` message (COMMIT or ROLLBACK). */
  function begin(/** @type {string} */ id) {
    return new Promise((entered, failed) => {
      let end;
      const ended = new Promise((resolve, reject) => (end = (/** @type {boolean} */ commit) => (commit ? resolve(undefined) : reject(new Rollback()))));
      const done = pglite.transaction(async (tx) => {
        transactions.set(id, { tx, end, done });
        entered(undefined);
        await ended;
      });
      done.catch(failed); // BEGIN itself failed; after it, `end` reports how the transaction ended
    });
  }

  async function end(/** @type {string} */ id, /** @type {boolean} */ commit) {
    const open = transactions.get(id);
    transactions.delete(id);
    if (!open) throw new Error('Transaction is closed');
    open.end(commit);
    try {
      await open.done;
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
  }

  const operations = {
    query: (/** @type {any} */ m) => statements.query(m.text, m.params, { rowMode: m.rowMode, parsers: parsersFor(m.keepText) }, m.tx === undefined ? undefined : target(m.tx)).then(plainResult),
    exec: (/** @type {any} */ m) => statements.exec(m.text, m.tx === undefined ? undefined : target(m.tx)).then((results) => results.map(plainResult)),
    begin: (/** @type {any} */ m) => begin(m.tx),
    end: (/** @type {any} */ m) => end(m.tx, m.commit),
    rollback: (/** @type {any} */ m) => target(m.tx).rollback(),
    listen: async (/** @type {any} */ m) => {
      listeners.set(m.listener, await pglite.listen(m.channel, (payload) => port.postMessage({ op: 'notification', listener: m.listener, payload })));
    },
    unlisten: async (/** @type {any} */ m) => {
      const stop = listeners.get(m.listener);
      listeners.delete(m.listener);
      if (stop && !pglite.closed) await stop();
    },
    /** What the thread holds: PostgreSQL's WebAssembly memory (it only grows) and this thread's JavaScript heap. */
    memory: () => ({ wasmBytes: /** @type {any} */ (pglite).mod?.wasmMemory?.buffer.byteLength ?? null, heapUsedBytes: process.memoryUsage().heapUsed }),
    close: () => pglite.close(),
  };

  /** What another thread may do over its link: queries and transactions, not listening, linking or closing the database. */
  const linkedOperations = new Set(['query', 'exec', 'begin', 'end', 'rollback']);
  /** The request thread hears from this thread at least this often while another thread's queries are answered (its /healthz). */
  const aliveEveryMs = 250;
  let aliveAt = 0;

  /** Serves one port: the request thread's, or one `attach`ed for another thread (pglite-thread.ts, connectPgliteLink). */
  let endpoints = 0;
  const serve = (/** @type {import('node:worker_threads').MessagePort} */ endpoint) => {
    // Each end numbers its own transactions: here they are told apart by their port.
    const prefix = `${++endpoints}:`;
    /** Transactions begun through this port: when it closes (its thread ended or failed) the open ones are rolled back. */
    const begun = new Set();
    endpoint.on('message', async (/** @type {any} */ m) => {
      if (m.op === 'hello') return endpoint.postMessage({ op: 'ready' });
      if (m.tx !== undefined) m.tx = prefix + m.tx;
      try {
        if (endpoint !== port && !linkedOperations.has(m.op)) throw new Error(`PGlite link: ${m.op} only from the request thread`);
        if (m.op === 'begin') begun.add(m.tx);
        const result = m.op === 'attach' ? serve(m.port) : await operations[/** @type {keyof typeof operations} */ (m.op)](m);
        if (m.op === 'end') begun.delete(m.tx);
        endpoint.postMessage({ id: m.id, result }, byteaBuffers(result));
      } catch (error) {
        if (m.op === 'begin' || m.op === 'end') begun.delete(m.tx);
        endpoint.postMessage({ id: m.id, error: plainError(error) });
      }
      if (endpoint !== port && Date.now() - aliveAt > aliveEveryMs) {
        aliveAt = Date.now();
        port.postMessage({ op: 'alive' });
      }
    });
    endpoint.on('close', () => {
      for (const tx of begun) end(tx, false).catch(() => undefined);
    });
    return undefined;
  };
  serve(port);
  port.postMessage({ op: 'ready' });
}
