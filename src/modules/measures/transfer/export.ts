import type ExcelJS from 'exceljs';
import { guardFormula, spreadsheetCsv } from '../../../platform/csv.js';
import type { Db } from '../../../db/client.js';
import type { Edition } from '../../concepts/index.js';
import { columns, fold, horizonLabels, priorityLabels, statusLabels, type ColumnKey } from './columns.js';
import { germanDate, germanDecimal } from '../../../platform/i18n/german.js';
import { loadReferences } from './references.js';

/** A cell of the export: text, a number, or a date (ISO). */
export type ExportCell = string | number | { date: string } | null;
export interface ExportTable {
  headings: string[];
  rows: ExportCell[][];
}

const joined = (xs: string[]) => xs.join('; ');

/** The edition's measures as a table with every column the import reads, in display order. */
export async function exportTable(db: Db, tenantId: string, editionId: string): Promise<ExportTable> {
  const refs = await loadReferences(db, tenantId, editionId);
  const fieldTitle = new Map(refs.fields.map((f) => [f.id, f.title]));
  const fieldPosition = new Map(refs.fields.map((f) => [f.id, f.position]));
  const goalIndex = new Map(refs.goals.map((g, i) => [g.id, { label: `${g.number} ${g.title}`, i }]));
  const actorName = new Map(refs.actors.map((a) => [a.id, a.name]));
  const place = new Map(refs.municipalities.map((m) => [m.id, m.name]));
  const names = (ids: string[], of: Map<string, string>) => joined(ids.map((id) => of.get(id) ?? '').filter(Boolean).sort((a, b) => a.localeCompare(b, 'de')));

  const rows = refs.measures.map((m) => {
    const goals = m.goalIds
      .map((id) => goalIndex.get(id))
      .filter((g) => !!g)
      .sort((a, b) => a.i - b.i)
      .map((g) => g.label);
    const crossCutting = [...m.crossCuttingIds].sort((a, b) => (fieldPosition.get(a) ?? 0) - (fieldPosition.get(b) ?? 0)).map((id) => fieldTitle.get(id) ?? '');
    const value: Record<ColumnKey, ExportCell> = {
      number: m.number,
      field: fieldTitle.get(m.fieldId) ?? '',
      goals: joined(goals),
      title: m.title,
      description: m.description,
      targetGroups: joined(m.targetGroups),
      lead: m.leadActorId ? actorName.get(m.leadActorId) ?? '' : '',
      partners: names(m.partnerActorIds, actorName),
      horizon: horizonLabels[m.horizon],
      priority: priorityLabels[m.priority],
      status: statusLabels[m.status],
      startDate: m.startDate ? { date: m.startDate } : null,
      endDate: m.endDate ? { date: m.endDate } : null,
      staffFte: m.staffFte == null ? null : Number(m.staffFte),
      costEur: m.costEur == null ? null : Number(m.costEur),
      fundingSource: m.fundingSource ?? '',
      indicator: m.indicator ?? '',
      targetValue: m.targetValue ?? '',
      crossCutting: joined(crossCutting.filter(Boolean)),
      sdgs: joined([...m.sdgs].sort((a, b) => a - b).map(String)),
      municipalities: names(m.municipalityIds, place),
    };
    return columns.map((c) => value[c.key]);
  });
  return { headings: columns.map((c) => c.heading), rows };
}

/** "Integrationskonzept 2026 (Fortschreibung)" → "massnahmen-integrationskonzept-2026-fortschreibung.xlsx". */
export function exportFileName(edition: Pick<Edition, 'title'>, ext: 'xlsx' | 'csv'): string {
  const slug = edition.title
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `massnahmen-${slug || fold(edition.title) || 'fassung'}.${ext}`;
}

const numberFormats: Partial<Record<ColumnKey, string>> = { staffFte: '0.0#', costEur: '#,##0.00', startDate: 'dd.mm.yyyy', endDate: 'dd.mm.yyyy' };
const wrapped = new Set<ColumnKey>(['description', 'goals', 'partners', 'title', 'targetGroups', 'indicator']);

/** .xlsx: bold frozen heading row with autofilter, sensible widths, real dates and numbers. */
export async function toXlsx(table: ExportTable, sheetTitle: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on the first export: ~170 ms of CPU at every start otherwise
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ikon';
  workbook.created = new Date();
  workbook.title = sheetTitle;
  const sheet = workbook.addWorksheet('Maßnahmen', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.heading, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'middle' };
  for (const r of table.rows) {
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
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (numberFormats[c.key]) column.numFmt = numberFormats[c.key]!;
    if (wrapped.has(c.key)) column.alignment = { wrapText: true, vertical: 'top' };
    else column.alignment = { vertical: 'top' };
  });
  sheet.getRow(1).alignment = { vertical: 'middle' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** .csv for German spreadsheet programs (platform/csv.ts), German dates and decimals. */
export function toCsv(table: ExportTable): string {
  const text = (v: ExportCell) => (v == null ? '' : typeof v === 'number' ? germanDecimal(v) : typeof v === 'object' ? germanDate(v.date) : guardFormula(v));
  return spreadsheetCsv(table.headings, table.rows.map((r) => r.map(text)));
}
