import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import Papa from 'papaparse';
import { offThread } from '../threads/task-thread.js';
import { fileProblem, importRejected, problemsOf } from './problems.js';
import { readXlsx, type SheetRowSink } from './xlsx.js';
import { ZipRefused } from './zip.js';

/** A table as read from a file: every cell as text, rows numbered as Excel shows them. */
export interface RawTable {
  headerRow: number;
  headings: string[];
  rows: RawRow[];
}
export interface RawRow {
  row: number;
  cells: string[];
  /**
   * Per cell: an .xlsx number or date cell (its text is "0.5" or "2026-01-31" whatever the
   * locale). Text cells and every CSV cell are written as a person or a program formatted them.
   */
  typed?: boolean[];
}

/**
 * What a spreadsheet upload may hold (measure table, status table, indicator values). Checked
 * while the file is read, so memory stays bounded whatever the file claims: see
 * docs/decisions.md ("Spreadsheet uploads").
 */
export const uploadLimits = {
  /** The file as uploaded. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Rows with content below the heading row. */
  maxRows: 5000,
  /** Columns with content (A … CV). */
  maxColumns: 100,
  /** Characters in one cell (Excel's own limit). */
  maxCellChars: 32_767,
  /** Everything an .xlsx unpacks to (sheet, shared strings, styles, workbook). */
  maxUnpackedBytes: 50 * 1024 * 1024,
};
export const maxFileBytes = uploadLimits.maxFileBytes;
export const maxRows = uploadLimits.maxRows;

/** Column letters as Excel shows them (1 → A, 100 → CV). */
export function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The limits in the words of the upload forms' hint (`spreadsheet.file_hint`). */
export const limitParams = {
  maxMb: uploadLimits.maxFileBytes / 1024 / 1024,
  maxRows: uploadLimits.maxRows.toLocaleString('de-DE'),
  maxColumns: uploadLimits.maxColumns,
  lastColumn: columnLetters(uploadLimits.maxColumns),
  maxUnpackedMb: uploadLimits.maxUnpackedBytes / 1024 / 1024,
};

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
const isOldExcel = (bytes: Uint8Array) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]);

/** The CSV export guards cells that spreadsheets would run as formulas with a leading '. */
export const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/**
 * A row as the task thread sends it: its cells joined by NUL (which neither XML nor an accepted
 * CSV can hold) and the indexes of its typed cells. 500,000 cells as 500,000 strings cost the
 * structured clone and both threads' heaps ~50 MB more than 5,000 strings do (the largest workbook:
 * 135–142 → 89–90 MB above idle; docs/decisions.md, "The reader's memory-peak test").
 */
interface PackedRow {
  row: number;
  text: string;
  typed?: number[];
}
const cellSeparator = '\u0000';

const unpack = (r: PackedRow): RawRow => {
  const cells = r.text.split(cellSeparator);
  if (!r.typed) return { row: r.row, cells };
  const typed: boolean[] = [];
  for (const i of r.typed) typed[i] = true;
  return { row: r.row, cells, typed };
};

/**
 * Collects the rows with content and enforces the row and column limits as they arrive: a file
 * over a limit is refused at the first row or cell beyond it, before the rest is read.
 */
class TableCollector implements SheetRowSink {
  readonly maxColumns = uploadLimits.maxColumns;
  readonly maxCellChars = uploadLimits.maxCellChars;
  readonly rows: PackedRow[] = [];

  row(row: number, cells: string[], typed?: boolean[]) {
    // The heading row plus maxRows rows below it.
    if (this.rows.length > uploadLimits.maxRows) throw importRejected([fileProblem('spreadsheet.error.too_many_rows', { max: limitParams.maxRows })]);
    if (!typed) {
      this.rows.push({ row, text: cells.join(cellSeparator) });
      return;
    }
    // A CSV export's guard (' before =, +, -, @) stays literal text when a spreadsheet opened the
    // CSV and saved it as .xlsx: take it off there too. (join writes '' for the sparse row's holes.)
    const text = Array.from(cells, (c, i) => (c === undefined ? '' : typed[i] ? c : unguard(c))).join(cellSeparator);
    const typedAt: number[] = [];
    typed.forEach((t, i) => t && typedAt.push(i));
    this.rows.push({ row, text, typed: typedAt });
  }

  cellBeyond(reference: string) {
    throw importRejected([fileProblem('spreadsheet.error.too_many_columns', { cell: reference, max: uploadLimits.maxColumns, last: columnLetters(uploadLimits.maxColumns) })]);
  }

  cellTooLong(reference: string) {
    const max = this.maxCellChars.toLocaleString('de-DE');
    throw importRejected([reference ? fileProblem('spreadsheet.error.cell_too_long', { cell: reference, max }) : fileProblem('spreadsheet.error.a_cell_too_long', { max })]);
  }

  /** Whether a CSV record has content, refusing content beyond the last column or too long. */
  hasContent(row: number, cells: string[]): boolean {
    let filled = false;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (cell.length > this.maxCellChars) this.cellTooLong(`${columnLetters(i + 1)}${row}`);
      if (cell.trim() === '') continue;
      if (i >= this.maxColumns) this.cellBeyond(`${columnLetters(i + 1)}${row}`);
      filled = true;
    }
    return filled;
  }

}

/**
 * The table of the rows read: headings and rows below them, every row as wide as the widest.
 * On the request thread: the rows come from the task thread (readRows), the heading test is a function.
 */
function tableOf(packed: PackedRow[], isHeading?: (heading: string) => boolean): RawTable {
  const read = packed.map(unpack);
  const [header, ...rows] = read.slice(headerIndex(read, isHeading));
  if (!header) throw importRejected([fileProblem('spreadsheet.error.empty')]);
  const width = Math.max(...read.map((r) => r.cells.length));
  const dense = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  return {
    headerRow: header.row,
    headings: dense(header.cells).map((c) => c.replace(/\s+/g, ' ').trim()),
    rows: rows.map((r) => (r.typed ? { row: r.row, cells: dense(r.cells), typed: Array.from({ length: width }, (_, i) => r.typed![i] === true) } : { row: r.row, cells: dense(r.cells) })),
  };
}

/**
 * The heading row: the first row, unless rows above the table hold a title ("Angebote im
 * Landkreis, Stand 03/2026"): then the row among the first few that names the most known columns.
 */
function headerIndex(rows: RawRow[], isHeading?: (heading: string) => boolean): number {
  if (!isHeading) return 0;
  let best = { index: 0, known: 0 };
  rows.slice(0, maxTitleRows + 1).forEach((r, index) => {
    const known = r.cells.filter((c) => c && isHeading(c.replace(/\s+/g, ' ').trim())).length;
    if (known > best.known) best = { index, known };
  });
  return best.index;
}

/**
 * Reads an .xlsx or a ;-separated .csv (UTF-8 with or without BOM; Windows-1252 as a fallback),
 * streaming: the limits above are checked while reading, the event loop is served in between.
 * The one reader of every spreadsheet import.
 */
export interface ReadOptions {
  /** Whether a cell names a column of the import: finds the heading row below title rows. */
  isHeading?: (heading: string) => boolean;
  /** Sheets to read first (their name); otherwise the first sheet with content. */
  sheet?: RegExp;
}

/** Rows above the headings that may hold a title, a date, a note. */
export const maxTitleRows = 9;

export async function readTable(bytes: Uint8Array, fileName = '', opts: ReadOptions = {}): Promise<RawTable> {
  // Unpacking and parsing a 5,000-row file took up to ~0.4 s of CPU in stretches that held every
  // other request (issue 8.4): the task thread reads, this thread only finds the headings.
  if (bytes.length === 0) throw importRejected([fileProblem('spreadsheet.error.no_file')]);
  if (bytes.length > maxFileBytes) throw importRejected([fileProblem('spreadsheet.error.too_large', { max: limitParams.maxMb })]);
  if (isOldExcel(bytes) || /\.xls$/i.test(fileName)) throw importRejected([fileProblem('spreadsheet.error.old_excel')]);
  return tableOf(await offThread<PackedRow[]>(import.meta.url, 'readRows', [bytes, opts.sheet]), opts.isHeading);
}

/** readTable's reading, in the task thread: the rows with content, the limits enforced as they arrive (checked file). */
export async function readRows(bytes: Uint8Array, sheet: RegExp | undefined): Promise<PackedRow[]> {
  const collector = new TableCollector();
  if (isZip(bytes)) await readXlsxInto(bytes, collector, sheet);
  else await readCsvInto(bytes, collector);
  return collector.rows;
}

/**
 * A further sheet of an .xlsx (the contact persons beside the actors), read like the first;
 * undefined for a CSV file and for a workbook without a sheet of that name with content.
 */
export async function readNamedSheet(bytes: Uint8Array, sheet: RegExp, isHeading?: (heading: string) => boolean): Promise<RawTable | undefined> {
  if (!isZip(bytes)) return undefined;
  const rows = await offThread<PackedRow[] | undefined>(import.meta.url, 'readNamedRows', [bytes, sheet]);
  return rows && tableOf(rows, isHeading);
}

/** readNamedSheet's reading, in the task thread. */
export async function readNamedRows(bytes: Uint8Array, sheet: RegExp): Promise<PackedRow[] | undefined> {
  const collector = new TableCollector();
  return (await readXlsxInto(bytes, collector, sheet, true)) ? collector.rows : undefined;
}

async function readXlsxInto(bytes: Uint8Array, collector: TableCollector, sheet?: RegExp, only = false): Promise<boolean> {
  try {
    return await readXlsx(bytes, uploadLimits.maxUnpackedBytes, collector, sheet, only);
  } catch (e) {
    if (problemsOf(e)) throw e;
    if (e instanceof ZipRefused && e.reason === 'too_big') throw importRejected([fileProblem('spreadsheet.error.unpacked_too_large', { max: limitParams.maxUnpackedMb })]);
    // Broken archives, missing parts, malformed XML: the file is not a spreadsheet we can read.
    throw importRejected([fileProblem('spreadsheet.error.unreadable')]);
  }
}

// ---- csv ------------------------------------------------------------------------------------

function decode(bytes: Uint8Array): string {
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Excel's "CSV (Trennzeichen-getrennt)" on German Windows still writes Windows-1252.
    return new TextDecoder('windows-1252').decode(body);
  }
}


const csvChunkChars = 256 * 1024;

/** The text in pieces, one per turn of the event loop. */
function chunked(text: string): Readable {
  return Readable.from(
    (async function* () {
      for (let i = 0; i < text.length; i += csvChunkChars) {
        yield text.slice(i, i + csvChunkChars);
        await nextTurn();
      }
    })(),
    { objectMode: true },
  );
}

/** Papa Parse over the text in chunks, record by record; stops at the first record over a limit. */
async function readCsvInto(bytes: Uint8Array, collector: TableCollector) {
  const text = decode(bytes);
  if (text.includes('\u0000')) throw importRejected([fileProblem('spreadsheet.error.unreadable')]);
  // From the first lines, not the first alone: a title row above the table has no separators.
  const head = text.slice(0, 64 * 1024).split(/\r?\n/, maxTitleRows + 2).join('\n');
  const delimiter = head.includes(';') ? ';' : head.includes('\t') ? '\t' : ',';
  let record = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(chunked(text) as unknown as File, {
      delimiter,
      skipEmptyLines: false,
      step(result, parser) {
        record++;
        try {
          if (collector.hasContent(record, result.data)) collector.row(record, result.data.map(unguard));
        } catch (e) {
          reject(e); // first: abort() calls complete() at once
          parser.abort();
        }
      },
      complete: () => resolve(),
      error: () => reject(importRejected([fileProblem('spreadsheet.error.unreadable')])),
    });
  });
}
