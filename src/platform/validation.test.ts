import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { AppError } from './errors.js';
import { expectedVersion, germanNumber, listOf, optionalDate, optionalNumber, optionalText, parseInput, requiredText, versionFrom } from './validation.js';

test('German and international number notations', () => {
  assert.equal(germanNumber('0,5'), 0.5);
  assert.equal(germanNumber('0.5'), 0.5);
  assert.equal(germanNumber('1.500'), 1500);
  assert.equal(germanNumber('1.234.567,89'), 1234567.89);
  assert.equal(germanNumber('12 000 €'), 12000);
  assert.equal(germanNumber(''), null);
  assert.equal(germanNumber(3), 3);
  assert.equal(germanNumber('viel'), 'viel');
});

test('parseInput reports every field problem as a catalog key', () => {
  const schema = z.object({ title: requiredText(10), fte: optionalNumber(10), tags: listOf(z.string()) });
  assert.deepEqual(parseInput(schema, { title: ' A ', fte: '0,5', tags: 'x' }), { title: 'A', fte: 0.5, tags: ['x'] });
  try {
    parseInput(schema, { title: '  ', fte: 'viel' });
    assert.fail('should throw');
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.equal(e.code, 'validation_failed');
    assert.deepEqual(e.fieldErrors.map((f) => [f.field, f.messageKey]), [['title', 'validation.required'], ['fte', 'validation.number']]);
  }
});

test('text refuses control characters (NUL first) and lone surrogates, keeps line breaks, tabs and any script', () => {
  const keyOf = (input: unknown) => {
    try {
      parseInput(z.object({ text: optionalText(100) }), { text: input });
      return 'ok';
    } catch (e) {
      return (e as AppError).fieldErrors[0]?.messageKey;
    }
  };
  for (const bad of ['a\u0000b', '\u0007', 'x\u001b[31m', '\u007f', 'a\ud800']) assert.equal(keyOf(bad), 'validation.control_characters', JSON.stringify(bad));
  for (const good of ['Zeile 1\nZeile 2\r\n', 'a\tb', 'Straße 👩‍👩‍👧', 'مرحبا', 'e\u0301']) assert.equal(keyOf(good), 'ok', JSON.stringify(good));
});

test('versions: whole numbers within PostgreSQL integer, required, with German keys', () => {
  const v = expectedVersion();
  assert.equal(v.parse('3'), 3, 'form string');
  assert.equal(v.parse(2147483647), 2147483647, 'largest integer');
  for (const bad of [2147483648, '2147483648', 0, -1, 1.5, '1e3', 'abc']) assert.equal(v.safeParse(bad).success, false, `refused: ${bad}`);
  assert.throws(() => versionFrom(undefined), (e: AppError) => e.messageKey === 'validation.version_missing' && e.status === 422, 'missing: 422 naming the version');
  assert.throws(() => versionFrom(''), (e: AppError) => e.messageKey === 'validation.version_missing', 'blank counts as missing');
  assert.throws(() => versionFrom('2147483648'), (e: AppError) => e.messageKey === 'validation.invalid', 'overflow: invalid');
});

test('dates must exist in the calendar (and in PostgreSQL)', () => {
  const d = optionalDate();
  assert.equal(d.parse('2024-02-29'), '2024-02-29', 'leap day');
  assert.equal(d.parse(''), null, 'blank');
  for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '0000-01-01', '2026-1-1']) assert.equal(d.safeParse(bad).success, false, `refused: ${bad}`);
});
