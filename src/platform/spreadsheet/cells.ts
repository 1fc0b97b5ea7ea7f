/** How people write values in spreadsheet cells: headings and words folded for comparison, lists, dates. */

/**
 * Folds what people vary when they type a heading or a value: case, umlauts and ß (ae/oe/ue/ss),
 * dots, spaces, hyphens, slashes and a trailing "(n)"/"(e)"/"(en)" as in "Zielgruppe(n)".
 */
export function fold(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/\s*\((n|e|en|s|innen)\)\s*$/, '')
    .replace(/[^a-z0-9€]/g, '');
}

/** "Bildung; Arbeit", one per line, or both → ["Bildung", "Arbeit"]. */
export function splitList(value: string): string[] {
  return value
    .split(/[;\n\r]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : undefined;
};

/** An Excel serial day number (1900 system) as ISO date. */
export function isoFromSerial(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86_400_000));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * "31.12.2026", "31.12.26", "2026-12-31" or an Excel serial number → "2026-12-31"; blank → null;
 * anything else (including 31.02.2026) → undefined.
 */
export function parseDate(value: string): string | null | undefined {
  const v = value.trim();
  if (!v) return null;
  let m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})$/.exec(v);
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return isoOf(y, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(v);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}(\.0+)?$/.test(v)) {
    const n = Number(v);
    if (n > 20_000 && n < 80_000) return isoFromSerial(n);
  }
  return undefined;
}


/** A reader of one of a few values: by its code or its label as the export writes it, folded ("Treff/Café", "treff-cafe"). */
export function choiceReader<K extends string>(codes: readonly K[], label: (code: K) => string, extra: Record<string, K> = {}): (text: string) => K | undefined {
  // Built on first use: labels from module catalogs exist only once the application is composed.
  let index: Map<string, K> | undefined;
  return (text) => {
    if (!index) {
      index = new Map<string, K>();
      for (const k of codes) {
        index.set(fold(k), k);
        index.set(fold(label(k)), k);
      }
      for (const [word, k] of Object.entries(extra)) index.set(fold(word), k);
    }
    return index.get(fold(text));
  };
}

const yes = new Set(['ja', 'j', 'x', '1', 'true', 'wahr', 'yes']);
const no = new Set(['nein', 'n', '0', 'false', 'falsch', 'no', '']);
/** "ja"/"nein" as the export writes them (an .xlsx yes/no cell reads as these too), "x", "1", blank = no. */
export function readYesNo(text: string): boolean | undefined {
  const f = fold(text);
  return yes.has(f) ? true : no.has(f) ? false : undefined;
}
export const yesNoText = (v: boolean) => (v ? 'ja' : 'nein');
