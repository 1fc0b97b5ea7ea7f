import { fold } from './cells.js';
import type { RawTable } from './parse.js';
import type { ImportProblem } from './problems.js';

/**
 * Which column of a file holds what: headings are matched leniently (fold), a person maps the
 * headings ikon does not know to its columns (the preview offers a choice per unknown heading),
 * and every import reports missing or doubled columns the same way.
 */
export interface ColumnSpec<K extends string = string> {
  key: K;
  /** The heading the export writes. */
  heading: string;
  /** Other headings real tables use for the same column. */
  aliases: readonly string[];
}

/** The column a heading names, by the export's heading or an alias; "Zielgruppen" finds "Zielgruppe" too. */
export function headingMatcher<K extends string>(columns: readonly ColumnSpec<K>[]): (heading: string) => K | undefined {
  const index = new Map<string, K>();
  for (const c of columns) for (const h of [c.heading, ...c.aliases]) index.set(fold(h), c.key);
  return (heading) => {
    const f = fold(heading);
    if (!f) return undefined;
    return index.get(f) ?? (f.endsWith('n') ? index.get(f.slice(0, -1)) : undefined);
  };
}

/** What a person chose for headings ikon did not know: heading position (0 = column A) → column key, '' = leave aside. */
export type ColumnMapping = ReadonlyMap<number, string>;

const mappingField = /^(?:([a-z0-9]{1,30})_)?spalte_(\d{1,3})$/;
/**
 * The form fields `spalte_<position>` of the mapping choice; a further sheet of the same file (the
 * contact persons beside the actors) has its own, named after it: `ansprechpersonen_spalte_<position>`.
 */
export const mappingFieldName = (index: number, sheet = '') => `${sheet ? `${fold(sheet)}_` : ''}spalte_${index}`;

/** The mapping from a submitted form (of the first sheet, or of the sheet named); keys that are no column of the import are dropped by `layoutColumns`. */
export function mappingFrom(body: Record<string, unknown>, sheet = ''): ColumnMapping {
  const out = new Map<number, string>();
  for (const [name, value] of Object.entries(body)) {
    const m = mappingField.exec(name);
    if (m && (m[1] ?? '') === fold(sheet) && typeof value === 'string') out.set(Number(m[2]), value.slice(0, 60));
  }
  return out;
}

export interface UnknownHeading {
  index: number;
  heading: string;
  /** The column the person mapped it to, if any. */
  mappedTo?: string;
}

export interface ColumnLayout<K extends string> {
  /** Where each recognised (or mapped) column is. */
  at: Map<K, number>;
  /** Headings ikon does not know by themselves, with what the person chose for them. */
  unknown: UnknownHeading[];
  problems: ImportProblem[];
}

/**
 * Where each column is: by heading, or by the person's mapping for a heading ikon does not know.
 * A column found twice or a required one missing is a problem at the heading row.
 */
export function layoutColumns<K extends string>(table: RawTable, columns: readonly ColumnSpec<K>[], required: readonly K[], mapping: ColumnMapping = new Map()): ColumnLayout<K> {
  const match = headingMatcher(columns);
  const keys = new Set<string>(columns.map((c) => c.key));
  const at = new Map<K, number>();
  const unknown: UnknownHeading[] = [];
  const problems: ImportProblem[] = [];
  table.headings.forEach((heading, i) => {
    if (!heading) return;
    const known = match(heading);
    const chosen = mapping.get(i);
    const key = known ?? (chosen && keys.has(chosen) ? (chosen as K) : undefined);
    if (!known) unknown.push({ index: i, heading, mappedTo: key });
    if (!key) return;
    if (at.has(key)) problems.push({ row: table.headerRow, column: heading, messageKey: 'spreadsheet.error.column_twice', params: { other: table.headings[at.get(key)!]! } });
    else at.set(key, i);
  });
  for (const key of required) {
    if (!at.has(key)) problems.push({ row: table.headerRow, column: columns.find((c) => c.key === key)!.heading, messageKey: 'spreadsheet.error.column_missing' });
  }
  return { at, unknown, problems };
}
