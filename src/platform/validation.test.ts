import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { AppError } from './errors.js';
import { germanNumber, listOf, optionalNumber, parseInput, requiredText } from './validation.js';

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
