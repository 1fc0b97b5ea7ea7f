/**
 * How alike two German offer texts are, independent of spelling details: lower case, umlauts
 * folded, gender markers and common endings cut, filler words dropped. Two measures, 0…1:
 * trigram similarity (catches "Sprachcafé" vs "Sprach-Café") and shared word stems.
 */

const fillerWords = new Set([
  'und', 'oder', 'mit', 'ohne', 'von', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer',
  'in', 'im', 'bis', 'unter', 'ab', 'fur', 'aus', 'an', 'am', 'zu', 'zum', 'zur', 'auf', 'bei', 'fuer', 'ist', 'sind',
  'wir', 'sie', 'ihr', 'ihre', 'uns', 'unser', 'unsere', 'alle', 'jede', 'jeden', 'jeder', 'auch', 'nach', 'vor', 'uber',
  'es', 'gibt', 'hier', 'wird', 'werden', 'kann', 'konnen', 'sich', 'fur', 'als', 'wie', 'so', 'noch', 'e', 'v', 'ev',
]);

/** Lower case, umlauts and ß folded, gender stars and punctuation gone, one space between words. */
export function normaliseText(s: string): string {
  return s
    .toLocaleLowerCase('de-DE')
    .replace(/[*:_/]innen\b/g, '')
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A crude stem: enough that "Kurse"/"Kurs" and "Frauen"/"Frau" meet. */
export function stemOf(word: string): string {
  for (const end of ['innen', 'ungen', 'ern', 'en', 'er', 'es', 'em', 'e', 'n', 's']) {
    if (word.length - end.length >= 4 && word.endsWith(end)) return word.slice(0, -end.length);
  }
  return word;
}

/** The stems of a text's meaningful words. Compound words also count by their first five letters. */
export function stemsOf(text: string): Set<string> {
  const words = normaliseText(text).split(' ').filter((w) => w.length > 1 && !fillerWords.has(w));
  return new Set(words.map(stemOf));
}

/** Character trigrams of the normalised text, words padded as pg_trgm does. */
export function trigramsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of normaliseText(text).split(' ')) {
    if (!word || fillerWords.has(word)) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** Dice coefficient of two sets (0 when both are empty: nothing to compare is no evidence). */
export function dice<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Share of the smaller set found in the larger (a short title inside a long one still counts). */
export function overlap<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / small.size;
}
