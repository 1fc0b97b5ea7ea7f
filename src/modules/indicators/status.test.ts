import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { indicatorStatus, type JudgedIndicator } from './status.js';

const rising: JudgedIndicator = { baselineValue: 100, baselineDate: '2023-12-31', targetValue: 200, targetYear: 2027, direction: 'higher' };
const falling: JudgedIndicator = { baselineValue: 40, baselineDate: '2023-12-31', targetValue: 20, targetYear: 2027, direction: 'lower' };
const today = '2026-11-21';

describe('indicatorStatus (on track or behind, by a straight path from baseline to target)', () => {
  test('higher is better: at or above the path is on track, below it behind', () => {
    // 31.12.2025 is two of four years along: the path stands at about 150.
    assert.equal(indicatorStatus(rising, [{ measuredOn: '2025-12-31', value: 151 }], today).status, 'on_track');
    assert.equal(indicatorStatus(rising, [{ measuredOn: '2025-12-31', value: 160 }], today).status, 'on_track');
    const behind = indicatorStatus(rising, [{ measuredOn: '2025-12-31', value: 149 }], today);
    assert.equal(behind.status, 'behind');
    assert.ok(Math.abs(behind.expected! - 150) < 0.1, `expected ≈ 150, got ${behind.expected}`);
    assert.equal(behind.targetDate, '2027-12-31');
  });

  test('lower is better: at or below the path is on track, above it behind', () => {
    assert.equal(indicatorStatus(falling, [{ measuredOn: '2025-12-31', value: 29 }], today).status, 'on_track');
    assert.equal(indicatorStatus(falling, [{ measuredOn: '2025-12-31', value: 31 }], today).status, 'behind');
  });

  test('the latest value counts, whatever order the values come in; future values are ignored', () => {
    const values = [
      { measuredOn: '2025-12-31', value: 120 },
      { measuredOn: '2024-12-31', value: 130 },
      { measuredOn: '2027-06-30', value: 300 },
    ];
    const s = indicatorStatus(rising, values, today);
    assert.equal(s.status, 'behind');
    assert.deepEqual(s.latest, { measuredOn: '2025-12-31', value: 120 });
  });

  test('meeting the target is "reached" (by direction)', () => {
    assert.equal(indicatorStatus(rising, [{ measuredOn: '2025-06-30', value: 200 }], today).status, 'reached');
    assert.equal(indicatorStatus(falling, [{ measuredOn: '2025-06-30', value: 19 }], today).status, 'reached');
  });

  test('after the target year without reaching the target: behind, even above the path', () => {
    assert.equal(indicatorStatus(rising, [{ measuredOn: '2027-12-31', value: 199 }], '2028-01-15').status, 'behind');
  });

  test('no values yet, no target, or no baseline: not judged as behind', () => {
    assert.equal(indicatorStatus(rising, [], today).status, 'no_values');
    assert.equal(indicatorStatus({ ...rising, targetValue: null, targetYear: null }, [{ measuredOn: '2025-12-31', value: 1 }], today).status, 'not_assessable');
    assert.equal(indicatorStatus({ ...rising, baselineValue: null, baselineDate: null }, [{ measuredOn: '2025-12-31', value: 1 }], today).status, 'not_assessable');
    assert.equal(indicatorStatus({ ...rising, baselineValue: null, baselineDate: null }, [{ measuredOn: '2025-12-31', value: 1 }], '2028-02-01').status, 'behind');
  });

  test('values before the baseline compare with the baseline; a target date before the baseline does not divide by zero', () => {
    assert.equal(indicatorStatus(rising, [{ measuredOn: '2023-06-30', value: 100 }], today).status, 'on_track');
    const odd = indicatorStatus({ ...rising, baselineDate: '2028-01-01' }, [{ measuredOn: '2026-01-01', value: 150 }], today);
    assert.ok(Number.isFinite(odd.expected!));
  });
});
