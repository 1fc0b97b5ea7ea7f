/**
 * Word (DOCX) building blocks shared by every document ikon writes: A4 with 2 cm margins, the
 * measured font embedded, tables with content-fitted fixed columns, charts with their figures,
 * the footer with "Seite X von Y" and the base styles.
 */
import {
  AlignmentType,
  BorderStyle,
  Bookmark,
  Footer,
  HeadingLevel,
  ImageRun,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IStylesOptions,
} from 'docx';
import fs from 'node:fs';
import type { Block, Cell, TableBlock } from './blocks.js';
import { fitColumns, preferredWidth } from './columns.js';
import { documentFonts } from './fonts.js';
import { svgSize, svgToPng } from './raster.js';

// A4 with 2 cm margins, in twentieths of a point (dxa).
export const page = { width: 11906, height: 16838, margin: 1134 };
export const textWidth = page.width - 2 * page.margin;
const pt = (dxa: number) => dxa / 20;
const dxa = (points: number) => Math.round(points * 20);
const tableFontSize = 8;
const cellMargin = 72;
// Cell margins on both sides plus 2 pt; the embedded font is the one measured.
const fit = { fontSize: tableFontSize, padding: pt(2 * cellMargin) + 2, slack: 1.03 };
/** Roboto embedded, so that Word and LibreOffice break lines where the widths were measured. */
let embedded: { name: string; data: Buffer; bold: Buffer; italic: Buffer } | undefined;
export const embeddedFont = () => (embedded ??= { name: 'Roboto', data: fs.readFileSync(documentFonts.regular), bold: fs.readFileSync(documentFonts.bold), italic: fs.readFileSync(documentFonts.italic) });
export const rule = { style: BorderStyle.SINGLE, size: 4, color: 'B8BFCA' };
export const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
/** Word bookmark names: letters, digits and underscores. */
export const bookmarkId = (id: string) => `_${id.replace(/[^A-Za-z0-9]/g, '_')}`;

const runs = (c: Cell, bold: boolean) =>
  typeof c === 'string'
    ? [new TextRun({ text: c, bold, size: tableFontSize * 2 })]
    : c.stacked
      ? [new TextRun({ text: c.label, bold: true, size: tableFontSize * 2 }), ...(c.text ? [new TextRun({ text: c.text, break: 1, size: tableFontSize * 2 })] : [])]
      : [new TextRun({ text: `${c.label} `, bold: true, size: tableFontSize * 2 }), new TextRun({ text: c.text, size: tableFontSize * 2 })];

/** A table with fixed, content-fitted columns; the header row repeats on each page, rows never split. */
export function table(t: TableBlock, width = textWidth): Table {
  const widths = fitColumns(t, pt(width), fit).map(dxa);
  const cell = (c: Cell, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      shading: header ? { fill: 'EEF1F5', type: 'clear', color: 'auto' } : undefined,
      children: [new Paragraph({ alignment: t.numeric?.[i] ? AlignmentType.RIGHT : AlignmentType.LEFT, spacing: { before: 40, after: 40 }, children: runs(c, header) })],
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: cellMargin, right: cellMargin },
    borders: { top: none, left: none, right: none, bottom: rule, insideHorizontal: rule, insideVertical: none },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.headers.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

/** The chart and its figures side by side, in a borderless layout table whose one row stays on one page. */
function figure(svg: string, alt: string, t: TableBlock): Table {
  const gap = 280;
  const tableWidth = Math.min(dxa(preferredWidth(t, fit)), Math.round(textWidth * 0.42));
  const chartWidth = textWidth - tableWidth - gap;
  const size = svgSize(svg);
  const px = (pt(chartWidth) * 96) / 72;
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(svg),
    fallback: { type: 'png', data: svgToPng(svg) },
    transformation: { width: px, height: (px * size.height) / size.width },
    altText: { name: alt.slice(0, 60), title: alt.split(':')[0] ?? alt, description: alt },
  });
  const borderless = { top: none, bottom: none, left: none, right: none };
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [chartWidth + gap, tableWidth],
    layout: TableLayoutType.FIXED,
    borders: { ...borderless, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: chartWidth + gap, type: WidthType.DXA }, borders: borderless, margins: { left: 0, right: gap }, children: [new Paragraph({ children: [image] })] }),
          new TableCell({ width: { size: tableWidth, type: WidthType.DXA }, borders: borderless, margins: { left: 0, right: 0 }, verticalAlign: VerticalAlign.TOP, children: [table(t, tableWidth), new Paragraph({})] }),
        ],
      }),
    ],
  });
}

export function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: headingLevels[b.level], keepNext: true, keepLines: true, children: [new Bookmark({ id: bookmarkId(b.id), children: [new TextRun(b.text)] })] })];
    case 'paragraph':
      return [
        new Paragraph({
          keepNext: !!b.note,
          spacing: { after: 120 },
          children: [...(b.lead ? [new TextRun({ text: `${b.lead} `, bold: true })] : []), new TextRun({ text: b.text, italics: b.note, size: b.note ? 18 : 20, color: b.note ? '4A5261' : undefined })],
        }),
      ];
    case 'table':
      return [table(b), new Paragraph({ spacing: { after: 120 } })];
    case 'figure':
      return [figure(b.svg, b.alt, b.table), new Paragraph({ spacing: { after: 120 } })];
  }
}

/** The footer of every page but the title page: a running text, then "Seite X von Y" on the right. */
export const pageFooter = (text: string) =>
  new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'B8BFCA', space: 4 } },
        children: [new TextRun({ text: `${text}\t`, size: 16, color: '4A5261' }), new TextRun({ children: ['Seite ', PageNumber.CURRENT, ' von ', PageNumber.TOTAL_PAGES], size: 16, color: '4A5261' })],
      }),
    ],
  });

/** Roboto throughout, German as document language, headings in three sizes. */
export const baseStyles: IStylesOptions = {
  default: {
    document: { run: { language: { value: 'de-DE' }, font: 'Roboto', size: 20 } },
    title: { run: { font: 'Roboto', size: 44, bold: true, color: '171A1F' }, paragraph: { spacing: { after: 240 } } },
    heading1: { run: { font: 'Roboto', size: 30, bold: true, color: '171A1F' }, paragraph: { spacing: { before: 360, after: 120 } } },
    heading2: { run: { font: 'Roboto', size: 24, bold: true, color: '171A1F' }, paragraph: { spacing: { before: 240, after: 100 } } },
    heading3: { run: { font: 'Roboto', size: 21, bold: true, color: '171A1F' }, paragraph: { spacing: { before: 200, after: 60 } } },
  },
};

/** The section properties of an A4 page with 2 cm margins. */
export const a4 = { size: { width: page.width, height: page.height }, margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin, footer: 567 } };
