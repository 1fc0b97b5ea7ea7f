import type { Horizon, MeasureStatus, Priority } from '../schema.js';
import { fold, parseDate } from '../../../platform/spreadsheet/cells.js';
import { headingMatcher } from '../../../platform/spreadsheet/headings.js';

// Generic cell readers live on the platform; measures' callers (and other modules through index.ts) keep importing them here.
export { fold, isoFromSerial, parseDate, splitList } from '../../../platform/spreadsheet/cells.js';

/**
 * The file format of a measure table: its columns and the German words of its values. The
 * headings and labels below are what the export writes and what the import accepts first; they
 * are the format itself (like a CSV specification), so they live here and not in the catalogs.
 */
export type ColumnKey =
  | 'number' | 'field' | 'goals' | 'title' | 'description' | 'targetGroups' | 'lead' | 'partners'
  | 'horizon' | 'priority' | 'status' | 'startDate' | 'endDate' | 'staffFte' | 'costEur'
  | 'fundingSource' | 'indicator' | 'targetValue' | 'crossCutting' | 'sdgs' | 'municipalities';

export interface Column {
  key: ColumnKey;
  /** The heading the export writes. */
  heading: string;
  /** Other headings real tables use for the same column. */
  aliases: string[];
  /** Export column width in characters. */
  width: number;
}

const col = (key: ColumnKey, heading: string, width: number, aliases: string[] = []): Column => ({ key, heading, aliases, width });

/** In export order. */
export const columns: Column[] = [
  col('number', 'Nr.', 9, ['Nr', 'Nummer', 'Maßnahmennummer', 'Maßnahmen-Nr.', 'lfd. Nr.']),
  col('field', 'Themenfeld', 28, ['Handlungsfeld', 'Themenfelder', 'Handlungsfelder']),
  col('goals', 'Ziele', 34, ['Ziel', 'Handlungsziel', 'Handlungsziele']),
  col('title', 'Maßnahme', 40, ['Titel', 'Maßnahmentitel', 'Maßnahmen', 'Bezeichnung']),
  col('description', 'Beschreibung', 60, ['Maßnahmenbeschreibung', 'Erläuterung']),
  col('targetGroups', 'Zielgruppen', 28, ['Zielgruppe']),
  col('lead', 'Federführung', 28, ['federführend', 'Federführende Stelle', 'Verantwortlich', 'Zuständigkeit']),
  col('partners', 'Kooperationspartner', 34, ['Partner', 'Kooperationspartnerinnen', 'Beteiligte']),
  col('horizon', 'Zeithorizont', 14, ['Zeitrahmen', 'Umsetzungszeitraum']),
  col('priority', 'Priorität', 13),
  col('status', 'Status', 15, ['Umsetzungsstand', 'Stand']),
  col('startDate', 'Beginn', 12, ['Start', 'Startdatum']),
  col('endDate', 'Ende', 12, ['Enddatum', 'Abschluss']),
  col('staffFte', 'Personal (VZÄ)', 10, ['Personal', 'VZÄ', 'Personalbedarf', 'Personalbedarf (VZÄ)']),
  col('costEur', 'Kosten (EUR)', 13, ['Kosten', 'Kosten (€)', 'Kosten in EUR', 'Kosten in Euro', 'Sachkosten']),
  col('fundingSource', 'Finanzierung', 28, ['Finanzierungsquelle', 'Förderung', 'Fördermittel']),
  col('indicator', 'Indikator', 30, ['Indikatoren', 'Kennzahl']),
  col('targetValue', 'Zielwert', 16, ['Zielwerte']),
  col('crossCutting', 'Querschnittsthemen', 24, ['Querschnittsthema']),
  col('sdgs', 'SDG', 10, ['SDGs', 'Nachhaltigkeitsziele']),
  col('municipalities', 'Gemeinden', 24, ['Gemeinde', 'Kommunen', 'Ort', 'Orte']),
];

/** Without these a file cannot say which measure a row is. */
export const requiredColumns: ColumnKey[] = ['number', 'field', 'title'];

export const columnByKey = new Map(columns.map((c) => [c.key, c]));

/** The column a heading names, if any. */
export const matchHeading = headingMatcher(columns);

// ---- values ---------------------------------------------------------------------------------

export const horizonLabels: Record<Horizon, string> = { kurz: 'kurzfristig', mittel: 'mittelfristig', lang: 'langfristig' };
export const priorityLabels: Record<Priority, string> = { schwerpunkt: 'Schwerpunkt', quick_win: 'Quick-Win', normal: 'normal' };
export const statusLabels: Record<MeasureStatus, string> = {
  geplant: 'geplant',
  in_umsetzung: 'in Umsetzung',
  umgesetzt: 'umgesetzt',
  verstetigt: 'verstetigt',
  zurueckgestellt: 'zurückgestellt',
  entfallen: 'entfallen',
};

function lookup<K extends string>(labels: Record<K, string>, extra: Record<string, K>) {
  const index = new Map<string, K>();
  for (const [k, label] of Object.entries(labels) as [K, string][]) {
    index.set(fold(k), k);
    index.set(fold(label), k);
  }
  for (const [word, k] of Object.entries(extra)) index.set(fold(word), k);
  return (value: string): K | undefined => index.get(fold(value));
}

const horizonOf = lookup(horizonLabels, {});
/** "kurzfristig", "kurz", "Kurzfristig (bis 1 Jahr)" → kurz. */
export function matchHorizon(value: string): Horizon | undefined {
  const exact = horizonOf(value);
  if (exact) return exact;
  const f = fold(value);
  return f.startsWith('kurz') ? 'kurz' : f.startsWith('mittel') ? 'mittel' : f.startsWith('lang') ? 'lang' : undefined;
}

/** "Quick-Win", "Quick Win", "quickwin" → quick_win. */
export const matchPriority = lookup(priorityLabels, { Schwerpunktmaßnahme: 'schwerpunkt' });
/** "in Umsetzung", "In Umsetzung", "in_umsetzung" → in_umsetzung. */
export const matchStatus = lookup(statusLabels, { 'in Arbeit': 'in_umsetzung', laufend: 'in_umsetzung', abgeschlossen: 'umgesetzt' });

/** "4, 10", "SDG 4; SDG 10", "4 10" → ["4", "10"]. */
export function splitSdgs(value: string): string[] {
  return value.match(/\d+/g) ?? [];
}

/**
 * A measure number a spreadsheet took for a date: "1.1.1" opened in a German LibreOffice or Excel
 * is 01.01.2001 and comes back as "01.01.01" (CSV) or as a date cell (.xlsx: "2001-01-01" here, or
 * its serial number 36892 where the cell lost its date format);
 * "1.1" becomes the 1st of January of this year. Returns the numbers it may have been, most
 * likely first; none when the cell does not look like such a date.
 */
export function numbersFromDate(text: string, typedDate: boolean): string[] {
  const v = text.trim();
  let day: number, month: number, year: number;
  // A date cell; without a date format it arrives as its serial day number (36894 = 03.01.2001).
  const iso = typedDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(/^\d{5}$/.test(v) ? parseDate(v) ?? '' : v) : null;
  const shown = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(v);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (shown && (/^0/.test(shown[1]!) || /^0/.test(shown[2]!) || /^0/.test(shown[3]!) || shown[3]!.length === 4)) {
    [day, month, year] = [Number(shown[1]), Number(shown[2]), Number(shown[3])];
  } else return [];
  return [`${day}.${month}.${year % 100}`, `${day}.${month}`];
}

/**
 * The measure number a cell means: as written when the edition knows it; otherwise, for a cell a
 * spreadsheet turned into a date, the number it was (a known one first). `restored` is set when
 * the cell was such a date.
 */
export function measureNumberOf(text: string, typed: boolean, known: (n: string) => boolean): { number: string; restored?: string } {
  const v = text.trim();
  if (!v || known(v)) return { number: v };
  const candidates = numbersFromDate(v, typed);
  if (candidates.length === 0) return { number: v };
  return { number: candidates.find(known) ?? candidates[0]!, restored: v };
}
