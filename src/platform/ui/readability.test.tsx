import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../i18n/i18n.js';
import { germanSyllables, readability, readabilityBand } from './assets/readability-core.js';
import { ReadabilityFigure, withReadability } from './readability.js';

test('German syllables: diphthongs and long vowels are one, other vowel pairs two, "qu" a consonant', () => {
  const known: Record<string, number> = {
    Haus: 1,
    See: 1,
    Typ: 1,
    die: 1,
    Sprache: 2,
    Leute: 2,
    Bäume: 2,
    Straße: 2,
    Quelle: 2,
    Maßnahme: 3,
    Teilhabe: 3,
    Beratung: 3,
    Januar: 3,
    Video: 3,
    Integration: 5,
    Ausländerbehörde: 6,
    Kindertagesstätte: 6,
    Integrationskonzept: 7,
  };
  const counted = Object.fromEntries(Object.keys(known).map((w) => [w, germanSyllables(w)]));
  assert.deepEqual(counted, known);
  assert.equal(germanSyllables('HAUS'), 1, 'case does not matter');
  assert.equal(germanSyllables('Hmm'), 1, 'every word has at least one syllable');
});

test("Amstad's Flesch index: 180 − words per sentence − 58.5 × syllables per word", () => {
  // 2 sentences, 9 words: Wir1 ler·nen2 Deutsch1 im1 Kurs1 / Der1 Kurs1 ist1 gut1 = 10 syllables.
  const r = readability('Wir lernen Deutsch im Kurs. Der Kurs ist gut!');
  assert.ok(r, 'a text with words has a figure');
  assert.equal(r.words, 9, 'words');
  assert.equal(r.sentences, 2, 'sentences');
  assert.equal(r.syllables, 10, 'syllables');
  assert.equal(r.raw, 180 - 9 / 2 - 58.5 * (10 / 9));
  assert.equal(r.score, 100, 'held at 100');

  const hard = readability('Die Integrationskonzeption berücksichtigt sozialräumliche Disparitäten hinsichtlich der Bildungsbeteiligung.');
  assert.ok(hard, 'a figure');
  assert.equal(hard.sentences, 1);
  assert.equal(hard.words, 8);
  assert.equal(hard.score, 0, 'long words in one long sentence: held at 0');

  // One sentence of 13 words: Die1 Stadt1 bie·tet2 je·den2 Mon·tag2 ei·nen2 kos·ten·lo·sen4
  // Sprach·kurs2 für1 El·tern2 mit1 Kin·dern2 an1 = 23 syllables → 180 − 13 − 58.5 × 23/13 ≈ 63.5.
  const middle = readability('Die Stadt bietet jeden Montag einen kostenlosen Sprachkurs für Eltern mit Kindern an.');
  assert.ok(middle, 'a figure');
  assert.equal(middle.words, 13);
  assert.equal(middle.syllables, 23);
  assert.equal(middle.score, 64);
  assert.equal(readabilityBand(middle.score), 'standard');
});

test('Mediopunkt and hyphen join the parts of one word; lines end sentences; no words, no figure', () => {
  const r = readability('Die Internet·seite\nDie Bürger-Beratung');
  assert.ok(r, 'a figure');
  assert.equal(r.words, 4, 'two compounds are two words');
  assert.equal(r.sentences, 2, 'a line break ends a sentence (lists, headings)');
  assert.equal(r.syllables, 1 + 5 + 1 + 5);
  assert.equal(readability(''), null);
  assert.equal(readability('1.2.3 – 42 %'), null);
});

test('bands follow Amstad: 0–29 very hard … 90–100 very easy', () => {
  assert.deepEqual([0, 29, 30, 49, 50, 59, 60, 69, 70, 79, 80, 89, 90, 100].map(readabilityBand), [
    'very_hard', 'very_hard', 'hard', 'hard', 'fairly_hard', 'fairly_hard', 'standard', 'standard', 'fairly_easy', 'fairly_easy', 'easy', 'easy', 'very_easy', 'very_easy',
  ]);
});

test('the figure under a text area is computed on the server, explained in German, and names its text area', async () => {
  const t = translator('de');
  const html = String(await (<ReadabilityFigure t={t} text="Wir lernen Deutsch im Kurs. Der Kurs ist gut!" areaId="f-text" />).toString());
  assert.match(html, /data-readability-for="f-text"/);
  assert.match(html, /<strong data-readability-score="">100<\/strong>/);
  assert.match(html, /sehr leicht/);
  assert.match(html, /Was bedeutet die Zahl\?/);
  assert.match(html, /180 − Satzlänge − 58,5 × Silben je Wort/);
  assert.equal(withReadability(t, 'Gespeichert.', ''), 'Gespeichert.');
  assert.equal(withReadability(t, 'Gespeichert.', 'Der Kurs ist gut.'), 'Gespeichert. Lesbarkeit des Textes: 100 (sehr leicht).');
});
