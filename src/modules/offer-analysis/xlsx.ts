import type { GapMatrix } from './service.js';

/** The gap matrix as .xlsx: one row per category, one column per Gemeinde plus kreisweit; gaps written as 0 with a marker column. */
export async function gapsXlsx(m: GapMatrix, t: (key: string, vars?: Record<string, string | number>) => string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on the first export only
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ikon';
  const sheet = workbook.addWorksheet(t('gaps.sheet'), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const columns = [...m.municipalities, { id: '', name: t('gaps.countywide') }];
  sheet.addRow([t('gaps.category'), ...columns.map((x) => x.name), t('gaps.total')]);
  sheet.getRow(1).font = { bold: true };
  for (const cat of m.categories) {
    const counts = columns.map((x) => m.counts[cat]![x.id] ?? 0);
    const row = sheet.addRow([t(`offers.category.${cat}`), ...counts, counts.reduce((s, n) => s + n, 0)]);
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
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
