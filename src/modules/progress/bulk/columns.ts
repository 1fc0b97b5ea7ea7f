import { columnByKey, fold } from '../../measures/index.js';

/**
 * The file format of the status table ("Sachstandstabelle"): one row per measure of an edition.
 * Nr. says which measure a row is; Maßnahme and Federführung are there to read, not to change;
 * Status, Fortschritt % and Sachstand are what the import records as a new Sachstandsmeldung,
 * Stand is its date, öffentlich whether the portal shows it. Like the measure table, headings
 * and words are the format itself, so they live here and not in the catalogs.
 */
export type StatusColumnKey = 'number' | 'title' | 'lead' | 'status' | 'progress' | 'text' | 'reportedOn' | 'isPublic';

export interface StatusColumn {
  key: StatusColumnKey;
  heading: string;
  aliases: string[];
  width: number;
  /** Shown for orientation; a change there is reported and ignored. */
  reference: boolean;
}

const col = (key: StatusColumnKey, heading: string, width: number, aliases: string[], reference = false): StatusColumn => ({ key, heading, aliases, width, reference });
const transferAliases = (key: 'number' | 'title' | 'lead') => columnByKey.get(key)!.aliases;

/** In export order. */
export const statusColumns: StatusColumn[] = [
  col('number', 'Nr.', 9, transferAliases('number')),
  col('title', 'Maßnahme', 48, transferAliases('title'), true),
  col('lead', 'Federführung', 30, transferAliases('lead'), true),
  col('status', 'Status', 16, ['Umsetzungsstatus', 'Umsetzungsstand']),
  col('progress', 'Fortschritt %', 13, ['Fortschritt', 'Fortschritt in %', 'Fortschritt in Prozent', 'Umsetzungsgrad']),
  col('text', 'Sachstand', 60, ['Sachstandsmeldung', 'Kommentar', 'Bemerkung', 'Bemerkungen']),
  col('reportedOn', 'Stand', 12, ['Stand vom', 'Datum', 'Meldedatum']),
  col('isPublic', 'öffentlich', 11, ['Öffentlich sichtbar', 'veröffentlichen', 'Veröffentlichung']),
];

export const statusColumnByKey = new Map(statusColumns.map((c) => [c.key, c]));

/** The columns whose content the import records. */
export const valueColumns: StatusColumnKey[] = ['status', 'progress', 'text'];

const headingIndex = new Map<string, StatusColumnKey>();
for (const c of statusColumns) for (const h of [c.heading, ...c.aliases]) headingIndex.set(fold(h), c.key);

/** The column a heading names, if any ("Fortschritt (%)", "fortschritt" → progress). */
export function matchStatusHeading(heading: string): StatusColumnKey | undefined {
  const f = fold(heading);
  return f ? headingIndex.get(f) : undefined;
}

const yes = new Set(['ja', 'j', 'x', 'yes', 'y', 'wahr', 'true', '1', 'oeffentlich']);
const no = new Set(['nein', 'n', 'no', 'falsch', 'false', '0', 'intern', '']);

/** "ja"/"nein" (also x, 1/0, wahr/falsch; blank = nein) → boolean; anything else → undefined. */
export function parseYesNo(value: string): boolean | undefined {
  const f = fold(value);
  if (yes.has(f)) return true;
  if (no.has(f)) return false;
  return undefined;
}

export const yesNo = (b: boolean) => (b ? 'ja' : 'nein');

/**
 * "40", "40 %", "40,0" → 40; blank → null; anything else → undefined (not a number) or the
 * number itself (the caller checks whole percent and range).
 */
export function parsePercent(value: string): number | null | undefined {
  const v = value.replace(/%/g, '').replace(/\s/g, '');
  if (!v) return null;
  const n = Number(v.replace(',', '.'));
  return /^-?\d+([.,]\d+)?$/.test(v) && Number.isFinite(n) ? n : undefined;
}

/** Texts compared the way people see them: trimmed, line endings and runs of spaces folded. */
export const sameText = (a: string | null | undefined, b: string | null | undefined) => norm(a) === norm(b);
const norm = (s: string | null | undefined) => (s ?? '').replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
