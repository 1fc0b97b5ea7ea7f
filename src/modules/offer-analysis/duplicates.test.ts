import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelledPairs } from './labelled-pairs.js';
import { duplicateThreshold, featuresOf, isLikelyDuplicate, scorePair } from './scoring.js';

/** Precision and recall of the duplicate score on the hand-labelled pairs. */
export function measure(threshold = duplicateThreshold) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const misses: string[] = [];
  for (const p of labelledPairs) {
    const s = scorePair(featuresOf(p.a), featuresOf(p.b));
    const said = s.score >= threshold;
    if (said && p.duplicate) tp++;
    else if (said) { fp++; misses.push(`falsch positiv ${s.score}: ${p.note}`); }
    else if (p.duplicate) { fn++; misses.push(`übersehen ${s.score}: ${p.note}`); }
    else tn++;
  }
  return { tp, fp, fn, tn, precision: tp / (tp + fp), recall: tp / (tp + fn), misses };
}

test('Doppelstrukturen: Precision und Recall auf den gelabelten Paaren', () => {
  assert.ok(labelledPairs.length >= 30);
  assert.ok(labelledPairs.filter((p) => p.duplicate).length >= 15 && labelledPairs.filter((p) => !p.duplicate).length >= 15);
  const m = measure();
  for (const t of [0.5, 0.55, 0.6, 0.65, 0.7]) {
    const x = measure(t);
    console.log(`threshold ${t}: precision ${x.precision.toFixed(3)} recall ${x.recall.toFixed(3)} (tp ${x.tp} fp ${x.fp} fn ${x.fn} tn ${x.tn})`);
  }
  console.log(m.misses.join('\n'));
  assert.ok(m.precision >= 0.85, `precision ${m.precision}`);
  assert.ok(m.recall >= 0.8, `recall ${m.recall}`);
});

test('der Score nennt seine Gründe und ist symmetrisch', () => {
  const p = labelledPairs[0]!;
  const ab = scorePair(featuresOf(p.a), featuresOf(p.b));
  const ba = scorePair(featuresOf(p.b), featuresOf(p.a));
  assert.equal(ab.score, ba.score);
  assert.ok(isLikelyDuplicate(ab));
  const kinds = ab.reasons.map((r) => r.kind);
  for (const k of ['similar_text', 'same_category', 'same_municipality', 'overlapping_times', 'same_target_groups', 'same_languages']) assert.ok(kinds.includes(k as never), k);
  const levels = labelledPairs.find((x) => x.note.startsWith('Deutschkurs A1 und B1'))!;
  assert.ok(scorePair(featuresOf(levels.a), featuresOf(levels.b)).reasons.some((r) => r.kind === 'different_level'));
});
