import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker, type MessagePort, type Transferable } from 'node:worker_threads';
import type { ParserOptions, QueryOptions, Results } from '@electric-sql/pglite';

/*
 * PGlite in a worker thread (issue 8.4). In the request thread, PostgreSQL's work in WebAssembly
 * held every other request for as long as a statement ran: during a 5,000-row import /healthz
 * and cached portal pages waited up to a second (p99 6.9× idle). Here every query is a message
 * to pglite-worker.mjs (one per query: PGlite's own worker API speaks the wire protocol, five
 * messages per query, and needs browser APIs). drizzle needs `query` and `transaction`; the rest
 * is what client.ts offers around it (LISTEN, memory, closing).
 *
 * The worker starts without the process's `--import` flags (`execArgv: []`): it is plain
 * JavaScript and needs neither the TypeScript loader nor what the test harness loads.
 */

/** A transaction of the PGlite thread: what drizzle's PGlite session calls. */
export interface PgliteTransaction {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(text: string): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

export interface PgliteClient extends Omit<PgliteTransaction, 'rollback'> {
  transaction<T>(work: (tx: PgliteTransaction) => Promise<T>): Promise<T>;
  /** LISTEN; the function returned stops listening. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /** PostgreSQL's WebAssembly memory (null if PGlite does not say) and the thread's JavaScript heap, in bytes. Not in process. */
  memory?(): Promise<{ wasmBytes: number | null; heapUsedBytes: number }>;
  /** When the thread last answered (Date.now()): it lives and gets on with its work (see /healthz). Not in process. */
  lastAnswerAt?(): number;
  /** A port to the PGlite thread for another thread of this process (connectPgliteLink). Not in process. */
  link?(): Promise<MessagePort>;
  close(): Promise<void>;
}

interface PlainError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

const errorFrom = (plain: PlainError) => Object.assign(new Error(plain.message), plain.fields, { name: plain.name, stack: plain.stack });

/**
 * Only parsers that keep a type's text can cross to the thread (functions cannot): drizzle's are
 * all `(value) => value`, for dates, timestamps and intervals. Checked once per parsers object.
 */
const keptTypes = new WeakMap<ParserOptions, number[]>();
function keepText(parsers: ParserOptions | undefined): number[] | undefined {
  if (!parsers) return undefined;
  let types = keptTypes.get(parsers);
  if (!types) {
    const probe = '2026-01-31 12:00:00+00';
    types = Object.entries(parsers).map(([type, parse]) => {
      if (parse(probe, Number(type)) !== probe) throw new Error(`PGlite thread: only parsers that return the text unchanged are supported (type ${type})`);
      return Number(type);
    });
    keptTypes.set(parsers, types);
  }
  return types;
}

function queryMessage(text: string, params: unknown[] | undefined, options: QueryOptions | undefined) {
  if (options?.serializers || options?.blob || options?.onNotice) throw new Error('PGlite thread: serializers, blob and onNotice are not supported');
  return { op: 'query', text, params, rowMode: options?.rowMode, keepText: keepText(options?.parsers) };
}

type ThreadOptions = { dataDir?: string; settings: string[] };

/**
 * Starts the thread and opens the database (`dataDir`, or in memory without one) with PostgreSQL `settings`.
 *
 * A new data directory is made by initdb, and the thread that ran it keeps ~450 MB more resident
 * for good (a fresh directory: 686 MB; closed, collected and opened again in the same thread:
 * 442 MB; a thread of its own on the same directory: 181 MB). So a new directory is created by a
 * thread that ends at once, and the database runs in a second one (issue 9: ≤ 400 MB resident).
 */
export async function startPgliteThread(opts: ThreadOptions): Promise<PgliteClient> {
  if (opts.dataDir && !fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'))) await (await startThread(opts)).close();
  return startThread(opts);
}

/**
 * PostgreSQL's WebAssembly (pglite.wasm, 9 MB), compiled once per process and handed to every
 * PGlite thread: a thread that compiled it itself spent ~0.6 s of CPU on it (V8's compiler
 * threads, session 10), and every test file opens one or more PGlite databases. The threads share
 * the compiled code, including what V8 optimised while an earlier one ran.
 */
let wasmModule: Promise<WebAssembly.Module> | undefined;
const pgliteWasm = () =>
  (wasmModule ??= fs.promises.readFile(new URL(import.meta.resolve('@electric-sql/pglite/pglite.wasm'))).then((bytes) => WebAssembly.compile(bytes)));

async function startThread(opts: ThreadOptions): Promise<PgliteClient> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: opts.dataDir, settings: opts.settings, wasmModule: await pgliteWasm() },
    execArgv: [],
  });
  const client = clientOver(worker);
  worker.on('error', (error: Error) => client.fail(Object.assign(new Error(`PGlite thread failed: ${error.message}`), { cause: error })));
  worker.on('exit', (code) => client.fail(new Error(`PGlite thread ended (exit code ${code})`)));
  try {
    await client.started;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return client.api({
    async link() {
      const { port1, port2 } = new MessageChannel();
      await client.call({ op: 'attach', port: port1 }, [port1]);
      return port2;
    },
    async close() {
      await client.call({ op: 'close' });
      await worker.terminate();
    },
  });
}

/**
 * The database for another thread of this process (the task thread, threads/with-database.ts),
 * over a port `PgliteClient.link` gave: its queries and transactions go to the PGlite thread
 * without passing through the request thread. Closing it closes only the port; a transaction
 * still open from it is rolled back by the PGlite thread.
 */
export async function connectPgliteLink(port: MessagePort): Promise<PgliteClient> {
  const client = clientOver(port);
  port.on('close', () => client.fail(new Error('PGlite link closed')));
  port.postMessage({ op: 'hello' });
  await client.started;
  return client.api({
    link: () => Promise.reject(new Error('PGlite link: links are made by the request thread')),
    async close() {
      port.close();
      client.fail(new Error('PGlite link closed'));
    },
  });
}

/** What both ends of the thread speak: Worker and MessagePort have this much in common. */
interface Endpoint {
  postMessage(message: unknown, transfer?: readonly Transferable[]): void;
  on(event: string, listener: (message: any) => void): unknown;
  ref(): void;
  unref(): void;
}

/** The protocol of pglite-worker.mjs over an endpoint: calls with ids, answers, notifications. */
function clientOver(endpoint: Endpoint) {
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Map<number, (payload: string) => void>();
  let ids = 0;
  let closed = false;
  let gone: Error | undefined;
  let lastAnswer = Date.now();
  let ready!: { resolve(): void; reject(error: Error): void };
  const started = new Promise<void>((resolve, reject) => (ready = { resolve, reject }));

  // The thread keeps the process alive only while an answer is awaited, as PGlite in process did not at all.
  endpoint.unref();
  const settle = (id: number) => {
    const call = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) endpoint.unref();
    return call;
  };
  endpoint.on('message', (m: { id?: number; op?: string; result?: unknown; error?: PlainError; listener?: number; payload?: string }) => {
    // Any message says the thread works, also `alive` (it answers another thread's queries, see the worker).
    lastAnswer = Date.now();
    if (m.id !== undefined) {
      const call = settle(m.id);
      if (m.error) call?.reject(errorFrom(m.error));
      else call?.resolve(m.result);
    } else if (m.op === 'notification') listeners.get(m.listener!)?.(m.payload!);
    else if (m.op === 'ready') ready.resolve();
    else if (m.op === 'failed') ready.reject(errorFrom(m.error!));
  });
  const fail = (error: Error) => {
    gone ??= error;
    closed = true;
    ready.reject(error);
    for (const id of [...pending.keys()]) settle(id)?.reject(error);
  };
  started.catch(() => undefined); // reported to whoever awaits `started`

  const call = <T>(message: Record<string, unknown>, transfer?: readonly Transferable[]): Promise<T> => {
    if (gone) return Promise.reject(gone);
    const id = ++ids;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (pending.size === 1) endpoint.ref();
      endpoint.postMessage({ ...message, id }, transfer);
    });
  };

  let transactions = 0;
  const api = (own: Pick<PgliteClient, 'link' | 'close'>): PgliteClient => ({
    get closed() {
      return closed;
    },
    query: async (text, params, options) => call(queryMessage(text, params, options)),
    exec: async (text) => call({ op: 'exec', text }),
    async transaction(work) {
      const tx = ++transactions;
      await call({ op: 'begin', tx });
      let ended = false;
      const open = () => {
        if (ended) throw new Error('Transaction is closed');
      };
      const handle: PgliteTransaction = {
        query: async (text, params, options) => (open(), call({ ...queryMessage(text, params, options), tx })),
        exec: async (text) => (open(), call({ op: 'exec', text, tx })),
        rollback: async () => (open(), await call({ op: 'rollback', tx }), void (ended = true)),
        get closed() {
          return ended;
        },
      };
      let result;
      try {
        result = await work(handle);
      } catch (error) {
        ended = true;
        await call({ op: 'end', tx, commit: false }).catch(() => undefined); // the work's error is the one to report
        throw error;
      }
      ended = true;
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    async listen(channel, onMessage) {
      const listener = ++ids;
      listeners.set(listener, onMessage);
      try {
        await call({ op: 'listen', channel, listener });
      } catch (error) {
        listeners.delete(listener);
        throw error;
      }
      return async () => {
        if (!listeners.delete(listener) || closed) return;
        await call({ op: 'unlisten', listener });
      };
    },
    lastAnswerAt: () => lastAnswer,
    memory: () => call({ op: 'memory' }),
    link: own.link,
    async close() {
      if (closed) return;
      await own.close();
      closed = true;
    },
  });
  return { started, call, fail, api };
}
