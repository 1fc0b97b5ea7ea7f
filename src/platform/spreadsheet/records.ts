import { fold } from './cells.js';
import { layoutColumns, type ColumnMapping, type ColumnSpec, type UnknownHeading } from './headings.js';
import type { RawTable } from './parse.js';
import type { ImportProblem } from './problems.js';

/**
 * Importing a directory table (actors, offers, …): one row per record, matched to a stored record
 * by its id (the export writes it, so an edited export updates what it came from) or, for rows
 * without id, by name (a new row whose name exists updates that record instead of doubling it).
 * Every row is read and compared before anything is written; the caller writes all or nothing.
 * Comparing is done on the cells as the export writes them, so an export imported again changes nothing.
 */
export interface RecordColumn<K extends string = string> extends ColumnSpec<K> {
  /** Export column width in characters. */
  width: number;
  /** How the export writes the cell (text by default); numbers and dates as real spreadsheet values. */
  kind?: 'text' | 'number' | 'date';
  /** Long text: wrapped in the export. */
  wrap?: boolean;
  /** An Excel number format of its own (e.g. '#,##0.00' for euros) instead of the kind's. */
  format?: string;
}

/** One cell as read: its text, and whether an .xlsx stored it as a number or date. */
export interface Cell {
  text: string;
  typed: boolean;
}

/** A row's problem in one column, in the catalog's words. */
export interface CellProblem<K extends string> {
  key: K;
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface RecordImportSpec<K extends string, D, E> {
  columns: readonly RecordColumn<K>[];
  required: readonly K[];
  /** The column with the stored record's id. */
  idColumn: K;
  /** The column with its name (matched ignoring case, umlaut spelling and punctuation). */
  nameColumn: K;
  existing: readonly E[];
  idOf: (e: E) => string;
  nameOf: (e: E) => string;
  /** How the preview names a row's record, if not by its name alone (a person with her actor). */
  labelOf?: (d: D) => string;
  /** Where a name is unique only within something (a person within her actor): the key a row without id is matched by. */
  nameKey?: { ofCells: (cells: Partial<Record<K, Cell>>) => string; ofExisting: (e: E) => string };
  /**
   * The record a row describes, from the cells of the file's columns (`present`); columns the
   * file lacks keep the stored values of `existing` (or defaults for a new record).
   */
  read: (cells: Partial<Record<K, Cell>>, existing: E | undefined) => { data: D } | { problems: CellProblem<K>[] };
  /** Each column as the export writes it, for the stored record and for what the row would store. */
  showExisting: (e: E) => Record<K, string>;
  showData: (d: D) => Record<K, string>;
}

/** One changed cell of the preview: the column as the file names it, before and after. */
export interface CellChange {
  key: string;
  column: string;
  before: string;
  after: string;
}

export interface PlannedRecord<D, E> {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  label: string;
  data: D;
  existing?: E;
  changes: CellChange[];
}

export interface RecordPlan<K extends string, D, E> {
  problems: ImportProblem[];
  rows: PlannedRecord<D, E>[];
  counts: { created: number; updated: number; unchanged: number };
  /** Headings ikon did not know (mapped by the person, or left aside). */
  unknown: UnknownHeading[];
  /** The columns the file has. */
  present: K[];
  /**
   * A further sheet the import reads too (contact persons beside actors): its changes (the preview
   * offers to confirm them) and the headings ikon did not know there (mapped in the same form).
   */
  further?: { changes: number; unknown: UnknownHeading[] };
}

/** Reads, matches and compares every row; problems name the row and the column as the file shows them. */
export function planRecords<K extends string, D, E>(spec: RecordImportSpec<K, D, E>, table: RawTable, mapping?: ColumnMapping): RecordPlan<K, D, E> {
  const layout = layoutColumns(table, spec.columns, spec.required, mapping);
  const problems = [...layout.problems];
  const present = [...layout.at.keys()];
  const plan: RecordPlan<K, D, E> = { problems, rows: [], counts: { created: 0, updated: 0, unchanged: 0 }, unknown: layout.unknown, present };
  if (problems.length) return plan;
  if (table.rows.length === 0) {
    problems.push({ row: null, column: null, messageKey: 'spreadsheet.error.no_rows' });
    return plan;
  }
  const heading = (key: K) => (layout.at.has(key) ? table.headings[layout.at.get(key)!]! : spec.columns.find((c) => c.key === key)!.heading);
  const byId = new Map(spec.existing.map((e) => [spec.idOf(e).toLowerCase(), e]));
  const byName = new Map<string, E>();
  for (const e of spec.existing) byName.set(spec.nameKey ? spec.nameKey.ofExisting(e) : fold(spec.nameOf(e)), e);
  const seen = new Map<E | string, number>();

  for (const raw of table.rows) {
    const cells: Partial<Record<K, Cell>> = {};
    for (const [key, i] of layout.at) cells[key] = { text: (raw.cells[i] ?? '').trim(), typed: raw.typed?.[i] === true };
    const fail = (key: K, messageKey: string, params?: Record<string, string | number>) => problems.push({ row: raw.row, column: heading(key), messageKey, params });
    const id = cells[spec.idColumn]?.text ?? '';
    const name = cells[spec.nameColumn]?.text ?? '';
    let existing: E | undefined;
    if (id) {
      existing = byId.get(id.toLowerCase());
      // An id ikon does not have (another Kommune's, a deleted record's) must not silently become a new record.
      if (!existing) {
        fail(spec.idColumn, 'spreadsheet.error.unknown_id', { id: id.slice(0, 40) });
        continue;
      }
    }
    const nameKey = name ? (spec.nameKey ? spec.nameKey.ofCells(cells) : fold(name)) : '';
    if (!id && nameKey) existing = byName.get(nameKey);
    const key = existing ?? nameKey;
    if (key && seen.has(key)) {
      fail(existing ? spec.idColumn : spec.nameColumn, 'spreadsheet.error.row_twice', { other: seen.get(key)! });
      continue;
    }
    if (key) seen.set(key, raw.row);
    const result = spec.read(cells, existing);
    if ('problems' in result) {
      for (const p of result.problems) fail(p.key, p.messageKey, p.params);
      continue;
    }
    const after = spec.showData(result.data);
    const label = spec.labelOf?.(result.data) ?? after[spec.nameColumn] ?? name;
    if (!existing) {
      plan.rows.push({ row: raw.row, action: 'create', label, data: result.data, changes: [] });
      plan.counts.created++;
      continue;
    }
    const before = spec.showExisting(existing);
    const changes = present
      .filter((k) => k !== spec.idColumn && before[k] !== after[k])
      .map((k) => ({ key: k as string, column: heading(k), before: before[k], after: after[k] }));
    plan.rows.push({ row: raw.row, action: changes.length ? 'update' : 'unchanged', label, data: result.data, existing, changes });
    plan.counts[changes.length ? 'updated' : 'unchanged']++;
  }
  return plan;
}

/** Field errors of a service's input check (by its field names) as problems of the row's columns. */
export function cellProblemsOf<K extends string>(errors: { field: string; messageKey: string; params?: Record<string, string | number> }[], columnOf: Record<string, K>, fallback: K): CellProblem<K>[] {
  return errors.map((e) => ({ key: columnOf[e.field.split('.')[0]!] ?? fallback, messageKey: e.messageKey, params: e.params }));
}
