import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberReading, readNumberAs, sameShownNumber } from './numbers.js';

const cells = (...texts: string[]) => texts.map((text, i) => ({ row: i + 2, column: 'Kosten (EUR)', text }));
const value = (r: ReturnType<ReturnType<typeof numberReading>['read']>) => ('value' in r ? r.value : r.problem.messageKey);

test('readNumberAs: each convention reads only its own numbers', () => {
  assert.equal(readNumberAs('32.000,00', 'de'), 32000, 'German grouping and decimal comma');
  assert.equal(readNumberAs('32,000.00', 'en'), 32000, 'English grouping and decimal point');
  assert.equal(readNumberAs('32,000.00', 'de'), undefined, 'English number is no German number');
  assert.equal(readNumberAs('0,5', 'en'), undefined, 'German decimal is no English number');
  assert.equal(readNumberAs('32.000', 'en'), 32, 'one point zero in English');
  assert.equal(readNumberAs('12 500 €', 'de'), 12500, 'spaces and currency are not part of the number');
  assert.equal(readNumberAs('1.2.3', 'de'), undefined, 'no number at all');
});

test('numberReading: the file decides (English), and 32,000.00 is 32000, not 32', () => {
  const r = numberReading(cells('32,000.00', '1,500', '0.5'));
  assert.equal(r.format, 'en', 'English evidence');
  assert.equal(value(r.read('32,000.00')), 32000, 'English amount');
  assert.equal(value(r.read('1,500')), 1500, 'grouping read in the file format');
  assert.equal(value(r.read('0,5')), 'spreadsheet.error.number_not_en', 'a German number in an English file is an error');
});

test('numberReading: German files, neutral cells, ambiguous cells', () => {
  assert.equal(numberReading(cells('32.000,00', '0,5', '32000')).format, 'de', 'German evidence');
  const undecided = numberReading(cells('32000', '1.500'));
  assert.equal(undecided.format, undefined, 'integers say nothing; 1.500 is both');
  assert.equal(value(undecided.read('32000')), 32000, 'a plain integer is the same in both');
  assert.equal(value(undecided.read('1.500')), 'spreadsheet.error.number_ambiguous', '1.500 is 1500 or 1.5: an error');
  assert.equal(value(numberReading(cells('1.500'), 'en').read('1.500')), 1.5, 'chosen English');
  assert.equal(value(numberReading(cells('1.500'), 'de').read('1.500')), 1500, 'chosen German');
  assert.equal(value(undecided.read('')), null, 'blank');
});

test('a target value a spreadsheet reformatted is the same value', () => {
  assert.ok(sameShownNumber('85 %', '85,00 %'), 'German percentage with decimals');
  assert.ok(sameShownNumber('85 %', '85.00%'), 'English percentage');
  assert.ok(sameShownNumber('3.000', '3000'), 'German: grouping dropped');
  assert.ok(sameShownNumber('3.000', '3'), 'English: 3.000 is three');
  assert.ok(!sameShownNumber('85 %', '0,85'), 'a percentage typed as text is not a fraction');
  assert.ok(sameShownNumber('85 %', '0.85', true), 'an .xlsx percentage cell holds the fraction');
  assert.ok(sameShownNumber('3.000', '3000', true), 'an .xlsx number cell');
  assert.ok(!sameShownNumber('3.000', '3.500'), 'another number');
  assert.ok(!sameShownNumber('mindestens 30', 'mindestens 31'), 'text is compared as text elsewhere');
});
