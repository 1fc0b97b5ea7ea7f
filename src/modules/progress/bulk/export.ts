import type ExcelJS from 'exceljs';
import type { Db } from '../../../db/client.js';
import type { Edition } from '../../concepts/index.js';
import type { MeasureStatus } from '../../measures/schema.js';
import { linksOf, listMeasures, statusLabels, exportFileName } from '../../measures/index.js';
import { latestUpdates } from '../updates.js';
import { statusColumns, yesNo, type StatusColumnKey } from './columns.js';

/** One measure as the status table shows it: what it is, and its latest reported Sachstand. */
export interface StatusRow {
  measureId: string;
  number: string;
  title: string;
  leadActorId: string | null;
  lead: string;
  partnerActorIds: string[];
  status: MeasureStatus;
  /** The measure's current progress (null until the first report). */
  progress: number | null;
  /** Text, date and visibility of the latest Sachstandsmeldung ('' / null / false without one). */
  text: string;
  reportedOn: string | null;
  isPublic: boolean;
  version: number;
}

/** The edition's measures in display order, each with its latest Sachstandsmeldung. */
export async function statusRows(db: Db, tenantId: string, editionId: string): Promise<StatusRow[]> {
  const list = await listMeasures(db, tenantId, editionId);
  const ids = list.map((m) => m.id);
  const latest = await latestUpdates(db, tenantId, ids);
  const links = await linksOf(db, tenantId, ids);
  return list.map((m) => {
    const u = latest.get(m.id);
    return {
      measureId: m.id,
      number: m.number,
      title: m.title,
      leadActorId: m.leadActorId,
      lead: m.leadActorName ?? '',
      partnerActorIds: links.get(m.id)?.partnerActorIds ?? [],
      status: m.status,
      progress: m.progress,
      text: u?.text ?? '',
      reportedOn: u?.reportedOn ?? null,
      isPublic: u?.isPublic ?? false,
      version: m.version,
    };
  });
}

/** "Integrationskonzept 2024" → "sachstand-integrationskonzept-2024.xlsx". */
export const statusFileName = (edition: Pick<Edition, 'title'>) => exportFileName(edition, 'xlsx').replace(/^massnahmen-/, 'sachstand-');

const referenceFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };

/**
 * .xlsx with one sheet "Sachstand": bold frozen heading row with autofilter; the reference
 * columns greyed; drop-down lists for Status and öffentlich, whole numbers 0–100 for Fortschritt,
 * real dates for Stand. The sheet is not protected: people add rows, sort and filter, and the
 * import tells them what it ignores.
 */
export async function toStatusXlsx(rows: StatusRow[], title: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on the first export: ~170 ms of CPU at every start otherwise
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ikon';
  workbook.created = new Date();
  workbook.title = title;
  const sheet = workbook.addWorksheet('Sachstand', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = statusColumns.map((c) => ({ header: c.heading, key: c.key, width: c.width }));
  for (const r of rows) {
    const value: Record<StatusColumnKey, ExcelJS.CellValue> = {
      number: r.number,
      title: r.title,
      lead: r.lead,
      status: statusLabels[r.status],
      progress: r.progress,
      text: r.text,
      reportedOn: r.reportedOn ? new Date(`${r.reportedOn}T00:00:00Z`) : null,
      isPublic: yesNo(r.isPublic),
    };
    sheet.addRow(statusColumns.map((c) => value[c.key]));
  }
  const statusList = `"${Object.values(statusLabels).join(',')}"`;
  statusColumns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.alignment = { vertical: 'top', wrapText: c.key === 'title' || c.key === 'text' };
    if (c.key === 'progress') column.numFmt = '0';
    if (c.key === 'reportedOn') column.numFmt = 'dd.mm.yyyy';
    column.eachCell({ includeEmpty: true }, (cell, rowNumber) => {
      if (rowNumber === 1) return;
      if (c.reference) cell.fill = referenceFill;
      if (c.key === 'status') cell.dataValidation = { type: 'list', allowBlank: false, formulae: [statusList], showErrorMessage: true, errorTitle: 'Status', error: `Bitte einen dieser Werte wählen: ${Object.values(statusLabels).join(', ')}` };
      if (c.key === 'isPublic') cell.dataValidation = { type: 'list', allowBlank: true, formulae: ['"ja,nein"'], showErrorMessage: true, errorTitle: 'öffentlich', error: 'Bitte „ja“ oder „nein“ wählen.' };
      if (c.key === 'progress') cell.dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, errorTitle: 'Fortschritt %', error: 'Bitte eine ganze Zahl von 0 bis 100 eingeben.' };
    });
  });
  const heading = sheet.getRow(1);
  heading.font = { bold: true };
  heading.alignment = { vertical: 'middle' };
  statusColumns.forEach((c, i) => {
    if (c.reference) heading.getCell(i + 1).note = 'Nur zur Orientierung: Änderungen in dieser Spalte werden beim Import nicht übernommen.';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: statusColumns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
