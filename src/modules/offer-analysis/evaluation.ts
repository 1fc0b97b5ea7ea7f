import type { LabelledPair } from './labelled-pairs.js';
import { duplicateThreshold, featuresOf, scorePair } from './scoring.js';

/** Precision and recall of the duplicate score on labelled pairs, with the pairs it got wrong. */
export function measurePairs(pairs: LabelledPair[], threshold = duplicateThreshold) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const misses: string[] = [];
  for (const p of pairs) {
    const s = scorePair(featuresOf(p.a), featuresOf(p.b));
    const said = s.score >= threshold;
    if (said && p.duplicate) tp++;
    else if (said) { fp++; misses.push(`falsch positiv ${s.score}: ${p.note}`); }
    else if (p.duplicate) { fn++; misses.push(`übersehen ${s.score}: ${p.note}`); }
    else tn++;
  }
  return { tp, fp, fn, tn, precision: tp / (tp + fp), recall: tp / (tp + fn), misses };
}
