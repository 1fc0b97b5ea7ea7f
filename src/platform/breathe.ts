import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Lets other requests run every `every` items of a long loop: checking or applying an import of
 * thousands of rows must not hold the event loop (health checks, cached pages, the API) for
 * seconds. Returns nothing to wait for in between, so the loop stays fast.
 */
export function breathe(index: number, every = 100): Promise<void> | undefined {
  return index > 0 && index % every === 0 ? nextTurn() : undefined;
}

/**
 * The same by time instead of by count: the returned function gives other requests a turn once
 * `budgetMs` have passed since the last one, whatever a row costs. On PGlite every query runs
 * on this thread too, so writes go in batches small enough to stay near the budget.
 */
export function breather(budgetMs = 10): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return undefined;
    return nextTurn().then(() => void (since = performance.now()));
  };
}

/** Runs `work` on consecutive slices of `items` (at most `size` each), with a turn for other requests in between. */
export async function inBatches<T>(items: readonly T[], size: number, work: (batch: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await nextTurn();
    await work(items.slice(i, i + size));
  }
}
