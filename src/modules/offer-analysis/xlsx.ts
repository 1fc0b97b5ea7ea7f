import { gapRowLabel, perThousand, type GapMatrix } from './gaps.js';

type T = (key: string, vars?: Record<string, string | number>) => string;

/**
 * The gap matrix as .xlsx: sheet 1 counts (one row per category or Themenfeld, one column per Gemeinde plus
 * kreisweit; gaps as 0, marked), sheet 2 offers per 1,000 inhabitants where the population is
 * known (with the figures it rests on), sheet 3 the measures of the concept that address gaps.
 */
export async function gapsXlsx(m: GapMatrix, t: T): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on the first export only
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ikon';
  const sheet = workbook.addWorksheet(t('gaps.sheet'), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const columns = [...m.municipalities, { id: '', name: t('gaps.countywide') }];
  const rowHeading = t(m.by === 'themenfeld' ? 'gaps.field' : 'gaps.category');
  sheet.addRow([rowHeading, ...columns.map((x) => x.name), t('gaps.total')]);
  sheet.getRow(1).font = { bold: true };
  for (const r of m.rows) {
    const counts = columns.map((x) => m.counts[r.key]![x.id] ?? 0);
    const row = sheet.addRow([gapRowLabel(t, r), ...counts, counts.reduce((s, n) => s + n, 0)]);
    // Empty cells stand out in the file too: bold on a light fill (the count 0 says it without colour).
    counts.forEach((n, i) => {
      if (n === 0 && columns[i]!.id !== '') {
        const cell = row.getCell(i + 2);
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0B2' } };
      }
    });
  }
  sheet.getColumn(1).width = 24;

  const known = m.municipalities.filter((x) => m.populations.has(x.id));
  const rates = workbook.addWorksheet(t('gaps.sheet_rates'), { views: [{ state: 'frozen', ySplit: 4, xSplit: 1 }] });
  rates.addRow([rowHeading, ...known.map((x) => x.name)]).font = { bold: true };
  rates.addRow([t('population.population'), ...known.map((x) => m.populations.get(x.id)!.population)]);
  rates.addRow([t('population.reference_date'), ...known.map((x) => m.populations.get(x.id)!.referenceDate)]);
  rates.addRow([t('population.source'), ...known.map((x) => m.populations.get(x.id)!.source)]);
  for (const r of m.rows) {
    rates.addRow([gapRowLabel(t, r), ...known.map((x) => perThousand(m.counts[r.key]![x.id] ?? 0, m.populations.get(x.id)) ?? null)]);
  }
  rates.getColumn(1).width = 24;

  const names = new Map(m.municipalities.map((x) => [x.id, x.name]));
  const measures = workbook.addWorksheet(t('gaps.sheet_measures'));
  measures.addRow([rowHeading, t('gaps.measure'), t('gaps.measure_gaps')]).font = { bold: true };
  for (const r of m.rows) {
    for (const x of m.measures[r.key]!) measures.addRow([gapRowLabel(t, r), `${x.number} ${x.title}`, x.municipalityIds.map((id) => names.get(id)).join(', ')]);
  }
  measures.getColumn(1).width = 24;
  measures.getColumn(2).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
