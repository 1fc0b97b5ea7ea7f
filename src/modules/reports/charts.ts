import { measureStatuses, type MeasureStatus } from '../measures/schema.js';

// Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics).
const statusColours: Record<MeasureStatus, string> = {
  geplant: '#5b6472',
  in_umsetzung: '#0b5cad',
  umgesetzt: '#1d7a3a',
  verstetigt: '#0e5a2a',
  zurueckgestellt: '#a15c00',
  entfallen: '#8a1c1c',
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Horizontal bar chart of the status distribution as SVG: one bar per status, the count written
 * beside it (the numbers do not depend on colour). Used in the PDF directly and, rasterised, in DOCX.
 */
export function statusDistributionSvg(byStatus: Record<MeasureStatus, number>, labels: Record<MeasureStatus, string>, title: string): string {
  const rowHeight = 26;
  const labelWidth = 150;
  const barWidth = 300;
  const width = labelWidth + barWidth + 60;
  const height = measureStatuses.length * rowHeight + 30;
  const max = Math.max(1, ...measureStatuses.map((s) => byStatus[s] ?? 0));
  const rows = measureStatuses
    .map((s, i) => {
      const y = 24 + i * rowHeight;
      const n = byStatus[s] ?? 0;
      const w = Math.round((n / max) * barWidth);
      return [
        `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end" font-size="12" fill="#171a1f">${escape(labels[s])}</text>`,
        `<rect x="${labelWidth}" y="${y}" width="${w}" height="18" fill="${statusColours[s]}"/>`,
        `<text x="${labelWidth + w + 6}" y="${y + 14}" font-size="12" fill="#171a1f">${n}</text>`,
      ].join('');
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"><title>${escape(title)}</title><text x="0" y="14" font-size="13" font-weight="bold" fill="#171a1f">${escape(title)}</text>${rows}</svg>`;
}
