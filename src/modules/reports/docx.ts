import {
  AlignmentType,
  BorderStyle,
  Bookmark,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LeaderType,
  Packer,
  PageBreak,
  PageNumber,
  PageReference,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import fs from 'node:fs';
import { fitColumns, preferredWidth, reportFonts } from './columns.js';
import { reportContent, type Block, type Cell, type ReportDocument, type TableBlock } from './content.js';
import type { ReportModel } from './model.js';
import { svgSize, svgToPng } from './raster.js';

// A4 with 2 cm margins, in twentieths of a point (dxa).
const page = { width: 11906, height: 16838, margin: 1134 };
const textWidth = page.width - 2 * page.margin;
const pt = (dxa: number) => dxa / 20;
const dxa = (points: number) => Math.round(points * 20);
const tableFontSize = 8;
const cellMargin = 72;
// Cell margins on both sides plus 2 pt; the embedded font is the one measured.
const fit = { fontSize: tableFontSize, padding: pt(2 * cellMargin) + 2, slack: 1.03 };
/** Roboto embedded, so that Word and LibreOffice break lines where the widths were measured. */
let embedded: { name: string; data: Buffer; bold: Buffer; italic: Buffer } | undefined;
const reportFont = () => (embedded ??= { name: 'Roboto', data: fs.readFileSync(reportFonts.regular), bold: fs.readFileSync(reportFonts.bold), italic: fs.readFileSync(reportFonts.italic) });
const rule = { style: BorderStyle.SINGLE, size: 4, color: 'B8BFCA' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
/** Word bookmark names: letters, digits and underscores. */
const bookmarkId = (id: string) => `_${id.replace(/[^A-Za-z0-9]/g, '_')}`;

const runs = (c: Cell, bold: boolean) =>
  typeof c === 'string'
    ? [new TextRun({ text: c, bold, size: tableFontSize * 2 })]
    : c.stacked
      ? [new TextRun({ text: c.label, bold: true, size: tableFontSize * 2 }), ...(c.text ? [new TextRun({ text: c.text, break: 1, size: tableFontSize * 2 })] : [])]
      : [new TextRun({ text: `${c.label} `, bold: true, size: tableFontSize * 2 }), new TextRun({ text: c.text, size: tableFontSize * 2 })];

/** A table with fixed, content-fitted columns; the header row repeats on each page, rows never split. */
function table(t: TableBlock, width = textWidth): Table {
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

function block(b: Block): (Paragraph | Table)[] {
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

/** The Sachstandsbericht as an editable Word document (what councils work with). */
export const renderDocx = (m: ReportModel): Promise<Buffer> => renderDocxDocument(reportContent(m));

/**
 * A document as Word file: title page, contents with page numbers, fitted tables, charts with
 * their figures, "Seite X von Y".
 */
export async function renderDocxDocument(content: ReportDocument): Promise<Buffer> {
  const tp = content.titlePage;
  const titlePage = [
    new Paragraph({ spacing: { before: 3600, after: 240 }, children: [new TextRun({ text: tp.kommune, size: 28 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(content.title)] }),
    new Paragraph({ spacing: { after: 480 }, children: [new TextRun({ text: tp.period, size: 24 })] }),
    ...tp.lines.map((l) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun(l)] })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  // Page numbers come from PAGEREF fields to each heading's bookmark: Word and LibreOffice fill them in.
  const contents = [
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: content.contentsTitle, bold: true, size: 30 })] }),
    ...content.blocks
      .filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.inContents)
      .map(
        (h) =>
          new Paragraph({
            indent: { left: (h.level - 1) * 320 },
            spacing: { after: 80 },
            tabStops: [{ type: TabStopType.RIGHT, position: textWidth, leader: LeaderType.DOT }],
            children: [new TextRun({ text: h.text, bold: h.level === 1 }), new TextRun({ text: '\t' }), new PageReference(bookmarkId(h.id))],
          }),
      ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const footer = new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'B8BFCA', space: 4 } },
        children: [new TextRun({ text: `${content.footer}\t`, size: 16, color: '4A5261' }), new TextRun({ children: ['Seite ', PageNumber.CURRENT, ' von ', PageNumber.TOTAL_PAGES], size: 16, color: '4A5261' })],
      }),
    ],
  });
  const doc = new Document({
    creator: 'ikon',
    title: content.title,
    subject: tp.period,
    keywords: content.keywords,
    description: `${content.title}, ${tp.kommune}, ${tp.period}`,
    hyphenation: { autoHyphenation: false },
    // Word fills the contents' PAGEREF fields when it opens the file (LibreOffice always does).
    features: { updateFields: true },
    fonts: [reportFont()],
    styles: {
      default: {
        document: { run: { language: { value: 'de-DE' }, font: 'Roboto', size: 20 } },
        title: { run: { font: 'Roboto', size: 44, bold: true, color: '171A1F' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: 'Roboto', size: 30, bold: true, color: '171A1F' }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: 'Roboto', size: 24, bold: true, color: '171A1F' }, paragraph: { spacing: { before: 240, after: 100 } } },
        heading3: { run: { font: 'Roboto', size: 21, bold: true, color: '171A1F' }, paragraph: { spacing: { before: 200, after: 60 } } },
      },
    },
    sections: [
      {
        properties: { titlePage: true, page: { size: { width: page.width, height: page.height }, margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin, footer: 567 } } },
        footers: { default: footer, first: new Footer({ children: [new Paragraph({})] }) },
        children: [...titlePage, ...contents, ...content.blocks.flatMap(block)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
