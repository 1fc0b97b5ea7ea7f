// German readability (Amstad's Flesch-Lesbarkeitsindex) and syllable counting: one implementation
// for the server (imported through readability-core.d.ts) and the browser (readability.js).
// Plain JavaScript on purpose: browsers load it as it is, without a build step.

var vowels = /[aeiouyäöü]/;
// Two letters that are one syllable's vowel: diphthongs and long vowels. Other vowel pairs are
// two syllables in German: In·te·gra·ti·on, Vi·de·o, Ja·nu·ar, Du·ell.
var nuclei = ['aa', 'ee', 'oo', 'ie', 'ei', 'ai', 'au', 'eu', 'äu', 'ey', 'ay'];

/** Syllables of one German word (at least 1): vowel nuclei, "qu" and "ß" counted as consonants. */
export function germanSyllables(word) {
  var w = String(word).toLocaleLowerCase('de-DE').replace(/qu/g, 'q');
  var count = 0;
  var i = 0;
  while (i < w.length) {
    if (!vowels.test(w[i])) {
      i += 1;
      continue;
    }
    var pair = w.slice(i, i + 2);
    // "ie" at a word's end after a consonant cluster of foreign words (Fa·mi·li·e) stays one here:
    // a heuristic that is right for the common words (die, Sie, Knie, Energie).
    if (nuclei.indexOf(pair) !== -1) i += 2;
    else i += 1;
    count += 1;
  }
  return Math.max(1, count);
}

// A word: letters (with umlauts and ß), joined by hyphens or the Mediopunkt of Leichte Sprache.
var wordPattern = /[A-Za-zÄÖÜäöüßÀ-ÿ]+(?:[-·‧][A-Za-zÄÖÜäöüßÀ-ÿ]+)*/g;

/** Sentences: ended by . ! ? (before a space or the end) or by a line break (lists, headings). */
function sentencesOf(text) {
  return String(text)
    .split(/[.!?…]+(?=\s|$)|\n/)
    .filter(function (s) { return /[A-Za-zÄÖÜäöüßÀ-ÿ]/.test(s); });
}

/**
 * Amstad's Flesch reading ease for German: 180 − ASL − 58.5 × ASW (ASL: words per sentence, ASW:
 * syllables per word), shown between 0 and 100. Null when the text has no word.
 */
export function readability(text) {
  var sentences = sentencesOf(text);
  var words = 0;
  var syllables = 0;
  sentences.forEach(function (s) {
    (s.match(wordPattern) || []).forEach(function (w) {
      words += 1;
      w.split(/[-·‧]/).forEach(function (part) { syllables += germanSyllables(part); });
    });
  });
  if (words === 0) return null;
  var raw = 180 - words / sentences.length - 58.5 * (syllables / words);
  return { words: words, sentences: sentences.length, syllables: syllables, raw: raw, score: Math.round(Math.min(100, Math.max(0, raw))) };
}

/** Amstad's bands, easiest last: the catalog key `readability.band.<band>` says it in words. */
export function readabilityBand(score) {
  if (score >= 90) return 'very_easy';
  if (score >= 80) return 'easy';
  if (score >= 70) return 'fairly_easy';
  if (score >= 60) return 'standard';
  if (score >= 50) return 'fairly_hard';
  if (score >= 30) return 'hard';
  return 'very_hard';
}
