/**
 * Languages people speak at a counselling desk or in a course (ISO 639 codes, 639-1 where one exists), beyond the
 * portal's own seven: those most spoken by people who came to Germany, plus sign language
 * (639-3 "gsg", German Sign Language) and Dari (639-3 "prs"). Each is shown by its own name ("Українська"), as
 * Integreat's users asked; codes stay what is stored.
 */
export const spokenLanguageCodes = [
  'de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa', 'ku', 'ps', 'ti', 'so', 'fr', 'es', 'it', 'pl', 'ro', 'bg', 'sq', 'sr', 'hr', 'bs',
  'el', 'pt', 'vi', 'zh', 'ur', 'hi', 'bn', 'ta', 'am', 'prs', 'gsg',
] as const;
export type SpokenLanguage = (typeof spokenLanguageCodes)[number];

const ownNames: Partial<Record<string, string>> = {
  // Intl knows these only by their English or German names.
  prs: 'دری',
  gsg: 'Deutsche Gebärdensprache',
  ku: 'Kurdî',
};

const spokenNames = new Map<string, string>();
/** A language's name in that language ("Türkçe", "العربية"), with its German name for those who cannot read the script. */
export function spokenLanguageName(code: string): string {
  // Intl.DisplayNames are slow to make, and the offer directory names the same few languages for
  // every offer (issue 9): the names of the known codes are kept.
  let name = spokenNames.get(code);
  if (name === undefined) {
    name = nameOf(code);
    if (isSpokenLanguage(code)) spokenNames.set(code, name);
  }
  return name;
}

function nameOf(code: string): string {
  const own = ownNames[code] ?? new Intl.DisplayNames([code], { type: 'language', fallback: 'code' }).of(code) ?? code;
  const german = code === 'de' ? undefined : code === 'gsg' ? undefined : new Intl.DisplayNames(['de'], { type: 'language', fallback: 'code' }).of(code);
  const ownCapitalised = own.charAt(0).toLocaleUpperCase(code === 'gsg' ? 'de' : code) + own.slice(1);
  return german && german.toLowerCase() !== own.toLowerCase() ? `${ownCapitalised} (${german})` : ownCapitalised;
}

export const isSpokenLanguage = (v: unknown): v is SpokenLanguage => spokenLanguageCodes.includes(v as SpokenLanguage);
