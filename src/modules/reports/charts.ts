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
  return barChartSvg(measureStatuses.map((s) => ({ label: labels[s], value: byStatus[s] ?? 0, colour: statusColours[s] })), title, { labelWidth: 150 });
}

/** Roughly the width of `text` at `size` px in the report font (Roboto averages about 0.55 em per character). */
const textWidth = (text: string, size: number) => Math.ceil(text.length * size * 0.55);

/**
 * Horizontal bars with their values written beside them, as SVG with a title (the renderers give
 * the figure its alternative text). Labels get the room the longest one needs.
 */
export function barChartSvg(rows: { label: string; value: number; colour?: string }[], title: string, opts: { labelWidth?: number; barWidth?: number } = {}): string {
  const rowHeight = 26;
  const labelWidth = opts.labelWidth ?? Math.min(320, Math.max(120, ...rows.map((r) => textWidth(r.label, 12) + 12)));
  const barWidth = opts.barWidth ?? 300;
  const width = labelWidth + barWidth + 60;
  const height = rows.length * rowHeight + 30;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const bars = rows
    .map((r, i) => {
      const y = 24 + i * rowHeight;
      const w = Math.round((r.value / max) * barWidth);
      return [
        `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end" font-size="12" fill="#171a1f">${escape(r.label)}</text>`,
        `<rect x="${labelWidth}" y="${y}" width="${w}" height="18" fill="${r.colour ?? '#0b5cad'}"/>`,
        `<text x="${labelWidth + w + 6}" y="${y + 14}" font-size="12" fill="#171a1f">${r.value}</text>`,
      ].join('');
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"><title>${escape(title)}</title><text x="0" y="14" font-size="13" font-weight="bold" fill="#171a1f">${escape(title)}</text>${bars}</svg>`;
}
