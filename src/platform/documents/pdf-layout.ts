/**
 * Tagged PDF layout on pdfkit: every piece of content is drawn inside its structure element
 * (headings, paragraphs, tables with header cells, figures with alternative text); rules, fills
 * and repeated header rows are artifacts. Tables get widths by content, rows are never split and
 * the header row repeats on every page a table continues on.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import type { Block, Cell, TableBlock } from './blocks.js';
import { fitColumns, preferredWidth } from './columns.js';
import { documentFonts } from './fonts.js';
import { svgSize } from './raster.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export const pdfColours = { text: '#171a1f', muted: '#4a5261', rule: '#b8bfca', headerFill: '#eef1f5' };
// pad: per side; the widths get 1 pt more than measured so that rounding never wraps a fitted word.
const table = { fontSize: 8, pad: 3.5, lineGap: 1 };
const fit = { fontSize: table.fontSize, padding: 2 * table.pad + 1 };
const headingSizes = { 1: 15, 2: 12, 3: 10 } as const;
// Room kept below a heading for what follows it (level 3 introduces an indicator: note and chart).
const keepWithNext = { 1: 90, 2: 90, 3: 210 } as const;

/** pdfkit's struct() with the options and closure form its type definitions (0.17) do not know yet. */
interface StructOptions {
  alt?: string;
  scope?: 'Column' | 'Row' | 'Both';
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}
export const struct = (doc: Doc, type: string, options: StructOptions = {}, draw?: () => unknown): Struct =>
  (doc.struct as unknown as (type: string, options: StructOptions, children?: () => unknown) => Struct)(type, options, draw);

export class PdfLayout {
  constructor(
    readonly doc: Doc,
    readonly root: Struct,
  ) {}

  get left() {
    return this.doc.page.margins.left;
  }
  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  /** 1-based number of the page being written. */
  get pageNumber() {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count;
  }

  /** Lays out one block of a document. */
  block(b: Block) {
    if (b.kind === 'heading') this.heading(b.level, b.text, undefined, b.keep);
    else if (b.kind === 'paragraph') this.paragraph(b.text, { note: b.note, lead: b.lead });
    else if (b.kind === 'table') this.table(b);
    else this.figure(b.svg, b.alt, b.table);
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private font(bold: boolean, size: number, italic = false) {
    return this.doc.font(bold ? documentFonts.bold : italic ? documentFonts.italic : documentFonts.regular).fontSize(size);
  }

  heading(level: 1 | 2 | 3, text: string, size: number = headingSizes[level], keep: number = keepWithNext[level]) {
    this.font(true, size);
    const height = this.doc.heightOfString(text, { width: this.width });
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(height + keep);
    this.doc.y += level === 1 ? 10 : 6;
    const x = this.left;
    const y = this.doc.y;
    this.root.add(struct(this.doc, `H${level}`, {}, () => this.font(true, size).fillColor(pdfColours.text).text(text, x, y, { width: this.width })));
    this.doc.y += 4;
  }

  /** `lead`: bold words that open the paragraph, on the same line. */
  paragraph(text: string, opts: { note?: boolean; size?: number; bold?: boolean; lead?: string } = {}) {
    const size = opts.size ?? (opts.note ? 9 : 10);
    const lead = opts.lead ? `${opts.lead} ` : '';
    this.font(!!opts.bold || !!lead, size, opts.note);
    const height = this.doc.heightOfString(lead + text, { width: this.width, lineGap: 2 });
    this.ensure(height);
    const x = this.left;
    const y = this.doc.y;
    const colour = opts.note ? pdfColours.muted : pdfColours.text;
    this.root.add(
      struct(this.doc, 'P', {}, () => {
        const options = { width: this.width, lineGap: 2 };
        // pdfkit loses the line of a continued run followed by an empty one: a lead alone is drawn alone.
        if (lead && text) {
          this.font(true, size).fillColor(colour).text(lead, x, y, { ...options, continued: true });
          this.font(!!opts.bold, size, opts.note).text(text, options);
        } else if (lead) this.font(true, size).fillColor(colour).text(lead.trimEnd(), x, y, options);
        else this.font(!!opts.bold, size, opts.note).fillColor(colour).text(text, x, y, options);
      }),
    );
    this.doc.y += 5;
  }

  private cellHeight(c: Cell, width: number, bold: boolean): number {
    const inner = width - 2 * table.pad;
    const label = typeof c === 'string' ? 0 : this.font(true, table.fontSize).heightOfString(c.label, { width: inner, lineGap: table.lineGap });
    const text = typeof c === 'string' ? c : c.text;
    return label + this.font(bold, table.fontSize).heightOfString(text || ' ', { width: inner, lineGap: table.lineGap }) + 2 * table.pad;
  }

  private drawCell(c: Cell, x: number, y: number, width: number, bold: boolean, right: boolean) {
    const inner = width - 2 * table.pad;
    const align = right ? 'right' : 'left';
    let top = y + table.pad;
    if (typeof c !== 'string') {
      this.font(true, table.fontSize).fillColor(pdfColours.text).text(c.label, x + table.pad, top, { width: inner, lineGap: table.lineGap, align });
      top = this.doc.y;
    }
    this.font(bold, table.fontSize).fillColor(pdfColours.text).text(typeof c === 'string' ? c : c.text, x + table.pad, top, { width: inner, lineGap: table.lineGap, align });
  }

  private artifact(draw: () => void) {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  private rowHeight(cells: Cell[], widths: number[], bold: boolean) {
    return Math.max(...cells.map((c, i) => this.cellHeight(c, widths[i]!, bold)));
  }

  /** A table at `x` with `width` (default: the full text width), as Table > THead/TBody > TR > TH/TD. */
  table(t: TableBlock, opts: { x?: number; width?: number; parent?: Struct } = {}): void {
    const x = opts.x ?? this.left;
    const width = opts.width ?? this.width;
    const widths = fitColumns(t, width, fit);
    const headerHeight = this.rowHeight(t.headers, widths, true);
    const xs = widths.map((_, i) => x + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const right = (i: number) => !!t.numeric?.[i];

    const drawHeaderBackground = (y: number) =>
      this.artifact(() => {
        this.doc.rect(x, y, width, headerHeight).fill(pdfColours.headerFill);
        this.doc.moveTo(x, y + headerHeight).lineTo(x + width, y + headerHeight).lineWidth(0.8).stroke(pdfColours.text);
      });
    const firstRow = t.rows[0] ? this.rowHeight(t.rows[0], widths, false) : 0;
    this.ensure(headerHeight + firstRow);

    const tableStruct = this.doc.struct('Table');
    (opts.parent ?? this.root).add(tableStruct);
    const head = this.doc.struct('THead');
    tableStruct.add(head);
    let y = this.doc.y;
    drawHeaderBackground(y);
    const headRow = this.doc.struct('TR');
    head.add(headRow);
    t.headers.forEach((h, i) => {
      const top = y;
      headRow.add(struct(this.doc, 'TH', { scope: 'Column' }, () => this.drawCell(h, xs[i]!, top, widths[i]!, true, right(i))));
    });
    headRow.end();
    head.end();
    y += headerHeight;

    const body = this.doc.struct('TBody');
    tableStruct.add(body);
    for (const row of t.rows) {
      const height = this.rowHeight(row, widths, false);
      if (y + height > this.bottom) {
        this.doc.addPage();
        y = this.doc.y;
        // The repeated header row is a pagination artifact: the structure has it once, in THead.
        drawHeaderBackground(y);
        this.doc.markContent('Artifact', { type: 'Pagination' });
        t.headers.forEach((h, i) => this.drawCell(h, xs[i]!, y, widths[i]!, true, right(i)));
        this.doc.endMarkedContent();
        y += headerHeight;
      }
      const tr = this.doc.struct('TR');
      body.add(tr);
      row.forEach((c, i) => {
        const top = y;
        tr.add(struct(this.doc, 'TD', {}, () => this.drawCell(c, xs[i]!, top, widths[i]!, false, right(i))));
      });
      tr.end();
      y += height;
      this.artifact(() => this.doc.moveTo(x, y).lineTo(x + width, y).lineWidth(0.4).stroke(pdfColours.rule));
    }
    body.end();
    tableStruct.end();
    this.doc.x = this.left;
    this.doc.y = y + 10;
  }

  /** A chart (as a figure with alternative text) and its table of figures beside it, kept on one page. */
  figure(svg: string, alt: string, t: TableBlock) {
    const gap = 14;
    const tableWidth = Math.min(preferredWidth(t, fit), this.width * 0.42);
    const chartWidth = this.width - tableWidth - gap;
    const size = svgSize(svg);
    const chartHeight = (chartWidth * size.height) / size.width;
    const widths = fitColumns(t, tableWidth, fit);
    const tableHeight = this.rowHeight(t.headers, widths, true) + t.rows.reduce((a, r) => a + this.rowHeight(r, widths, false), 0);
    this.ensure(Math.max(chartHeight, tableHeight) + 4);
    const x = this.left;
    const y = this.doc.y + 2;
    // Drawn as vectors (sharp in print, small); the figure's alternative text stands for all of it.
    // Without its own width and height the SVG fills the given box (svg-to-pdfkit prefers them).
    const scalable = svg.replace(/^<svg([^>]*?) width="[^"]*" height="[^"]*"/, '<svg$1');
    const draw = () => SVGtoPDF(this.doc as never, scalable, x, y, { width: chartWidth, height: chartHeight, fontCallback: (_family, bold) => (bold ? documentFonts.bold : documentFonts.regular) });
    this.root.add(struct(this.doc, 'Figure', { alt, bbox: [x, y, x + chartWidth, y + chartHeight], placement: 'Block' }, draw));
    this.doc.y = y;
    this.table(t, { x: x + chartWidth + gap, width: tableWidth });
    this.doc.y = Math.max(this.doc.y, y + chartHeight + 10);
  }
}
