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

/** How long one slice of a bulk write should hold the thread, and its least and most rows (see inBatches). */
export const slices = { budgetMs: 40, min: 25, max: 500 };

/**
 * Runs `work` on consecutive slices of `items`, with a turn for other requests after each.
 * Each slice is sized to take about `budgetMs`, learned from the slices before: on PGlite every
 * statement runs on this thread and holds it (200 new measures in one INSERT took ~0.5 s), so
 * fixed large batches would hold health checks and cached pages for as long. Never fewer than
 * `min` rows: each statement has a fixed cost (~2–5 ms on PGlite), and slices of one or two rows
 * made a 5,000-row import three to ten times slower without answering other requests sooner.
 */
export async function inBatches<T>(items: readonly T[], work: (batch: T[]) => Promise<void>, opts: { budgetMs?: number; min?: number; max?: number; now?: () => number } = {}): Promise<void> {
  const budgetMs = opts.budgetMs ?? slices.budgetMs;
  const min = opts.min ?? slices.min;
  const max = opts.max ?? slices.max;
  const now = opts.now ?? (() => performance.now());
  let size = min;
  for (let i = 0; i < items.length; ) {
    if (i > 0) await nextTurn();
    const batch = items.slice(i, i + size);
    const started = now();
    await work(batch);
    const ms = now() - started;
    i += batch.length;
    // Halfway to the size the budget allows at the pace just seen: a slow slice shrinks the next one, a fast one grows it.
    const fits = (batch.length * budgetMs) / Math.max(ms, 0.5);
    size = Math.max(min, Math.min(max, Math.round((size + fits) / 2)));
  }
}
