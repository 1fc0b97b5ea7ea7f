import Papa from 'papaparse';

/** Cells a spreadsheet would run as a formula get a leading ' (imports remove it again). */
export const guardFormula = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** A .csv as German spreadsheet programs expect it: ; separated, UTF-8 with BOM (umlauts), CRLF. */
export function spreadsheetCsv(headings: string[], rows: string[][]): string {
  return `\uFEFF${Papa.unparse({ fields: headings, data: rows }, { delimiter: ';', newline: '\r\n' })}\r\n`;
}
