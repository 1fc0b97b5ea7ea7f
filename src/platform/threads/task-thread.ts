import { isMainThread, Worker, type Transferable } from 'node:worker_threads';
import { AppError } from '../errors.js';

/*
 * CPU-heavy work off the request thread (issue 8.4): reading and checking a 5,000-row import
 * held the thread that answers every other request for ~0.7 s of CPU in all, in stretches of up
 * to 370 ms (bench/import-stalls.ts). `offThread` runs an exported function of a module in one
 * worker thread, started on first use and ended after a minute without work; arguments and the
 * result are structured-cloned (plain data: no functions, no class instances but Error and Date).
 *
 * The worker (task-worker.mjs) starts without the process's `--import` flags (the test harness's
 * would load every module again in it). Compiled (dist/, the tests' build) the modules it runs
 * are JavaScript; under tsx (this file is .ts) it registers tsx's loader for them.
 */

const idleMs = 60_000;
const compiled = import.meta.url.endsWith('.js');

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** An error other than an AppError as the task thread sends it (task-worker.mjs). */
interface PlainError {
  message: string;
  stack?: string;
  name?: string;
  fields: Record<string, unknown>;
  cause?: PlainError;
}

const errorFrom = (plain: PlainError): Error =>
  Object.assign(new Error(plain.message, plain.cause ? { cause: errorFrom(plain.cause) } : {}), plain.fields, { stack: plain.stack, ...(plain.name ? { name: plain.name } : {}) });

interface Answer {
  id: number;
  result?: unknown;
  error?: { app?: { code: AppError['code']; messageKey: string; options: AppError['options'] } } & Partial<PlainError>;
}

/** A module the thread imports before its tasks (the application's composition: modules' catalogs and registries). */
let setup: string | undefined;

/** Called where the application is composed (src/app.ts); the thread imports `moduleUrl` once, before the first task it runs. */
export function setUpTaskThreadWith(moduleUrl: string): void {
  setup = moduleUrl;
}

let thread: { worker: Worker; pending: Map<number, Pending>; idle?: NodeJS.Timeout } | undefined;
let ids = 0;

function start() {
  const worker = new Worker(new URL('./task-worker.mjs', import.meta.url), { execArgv: [], workerData: { typescript: !compiled } });
  const pending = new Map<number, Pending>();
  const t = { worker, pending, idle: undefined as NodeJS.Timeout | undefined };
  worker.on('message', ({ id, result, error }: Answer) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (!error) p.resolve(result);
    else if (error.app) p.reject(new AppError(error.app.code, error.app.messageKey, error.app.options));
    else p.reject(errorFrom({ message: '', fields: {}, ...error }));
    settle(t);
  });
  const fail = (error: Error) => {
    if (thread === t) thread = undefined;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`task thread exited (${code})`)));
  return t;
}

/** Without calls waiting, the thread does not keep the process alive, and it ends after a while. */
function settle(t: NonNullable<typeof thread>) {
  if (t.pending.size > 0) return;
  t.worker.unref();
  clearTimeout(t.idle);
  t.idle = setTimeout(() => {
    if (thread === t && t.pending.size === 0) {
      thread = undefined;
      void t.worker.terminate();
    }
  }, idleMs).unref();
}

/** Calls sent to the task thread and not answered yet (tests wait on it). */
export const waitingTasks = () => thread?.pending.size ?? 0;

/**
 * Calls `name` exported by the module at `module` in the task thread. Pass the calling module's
 * own `import.meta.url` (a `.js` URL written for a `.ts` source would not resolve under tsx: it
 * maps `.js` to `.ts` only for imports written in TypeScript). `transfer`: what moves instead of
 * being copied (a MessagePort must).
 */
export async function offThread<T>(module: string, name: string, args: unknown[], transfer: readonly Transferable[] = []): Promise<T> {
  // Already off the request thread (a task calling a function that hands its work off): run it here.
  if (!isMainThread) return ((await import(module)) as Record<string, (...a: unknown[]) => Promise<T>>)[name]!(...args);
  thread ??= start();
  const t = thread;
  clearTimeout(t.idle);
  t.worker.ref();
  const id = ++ids;
  return new Promise<T>((resolve, reject) => {
    t.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    t.worker.postMessage({ id, module, name, args, setup }, transfer);
  });
}
