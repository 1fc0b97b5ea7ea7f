import { guardFormula, spreadsheetCsv } from '../csv.js';
import { germanDate, germanDecimal } from '../i18n/german.js';
import type { RecordColumn } from './records.js';

/** A cell of an export: text, a number, or a date (ISO). */
export type ExportCell = string | number | { date: string } | null;

export interface ExportSheet {
  name: string;
  columns: readonly RecordColumn[];
  rows: ExportCell[][];
}

const numberFormat = { number: '#,##0.######', date: 'dd.mm.yyyy' } as const;

/** .xlsx: one sheet per table, bold frozen heading row with autofilter, widths, real dates and numbers. */
export async function sheetsToXlsx(sheets: ExportSheet[], title: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on the first export, not at start-up
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ikon';
  workbook.created = new Date();
  workbook.title = title;
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = s.columns.map((c) => ({ header: c.heading, key: c.key, width: c.width }));
    for (const r of s.rows) {
      sheet.addRow(
        r.map((v) => {
          if (v && typeof v === 'object') {
            const [y, m, d] = v.date.split('-').map(Number);
            return new Date(Date.UTC(y!, m! - 1, d!));
          }
          return v;
        }),
      );
    }
    s.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      const format = c.format ?? (c.kind && c.kind !== 'text' ? numberFormat[c.kind] : undefined);
      if (format) column.numFmt = format;
      column.alignment = c.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
    });
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { vertical: 'middle' };
    if (s.columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell as a German spreadsheet program reads it from .csv: German dates and decimals, formulas guarded. */
export const csvCellText = (v: ExportCell): string =>
  v == null ? '' : typeof v === 'number' ? germanDecimal(v) : typeof v === 'object' ? germanDate(v.date) : guardFormula(v);

/** One table as .csv for German spreadsheet programs. */
export function sheetToCsv(sheet: ExportSheet): string {
  return spreadsheetCsv(sheet.columns.map((c) => c.heading), sheet.rows.map((r) => r.map(csvCellText)));
}

/** Headers of a file download (the name also in UTF-8 for umlauts). */
export function downloadHeaders(name: string, ext: 'xlsx' | 'csv'): Record<string, string> {
  return {
    'content-type': ext === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'private, no-store',
  };
}
