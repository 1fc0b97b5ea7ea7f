import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inBatches } from './breathe.js';

test('inBatches: every item once and in order, slices within their bounds, other work runs between slices', async () => {
  const items = Array.from({ length: 1000 }, (_, i) => i);
  const seen: number[] = [];
  const sizes: number[] = [];
  let between = 0;
  let turns = 0;
  const ticker = setInterval(() => turns++, 0);
  try {
    await inBatches(
      items,
      async (batch) => {
        sizes.push(batch.length);
        seen.push(...batch);
        between += turns > 0 ? 1 : 0;
        turns = 0;
        const until = performance.now() + batch.length * 0.2;
        while (performance.now() < until);
      },
      { budgetMs: 5, min: 10, max: 100 },
    );
  } finally {
    clearInterval(ticker);
  }
  assert.deepEqual(seen, items, 'every item once, in order');
  assert.ok(sizes.every((n, i) => n >= 10 || i === sizes.length - 1), `no slice below the minimum: ${sizes.join(',')}`);
  assert.ok(sizes.every((n) => n <= 100), `no slice above the maximum: ${sizes.join(',')}`);
  // 0.2 ms per item and a budget of 5 ms: about 25 items per slice once the pace is known.
  assert.ok(sizes.slice(3, -1).every((n) => n >= 15 && n <= 35), `slices settle near what the budget allows: ${sizes.join(',')}`);
  assert.ok(between >= sizes.length - 2, `timers ran between the slices (${between} of ${sizes.length - 1})`);
});
