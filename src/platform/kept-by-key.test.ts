import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keptByKey } from './kept-by-key.js';

test('keptByKey: computes a key once; beyond its size the one used longest ago goes first', () => {
  const computed: string[] = [];
  const kept = keptByKey<string>(2);
  const get = (key: string) => kept(key, () => (computed.push(key), `Wert ${key}`));
  assert.equal(get('a'), 'Wert a');
  assert.equal(get('a'), 'Wert a');
  get('b');
  get('a'); // a is now the most recently used
  get('c'); // so b goes
  get('a');
  get('b');
  assert.deepEqual(computed, ['a', 'b', 'c', 'b'], 'a kept throughout, b computed again after it was dropped');
});
