import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from './support/harness.js';
import { distribution, runFuzz } from './support/fuzz/run.js';

/**
 * A fixed sample of generated bad input (same seed, same requests, every run) across the JSON
 * API, the HTML forms and some pages: none may answer 5xx. `npm run check:fuzz` runs the full
 * 10,000 with a fresh seed.
 */
const seed = 20261130;
const count = 1000;

describeEachDb('Fuzzing: generated bad input never answers 5xx', (t) => {
  test(`${count} requests (seed ${seed})`, async () => {
    const result = await runFuzz(t(), { count, seed });
    const shown = result.serverErrors.slice(0, 10).map((e) => `  ${e.status} ${e.request}`).join('\n');
    assert.equal(result.serverErrors.length, 0, `${result.serverErrors.length} × 5xx (${distribution(result.statuses)}):\n${shown}`);
    assert.equal(result.total, count, 'every generated request was sent');
    assert.ok(result.routes.size >= 50, `requests reach most routes (${result.routes.size})`);
  });
});
