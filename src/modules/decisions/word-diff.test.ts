import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordDiff, type DiffPart } from './word-diff.js';

const show = (parts: DiffPart[]) => parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'added' ? `[+${p.text}]` : `[-${p.text}]`)).join('');
const side = (parts: DiffPart[], keep: 'added' | 'removed') => parts.filter((p) => p.kind !== keep).map((p) => p.text).join('');

test('the word diff marks changed figures and new words, and both sides rebuild the texts', () => {
  const a = 'In der Wesermarsch leben knapp 90.000 Einwohner*innen, davon 10.055 mit ausländischer Staatsangehörigkeit.';
  const b = 'In der Wesermarsch leben 89.863 Einwohner*innen, davon 10.055 mit ausländischer Staatsangehörigkeit (Ende 2023).';
  const parts = wordDiff(a, b)!;
  assert.equal(show(parts), 'In der Wesermarsch leben [-knapp 90.000 ][+89.863 ]Einwohner*innen, davon 10.055 mit ausländischer [-Staatsangehörigkeit.][+Staatsangehörigkeit (Ende 2023).]');
  assert.equal(side(parts, 'added'), a);
  assert.equal(side(parts, 'removed'), b);
  assert.deepEqual(wordDiff('gleich', 'gleich'), [{ kind: 'same', text: 'gleich' }]);
  assert.equal(show(wordDiff('', 'neu')!), '[+neu]');
  assert.equal(show(wordDiff('alt', '')!), '[-alt]');
});

test('texts too different to show word by word give up instead of using unbounded memory', () => {
  const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
  const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
  assert.equal(wordDiff(a, b, 800), undefined);
  const small = wordDiff(a, b.replace(/b/g, 'a').replace('a17 ', 'x17 '), 800)!;
  assert.equal(show(small).match(/\[[+-]/g)?.length, 2, 'one word replaced');
});
