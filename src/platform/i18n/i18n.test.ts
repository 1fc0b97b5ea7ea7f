import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from './i18n.js';

test('plural messages agree with their count, in German and English', () => {
  const de = translator('de');
  const en = translator('en');
  assert.equal(de('measures.count', { shown: 1, count: 1 }), '1 von 1 Maßnahme', 'German singular');
  assert.equal(de('measures.count', { shown: 3, count: 12 }), '3 von 12 Maßnahmen', 'German plural');
  assert.equal(de('progress.rule.counted', { count: 1 }), '1 Maßnahme gezählt', 'German singular without another number');
  assert.equal(en('portal.filter.count', { n: 1, count: 1 }), '1 of 1 measure', 'English singular');
  assert.equal(en('portal.filter.count', { n: 0, count: 0 }), '0 of 0 measures', 'English zero is "other"');
  assert.equal(de('portal.filter.count', { n: 5, count: 1200 }), '5 von 1.200 Maßnahmen', 'the count is shown formatted');
});
