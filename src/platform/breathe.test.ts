import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inBatches } from './breathe.js';

test('inBatches: every item once and in order, slices within their bounds, other work runs between slices', async () => {
  const items = Array.from({ length: 1000 }, (_, i) => i);
  const seen: number[] = [];
  const sizes: number[] = [];
  let between = 0;
  let otherWorkRan = true;
  let clock = 0; // a clock of the test's own: each item takes 0.2 ms
  await inBatches(
    items,
    async (batch) => {
      sizes.push(batch.length);
      seen.push(...batch);
      if (otherWorkRan) between++;
      // Work another request queued meanwhile: it must run before the next slice starts.
      otherWorkRan = false;
      setImmediate(() => (otherWorkRan = true));
      clock += batch.length * 0.2;
    },
    { budgetMs: 5, min: 10, max: 100, now: () => clock },
  );
  assert.deepEqual(seen, items, 'every item once, in order');
  assert.ok(sizes.every((n, i) => n >= 10 || i === sizes.length - 1), `no slice below the minimum: ${sizes.join(',')}`);
  assert.ok(sizes.every((n) => n <= 100), `no slice above the maximum: ${sizes.join(',')}`);
  // 0.2 ms per item and a budget of 5 ms: about 25 items per slice once the pace is known.
  assert.ok(sizes.slice(4, -1).every((n) => n === 25), `slices settle at what the budget allows: ${sizes.join(',')}`);
  assert.equal(sizes[0], 10, 'the first slice has the least rows');
  assert.equal(between, sizes.length, 'other work ran before every next slice');
});
