import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Lets other requests run every `every` items of a long loop: checking or applying an import of
 * thousands of rows must not hold the event loop (health checks, cached pages, the API) for
 * seconds. Returns nothing to wait for in between, so the loop stays fast.
 */
export function breathe(index: number, every = 100): Promise<void> | undefined {
  return index > 0 && index % every === 0 ? nextTurn() : undefined;
}
