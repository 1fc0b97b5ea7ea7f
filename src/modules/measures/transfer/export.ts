import { spreadsheetCsv } from '../../../platform/csv.js';
import { csvCellText, sheetsToXlsx, type ExportCell } from '../../../platform/spreadsheet/write.js';
import type { Db } from '../../../db/client.js';
import type { Edition } from '../../concepts/index.js';
import { columns, fold, horizonLabels, priorityLabels, statusLabels, type ColumnKey } from './columns.js';
import { loadReferences } from './references.js';

export type { ExportCell };
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

/** .xlsx through the platform's writer: bold frozen heading row with autofilter, widths, real dates and numbers. */
export function toXlsx(table: ExportTable, sheetTitle: string): Promise<Buffer> {
  const sheetColumns = columns.map((c) => ({ ...c, format: numberFormats[c.key], wrap: wrapped.has(c.key) }));
  return sheetsToXlsx([{ name: 'Maßnahmen', columns: sheetColumns, rows: table.rows }], sheetTitle);
}

/** .csv for German spreadsheet programs (platform/csv.ts), German dates and decimals. */
export function toCsv(table: ExportTable): string {
  return spreadsheetCsv(table.headings, table.rows.map((r) => r.map(csvCellText)));
}
