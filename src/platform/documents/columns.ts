/**
 * Column widths that fit the content, the way browsers lay out automatic tables: every column is
 * at least as wide as its longest word (so no word is broken in the middle), and the space left
 * goes to the columns with the most text. Shared by the PDF and the DOCX renderer.
 */
import PDFDocument from 'pdfkit';
import { cellText, type TableBlock } from './blocks.js';
import { documentFonts } from './fonts.js';

/** Width in points of `text` in the document font at `size` (pdfkit's font metrics, no page drawn). */
export type Measure = (text: string, size: number, bold?: boolean) => number;

let measuringDoc: PDFKit.PDFDocument | undefined;
/**
 * Advance widths at 1 pt per font and character: shaping every word with fontkit took a second
 * for the demo report. Kerning is left out, which only ever makes a measured word a little wider.
 */
const charWidths = { regular: new Map<string, number>(), bold: new Map<string, number>() };

function charWidth(ch: string, bold: boolean): number {
  const cache = charWidths[bold ? 'bold' : 'regular'];
  let w = cache.get(ch);
  if (w === undefined) {
    measuringDoc ??= new PDFDocument({ autoFirstPage: false, font: documentFonts.regular });
    w = measuringDoc.font(bold ? documentFonts.bold : documentFonts.regular).fontSize(1).widthOfString(ch);
    if (cache.size < 10_000) cache.set(ch, w);
  }
  return w;
}

export const measureText: Measure = (text, size, bold = false) => {
  let w = 0;
  for (const ch of text) w += charWidth(ch, bold);
  return w * size;
};

export interface FitOptions {
  fontSize: number;
  /** Left + right padding of a cell, in points. */
  padding: number;
  /** Extra room for a renderer whose font is not the one measured (DOCX: Arial vs Roboto). */
  slack?: number;
  measure?: Measure;
}

/** Per column: the width of its longest word (the least it may get) and of its longest text. */
export function columnBounds(table: Pick<TableBlock, 'headers' | 'rows'>, opts: FitOptions): { min: number[]; preferred: number[] } {
  const measure = opts.measure ?? measureText;
  const slack = opts.slack ?? 1;
  const min = table.headers.map(() => 0);
  const preferred = table.headers.map(() => 0);
  const take = (col: number, text: string, bold: boolean) => {
    const words = text.split(/\s+/).filter(Boolean);
    const longest = Math.max(0, ...words.map((w) => measure(w, opts.fontSize, bold)));
    min[col] = Math.max(min[col]!, longest * slack + opts.padding);
    preferred[col] = Math.max(preferred[col]!, measure(text, opts.fontSize, bold) * slack + opts.padding);
  };
  table.headers.forEach((h, i) => take(i, h, true));
  for (const row of table.rows) row.forEach((c, i) => take(i, cellText(c), false));
  return { min, preferred };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Widths in points, summing to `total`, for the columns of `table`. A column's `weights` entry
 * (default 1) multiplies its share of the room beyond the longest words: the main text of a row
 * (a measure's title and description) gets more than a list beside it.
 */
export function fitColumns(table: Pick<TableBlock, 'headers' | 'rows' | 'weights'>, total: number, opts: FitOptions): number[] {
  const { min, preferred } = columnBounds(table, opts);
  if (sum(min) >= total) return capWidest(min, total);
  if (sum(preferred) <= total) return preferred.map((w) => w + ((total - sum(preferred)) * w) / sum(preferred));
  const room = preferred.map((p, i) => (p - min[i]!) * (table.weights?.[i] ?? 1));
  return min.map((w, i) => w + ((total - sum(min)) * room[i]!) / sum(room));
}

/**
 * When even the longest words do not fit side by side: cap the widest columns at one level so the
 * narrow ones (status, dates, figures) keep their words whole and only the longest words break.
 */
function capWidest(min: number[], total: number): number[] {
  const sorted = [...min].sort((a, b) => b - a);
  for (let k = 1; k <= sorted.length; k++) {
    // The k widest columns share what the narrower ones leave.
    const cap = (total - sum(sorted.slice(k))) / k;
    if (cap >= (sorted[k] ?? 0)) return min.map((w) => Math.min(w, cap));
  }
  return min.map(() => total / min.length);
}

/** The width a table would take if nothing limited it. */
export const preferredWidth = (table: Pick<TableBlock, 'headers' | 'rows'>, opts: FitOptions) => sum(columnBounds(table, opts).preferred);
