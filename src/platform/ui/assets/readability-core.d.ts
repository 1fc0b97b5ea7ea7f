// Types of readability-core.js (plain JavaScript, shared with the browser).
export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** 180 − ASL − 58.5 × ASW, unbounded. */
  raw: number;
  /** `raw` rounded and held between 0 and 100. */
  score: number;
}
export type ReadabilityBand = 'very_easy' | 'easy' | 'fairly_easy' | 'standard' | 'fairly_hard' | 'hard' | 'very_hard';
export function germanSyllables(word: string): number;
export function readability(text: string): Readability | null;
export function readabilityBand(score: number): ReadabilityBand;
