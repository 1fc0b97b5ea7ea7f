import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureStatuses, type MeasureStatus } from '../measures/schema.js';
import { effectiveProgress, rollup } from './rollup.js';
import type { StatusRules } from '../measures/status-rules.js';
import { DEFAULT_STATUS_RULES } from '../measures/schema.js';
import { progressContradiction, resolveProgress } from './updates.js';

const rules: StatusRules = DEFAULT_STATUS_RULES;
const m = (status: MeasureStatus, progress: number | null, weight = 1, impliedProgress?: number | null) => ({ status, progress, weight, ...(impliedProgress !== undefined ? { impliedProgress } : {}) });

test('an empty set has no progress, but counts (all zero)', () => {
  const r = rollup([], rules);
  assert.equal(r.progress, null);
  assert.equal(r.counted, 0);
  assert.equal(r.excluded, 0);
  assert.equal(r.weightSum, 0);
  assert.deepEqual(Object.keys(r.byStatus), [...measureStatuses]);
  assert.ok(Object.values(r.byStatus).every((n) => n === 0));
});

test('the mean is weighted', () => {
  // (1·20 + 3·60) / 4 = 50
  const r = rollup([m('in_umsetzung', 20, 1), m('in_umsetzung', 60, 3)], rules);
  assert.equal(r.progress, 50);
  assert.equal(r.weightSum, 4);
  assert.equal(r.counted, 2);
  // Weights from the database arrive as numeric strings.
  assert.equal(rollup([m('in_umsetzung', 20, '1.50' as unknown as number), m('in_umsetzung', 70, '0.50' as unknown as number)], rules).progress, 32.5);
});

test('measures whose status does not count are left out, but still appear by status', () => {
  const r = rollup([m('in_umsetzung', 40), m('entfallen', 0, 5), m('entfallen', null)], rules);
  assert.equal(r.progress, 40);
  assert.equal(r.counted, 1);
  assert.equal(r.excluded, 2);
  assert.equal(r.weightSum, 1);
  assert.equal(r.byStatus.entfallen, 2);
  assert.equal(r.byStatus.in_umsetzung, 1);
  // Only excluded measures: nothing to average.
  assert.equal(rollup([m('entfallen', 10)], rules).progress, null);
});

test('without reported progress the status implies it (geplant 0, umgesetzt 100), else 0', () => {
  assert.equal(rollup([m('umgesetzt', null), m('geplant', null)], rules).progress, 50);
  assert.equal(rollup([m('verstetigt', null), m('in_umsetzung', null)], rules).progress, 50, 'in_umsetzung implies nothing: 0');
  // Reported progress wins over the implied one.
  assert.equal(rollup([m('umgesetzt', 80)], rules).progress, 80);
  // A per-measure implied progress overrides the rule.
  assert.equal(rollup([m('in_umsetzung', null, 1, 30)], rules).progress, 30);
  assert.equal(rollup([m('umgesetzt', null, 1, null)], rules).progress, 0);
  assert.equal(effectiveProgress(m('zurueckgestellt', null), rules), 0);
});

test("a Kommune's own rules change implied progress and what counts", () => {
  const own: StatusRules = { ...rules, geplant: { impliedProgress: 10, countsInRollup: true }, zurueckgestellt: { impliedProgress: null, countsInRollup: false }, entfallen: { impliedProgress: 0, countsInRollup: true } };
  const r = rollup([m('geplant', null), m('zurueckgestellt', 50), m('entfallen', null)], own);
  assert.equal(r.progress, 5); // (10 + 0) / 2
  assert.equal(r.excluded, 1);
});

test('zero total weight gives no progress rather than a division by zero', () => {
  assert.equal(rollup([m('in_umsetzung', 50, 0)], rules).progress, null);
});

test('the progress of a new report: fixed by the status, else given, else the previous, else 0', () => {
  assert.deepEqual(resolveProgress(100, rules.umgesetzt, 10), { progress: 100, source: 'reported' });
  assert.deepEqual(resolveProgress(35, rules.in_umsetzung, 10), { progress: 35, source: 'reported' });
  assert.deepEqual(resolveProgress(0, rules.in_umsetzung, 10), { progress: 0, source: 'reported' });
  assert.deepEqual(resolveProgress(null, rules.umgesetzt, 10), { progress: 100, source: 'implied' });
  assert.deepEqual(resolveProgress(undefined, rules.in_umsetzung, 40), { progress: 40, source: 'previous' });
  assert.deepEqual(resolveProgress(undefined, rules.in_umsetzung, null), { progress: 0, source: 'default' });
});

test('a figure that contradicts the status rule is refused with the rule named (umgesetzt is 100 %, not 50 %)', () => {
  assert.deepEqual(progressContradiction(50, 'umgesetzt', rules.umgesetzt), {
    field: 'progress',
    messageKey: 'validation.progress_contradicts_status',
    params: { status: 'umgesetzt', progress: 100 },
  }, 'umgesetzt at 50 %');
  assert.equal(progressContradiction(100, 'umgesetzt', rules.umgesetzt), null, 'the fixed value itself');
  assert.equal(progressContradiction(null, 'umgesetzt', rules.umgesetzt), null, 'no figure: the rule decides');
  assert.equal(progressContradiction(50, 'in_umsetzung', rules.in_umsetzung), null, 'a status without a fixed progress');
});
