import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureNumberOf, numbersFromDate } from './columns.js';

test('measure numbers a spreadsheet turned into dates are recognised', () => {
  assert.deepEqual(numbersFromDate('01.01.01', false), ['1.1.1', '1.1'], 'CSV written by German LibreOffice');
  assert.deepEqual(numbersFromDate('2001-01-03', true), ['3.1.1', '3.1'], 'a real date cell in an .xlsx');
  assert.deepEqual(numbersFromDate('2001-01-03', false), [], 'typed as text it is no date');
  assert.deepEqual(numbersFromDate('36894', true), ['3.1.1', '3.1'], 'a date cell that lost its format: its serial number');
  assert.deepEqual(numbersFromDate('3.1.10', false), [], 'not zero-padded: a number as typed');
  const known = new Set(['3.1.10', '1.12']);
  assert.deepEqual(measureNumberOf('03.01.10', false, (n) => known.has(n)), { number: '3.1.10', restored: '03.01.10' }, 'restored');
  assert.deepEqual(measureNumberOf('01.12.26', false, (n) => known.has(n)), { number: '1.12', restored: '01.12.26' }, 'two-part number dated this year');
  assert.deepEqual(measureNumberOf('3.1.10', false, (n) => known.has(n)), { number: '3.1.10' }, 'as written');
});
