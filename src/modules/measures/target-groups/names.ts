/**
 * How a Zielgruppe's name is written and compared. Stored: trimmed, one space between words.
 * Compared: additionally lower case (the database's unique index is on lower(name)).
 */
export const cleanName = (s: string) => s.replace(/\s+/g, ' ').trim();
export const nameKey = (s: string) => cleanName(s).toLocaleLowerCase('de-DE');

/** "Eltern, Frauen; Neuzugewanderte" (form, API or spreadsheet cell) → the names, cleaned, first spelling of each kept. */
export function splitNames(input: string | string[]): string[] {
  const pieces = (Array.isArray(input) ? input : [input]).flatMap((x) => x.split(/[,;\n]/)).map(cleanName).filter(Boolean);
  const seen = new Set<string>();
  return pieces.filter((p) => !seen.has(nameKey(p)) && !!seen.add(nameKey(p)));
}

const stopWords = new Set(['und', 'oder', 'mit', 'ohne', 'von', 'der', 'die', 'das', 'den', 'dem', 'des', 'in', 'im', 'bis', 'unter', 'ab', 'für', 'aus', 'an', 'am', 'zu', 'zum', 'zur', 'ihre', 'ihren', 'ihrer', 'jahre', 'jahren', 'jahr']);
const numberWords: Record<string, string> = { eins: '1', ein: '1', zwei: '2', drei: '3', vier: '4', fünf: '5', sechs: '6', sieben: '7', acht: '8', neun: '9', zehn: '10', zwölf: '12' };

/**
 * A crude German word stem, enough to see that two Zielgruppen mean the same: lower case,
 * umlauts folded, gender markers (*innen, :innen, Innen) and common endings cut, number words as digits.
 */
export function stemOf(word: string): string {
  let w = word.toLocaleLowerCase('de-DE').replace(/[*:_/]innen$/, '').replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');
  if (numberWords[w]) return numberWords[w]!;
  for (const end of ['innen', 'ern', 'en', 'er', 'es', 'em', 'e', 'n', 's']) {
    if (w.length - end.length >= 4 && w.endsWith(end)) {
      w = w.slice(0, -end.length);
      break;
    }
  }
  return w;
}

/** The stems of a name's meaningful words, sorted: equal for "Kinder bis sechs Jahre" and "Kinder unter sechs Jahren". */
export function stemKey(name: string): string {
  const words = name.split(/[^\p{L}\p{N}*:]+/u).filter(Boolean);
  return [...new Set(words.filter((w) => !stopWords.has(w.toLocaleLowerCase('de-DE'))).map(stemOf))].sort().join(' ');
}
