import assert from 'node:assert/strict';
import { test } from 'node:test';
import { behindTarget, type AttentionIndicator } from './attention.js';

let n = 0;
const indicator = (over: Partial<AttentionIndicator> = {}): AttentionIndicator => ({
  id: `i${++n}`,
  name: `Indikator ${n}`,
  unit: 'Personen',
  measureId: 'm1',
  ownerLabel: '1.1.1 Sprachkurse',
  targetValue: 100,
  targetYear: 2027,
  latestValue: 40,
  latestOn: '2026-06-30',
  behind: true,
  ...over,
});

test('Indikatoren: nur die hinter dem Ziel, das früheste Zieljahr zuerst', () => {
  const shown = behindTarget([indicator({ name: 'B', targetYear: 2028 }), indicator({ name: 'A', behind: false, targetYear: 2026 }), indicator({ name: 'C', targetYear: 2026 }), indicator({ name: 'D', targetYear: null })]);
  assert.deepEqual(shown.map((i) => i.name), ['C', 'B', 'D']);
});
