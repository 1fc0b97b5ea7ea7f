// The task thread (task-thread.ts): runs an exported function of a module for the request thread
// and posts its result back. Plain JavaScript, so that it starts the same compiled and under tsx;
// under tsx it registers tsx's loader itself (tsx's `--import` flag does nothing in a worker).
// Errors keep what the request thread needs: an AppError (duck-typed: this file imports no
// TypeScript) its code, message key and options (an import's problems); anything else its
// message, stack, name and own plain fields (a database error's code and constraint).
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

// Below the request thread's priority: on a machine with few cores the scheduler then runs the
// thread that answers requests first when both want a core. Linux takes a thread's id for it;
// /proc/thread-self names this thread. Elsewhere (or where not allowed) the thread keeps its priority.
try {
  os.setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {}

if (workerData?.typescript) (await import('tsx/esm/api')).register();

// A database error's own fields (PostgreSQL's code, constraint, table, detail …) and its cause (drizzle
// wraps the driver's error): the request thread decides by them, as it would had the error happened
// there. Only plain values cross.
const plainFields = (e) =>
  e && typeof e === 'object' ? Object.fromEntries(Object.entries(e).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) : {};
const plainError = (e, depth = 0) => ({
  message: e instanceof Error ? e.message : String(e),
  stack: e instanceof Error ? e.stack : undefined,
  name: e instanceof Error ? e.name : undefined,
  fields: plainFields(e),
  cause: e instanceof Error && e.cause !== undefined && e.cause !== e && depth < 3 ? plainError(e.cause, depth + 1) : undefined,
});

const isAppError = (e) => e instanceof Error && typeof e.code === 'string' && typeof e.messageKey === 'string' && typeof e.options === 'object';

parentPort.on('message', async ({ id, module, name, args, setup }) => {
  try {
    if (setup) await import(setup); // once: the loader keeps it
    const fn = (await import(module))[name];
    if (typeof fn !== 'function') throw new Error(`task thread: ${module} exports no function ${name}`);
    parentPort.postMessage({ id, result: await fn(...args) });
  } catch (e) {
    const error = isAppError(e)
      ? { app: { code: e.code, messageKey: e.messageKey, options: e.options } }
      : plainError(e);
    parentPort.postMessage({ id, error });
  }
});
