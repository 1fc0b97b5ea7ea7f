import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, isValidNumberFormat, numberScope, runningNumberOf } from './numbering.js';

const parts = { year: '2024', office: 'FD91' };

test('Nummernformat: {Jahr}/{Amt}/{lfd} ergibt 2024/FD91/457', () => {
  assert.equal(formatNumber('{Jahr}/{Amt}/{lfd}', parts, 457), '2024/FD91/457');
  assert.equal(formatNumber('V-{lfd}/{Jahr}', parts, 3), 'V-3/2024');
  assert.equal(numberScope('{Jahr}/{Amt}/{lfd}', parts), '2024/FD91/{lfd}');
});

test('Nummernformat: genau ein {lfd}, keine unbekannten Platzhalter', () => {
  assert.equal(isValidNumberFormat('{Jahr}/{Amt}/{lfd}'), true);
  assert.equal(isValidNumberFormat('{lfd}'), true);
  assert.equal(isValidNumberFormat('{Jahr}/{Amt}'), false, 'without {lfd}');
  assert.equal(isValidNumberFormat('{lfd}-{lfd}'), false, '{lfd} twice');
  assert.equal(isValidNumberFormat('{Jahr}/{Monat}/{lfd}'), false, 'unknown placeholder');
});

test('laufende Nummer einer Nummer von Hand: nur, wenn sie zum Format passt', () => {
  assert.equal(runningNumberOf('{Jahr}/{Amt}/{lfd}', parts, '2024/FD91/460'), 460);
  assert.equal(runningNumberOf('{Jahr}/{Amt}/{lfd}', parts, '2023/FD91/460'), undefined);
  assert.equal(runningNumberOf('{Jahr}/{Amt}/{lfd}', parts, '2024/FD91/46a'), undefined);
});
