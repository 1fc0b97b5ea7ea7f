/**
 * Numbers in spreadsheet files, whose format depends on who saved them: German LibreOffice or
 * Excel writes "32.000,00", English ones write "32,000.00". Read with the wrong convention, one is
 * a thousand times the other, so the format is decided per file from all its number cells (or
 * chosen by the user), and a value that the file does not decide is an error, never a guess.
 */
export const numberFormats = ['de', 'en'] as const;
export type NumberFormat = (typeof numberFormats)[number];

/** "de"/"en" from a form field; anything else (blank, "auto") = detect. */
export const numberFormatOf = (v: unknown): NumberFormat | undefined => (numberFormats as readonly unknown[]).includes(v) ? (v as NumberFormat) : undefined;

const separators: Record<NumberFormat, { group: string; decimal: string }> = { de: { group: '.', decimal: ',' }, en: { group: ',', decimal: '.' } };
const esc = (s: string) => s.replace(/[.]/g, '\\.');

/** Currency signs, percent, spaces (also no-break and thin spaces as grouping) are not part of the number. */
const bare = (text: string) => text.replace(/[\s\u00a0\u202f€%]|EUR/gi, '');

/** The value of `text` in one convention: "1.234,5" (de) = 1234.5; undefined if it is no number there. */
export function readNumberAs(text: string, format: NumberFormat): number | undefined {
  const s = bare(text);
  const { group, decimal } = separators[format];
  const plain = new RegExp(`^-?\\d+(${esc(decimal)}\\d+)?$`);
  const grouped = new RegExp(`^-?\\d{1,3}(${esc(group)}\\d{3})+(${esc(decimal)}\\d+)?$`);
  if (!plain.test(s) && !grouped.test(s)) return undefined;
  const n = Number(s.split(group).join('').replace(decimal, '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** A number cell of the file as the user sees it in the spreadsheet. */
export interface NumberCell {
  row: number;
  column: string;
  text: string;
}

/** Why a number cell cannot be read: a catalog key with its parameters. */
export interface NumberProblem {
  messageKey: string;
  params: Record<string, string | number>;
}

export interface NumberReading {
  /** The file's format: chosen, or what its cells show; undefined = the cells do not say. */
  format: NumberFormat | undefined;
  /** How it was decided, for the preview: "chosen" or "detected" (undefined when undecided). */
  decidedBy: 'chosen' | 'detected' | undefined;
  /** A cell's value (blank = null), or why it has none. */
  read(text: string): NumberRead;
}
export type NumberRead = { value: number | null } | { problem: NumberProblem };
const fail = (messageKey: string, params: Record<string, string | number> = {}): NumberRead => ({ problem: { messageKey, params } });

/** A value as the (German) preview writes it. */
const shown = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 10 });

/**
 * Decides the number format of a file from the text of its number cells: a cell readable in
 * only one convention ("0,5", "32,000.00", "1234.5") is evidence; the convention with more
 * evidence wins. Cells that read the same both ways ("32000") say nothing; cells that read
 * differently ("32.000": 32000 or 32) are problems while the file does not decide.
 */
export function numberReading(cells: NumberCell[], chosen?: NumberFormat): NumberReading {
  let format = chosen;
  if (!format) {
    const evidence = { de: 0, en: 0 };
    for (const c of cells) {
      const de = readNumberAs(c.text, 'de');
      const en = readNumberAs(c.text, 'en');
      if (de !== undefined && en === undefined) evidence.de++;
      if (en !== undefined && de === undefined) evidence.en++;
    }
    format = evidence.de > evidence.en ? 'de' : evidence.en > evidence.de ? 'en' : undefined;
  }
  const decidedBy = chosen ? 'chosen' : format ? 'detected' : undefined;
  return {
    format,
    decidedBy,
    read(text): NumberRead {
      if (bare(text) === '') return { value: null };
      const de = readNumberAs(text, 'de');
      const en = readNumberAs(text, 'en');
      if (format) {
        const value = format === 'de' ? de : en;
        if (value !== undefined) return { value };
        const other = format === 'de' ? en : de;
        // "0.5" in a German file: a number, but not in the file's format.
        if (other !== undefined) return fail(`spreadsheet.error.number_not_${format}`, { value: text.trim() });
        return fail('validation.number');
      }
      if (de !== undefined && en !== undefined && de !== en) {
        return fail('spreadsheet.error.number_ambiguous', { value: text.trim(), de: shown(de), en: shown(en) });
      }
      const value = de ?? en;
      return value === undefined ? fail('validation.number') : { value };
    },
  };
}

/**
 * Whether a free-text cell is the stored text as a spreadsheet rewrote it: it read the text as a
 * number in its locale and wrote it back formatted, so "85 %" comes back as "85,00 %" or
 * "85.00%" (CSV) or as 0.85 (an .xlsx number cell, `typed`), "3.000" as "3000" (German) or "3"
 * (English: 3.000 is three there). Such a cell keeps the stored wording.
 */
export function sameShownNumber(stored: string | null | undefined, cell: string, typed = false): boolean {
  if (!stored) return false;
  const percent = (s: string) => s.includes('%');
  return numberFormats.some((f) => {
    const before = readNumberAs(stored, f);
    if (before === undefined) return false;
    if (!typed) return percent(stored) === percent(cell) && readNumberAs(cell, f) === before;
    const n = Number(cell);
    return n === before || (percent(stored) && Math.abs(n * 100 - before) < 1e-9);
  });
}
