import { offThread } from './task-thread.js';

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
