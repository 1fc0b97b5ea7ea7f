import type ExcelJS from 'exceljs';
import type { T } from '../../platform/i18n/i18n.js';
import { diffKinds, fieldLabelKeys, type DiffKind, type EditionDiff, type EditionSnapshot } from './diff.js';

/** Sheet names (Excel allows 31 characters, no []:*?/\). */
export const sheetKeys: Record<DiffKind, string> = {
  guidelines: 'fortschreibung.kind.guidelines',
  fields: 'fortschreibung.kind.fields',
  goals: 'fortschreibung.kind.goals',
  measures: 'fortschreibung.kind.measures',
};

/** The rows of one sheet: per changed field one row; added and removed items with every field that has a value. */
export function diffRows(t: T, diff: EditionDiff, kind: DiffKind): string[][] {
  return diff.items[kind].flatMap((item) => {
    const change = t(`fortschreibung.change.${item.change}`);
    if (item.fields.length === 0) return [[change, item.number, item.title, '', '', '']];
    return item.fields.map((f) => [change, item.number, item.title, t(fieldLabelKeys[f.field] ?? f.field), f.before, f.after]);
  });
}

/** "aenderungen-integrationskonzept-2024-zu-integrationskonzept-2026.xlsx" */
export function diffFileName(a: { title: string }, b: { title: string }): string {
  const slug = (s: string) =>
    s
      .normalize('NFC')
      .toLowerCase()
      .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'fassung';
  return `aenderungen-${slug(a.title)}-zu-${slug(b.title)}.xlsx`;
}

/**
 * The comparison for the committee: one sheet per kind (Leitlinien, Themenfelder, Ziele,
 * Maßnahmen) with the columns Art der Änderung, Nr., Titel, Feld, bisher, neu.
 */
export async function diffToXlsx(t: T, diff: EditionDiff, a: EditionSnapshot, b: EditionSnapshot): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on the first export: ~170 ms of CPU at every start otherwise
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ikon';
  workbook.created = new Date();
  workbook.title = t('fortschreibung.compare.file_title', { from: a.edition.title, to: b.edition.title });
  const headings = ['change', 'number', 'title', 'field', 'before', 'after'].map((k) => t(`fortschreibung.column.${k}`));
  const widths = [18, 9, 48, 24, 50, 50];
  for (const kind of diffKinds) {
    const sheet = workbook.addWorksheet(t(sheetKeys[kind]), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = headings.map((header, i) => ({ header, key: String(i), width: widths[i] }));
    sheet.getRow(1).font = { bold: true };
    for (const row of diffRows(t, diff, kind)) sheet.addRow(row);
    for (const i of [3, 5, 6]) sheet.getColumn(i).alignment = { wrapText: true, vertical: 'top' };
    for (const i of [1, 2, 4]) sheet.getColumn(i).alignment = { vertical: 'top' };
    sheet.getRow(1).alignment = { vertical: 'middle' };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headings.length } };
  }
  // Implementation state (status, progress, weight) apart from the content changes.
  const state = workbook.addWorksheet(t('fortschreibung.compare.implementation'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const stateHeadings = ['number', 'title', 'field', 'before', 'after'].map((k) => t(`fortschreibung.column.${k}`));
  state.columns = stateHeadings.map((header, i) => ({ header, key: String(i), width: [9, 48, 18, 24, 24][i] }));
  state.getRow(1).font = { bold: true };
  for (const item of diff.implementation) for (const f of item.fields) state.addRow([item.number, item.title, t(fieldLabelKeys[f.field] ?? f.field), f.before, f.after]);
  state.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: stateHeadings.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
