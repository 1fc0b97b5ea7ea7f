import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { fileProblem, importRejected } from './problems.js';

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

export const maxFileBytes = 5 * 1024 * 1024;
export const maxRows = 5000;

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
const isOldExcel = (bytes: Uint8Array) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]);

/** Reads an .xlsx or a ;-separated .csv (UTF-8 with or without BOM; Windows-1252 as a fallback). */
export async function readTable(bytes: Uint8Array, fileName = ''): Promise<RawTable> {
  if (bytes.length === 0) throw importRejected([fileProblem('transfer.error.no_file')]);
  if (bytes.length > maxFileBytes) throw importRejected([fileProblem('transfer.error.too_large', { max: 5 })]);
  if (isOldExcel(bytes) || /\.xls$/i.test(fileName)) throw importRejected([fileProblem('transfer.error.old_excel')]);
  const grid = isZip(bytes) ? await xlsxGrid(bytes) : csvGrid(bytes);
  return tableOf(grid);
}

function tableOf(grid: RawRow[]): RawTable {
  const filled = grid.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = filled[0];
  if (!header) throw importRejected([fileProblem('transfer.error.empty')]);
  const rows = filled.slice(1);
  if (rows.length > maxRows) throw importRejected([fileProblem('transfer.error.too_many_rows', { max: maxRows })]);
  return { headerRow: header.row, headings: header.cells.map((c) => c.replace(/\s+/g, ' ').trim()), rows };
}

// ---- xlsx -----------------------------------------------------------------------------------

async function xlsxGrid(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as any);
  } catch {
    throw importRejected([fileProblem('transfer.error.unreadable')]);
  }
  // The first sheet that has content; a workbook may start with an empty or explanatory sheet.
  const sheets = workbook.worksheets.filter((ws) => ws.actualRowCount > 0);
  const sheet = sheets.find((ws) => /ma(ß|ss)nahmen/i.test(ws.name)) ?? sheets[0];
  if (!sheet) throw importRejected([fileProblem('transfer.error.empty')]);
  const grid: RawRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const typed: boolean[] = [];
    for (let i = 1; i <= width; i++) {
      const value = row.getCell(i).value;
      cells.push(cellText(value));
      typed.push(isTyped(value));
    }
    grid.push({ row: rowNumber, cells, typed });
  });
  return grid;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel stores dates as days; exceljs hands them over as UTC midnight (rounded, to be safe). */
function isoFromDate(d: Date): string {
  const day = new Date(Math.round(d.getTime() / 86_400_000) * 86_400_000);
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

/** A number or date cell (also as a formula's result). */
function isTyped(v: ExcelJS.CellValue): boolean {
  if (typeof v === 'number' || v instanceof Date) return true;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return isTyped((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  return false;
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return isoFromDate(v);
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue);
  return ''; // error values (#N/A …)
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

/** The CSV export guards cells that spreadsheets would run as formulas with a leading '. */
export const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function csvGrid(bytes: Uint8Array) {
  const text = decode(bytes);
  if (text.includes('\u0000')) throw importRejected([fileProblem('transfer.error.unreadable')]);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  return parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map(unguard) }));
}
