import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { conceptUpdateOf } from './attention.js';

describe('Aufmerksamkeit: Fortschreibung', () => {
  const today = '2026-11-21';
  test('erscheint, wenn sie in höchstens drei Monaten fällig oder überfällig ist', () => {
    assert.deepEqual(conceptUpdateOf({ due: '2027-02-21', overdue: false }, today), { due: '2027-02-21', overdue: false, days: 92 });
    assert.equal(conceptUpdateOf({ due: '2027-02-22', overdue: false }, today), undefined);
    assert.deepEqual(conceptUpdateOf({ due: today, overdue: false }, today), { due: today, overdue: false, days: 0 });
    assert.deepEqual(conceptUpdateOf({ due: '2026-11-20', overdue: true }, today), { due: '2026-11-20', overdue: true, days: -1 });
    assert.equal(conceptUpdateOf(undefined, today), undefined);
  });
});
