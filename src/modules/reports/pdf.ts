import PDFDocument from 'pdfkit';
import { reportFonts } from './columns.js';
import { reportContent, type ReportDocument } from './content.js';
import type { ReportModel } from './model.js';
import { PdfLayout, pdfColours, struct } from './pdf-layout.js';

/** The Sachstandsbericht as an accessible PDF (see renderPdfDocument). */
export const renderPdf = (m: ReportModel): Promise<Buffer> => renderPdfDocument(reportContent(m));

/**
 * A document as an accessible PDF (PDF/UA-1, tagged): document language German, title
 * shown in the window, headings, tables and figures with alternative text in the structure tree,
 * fonts embedded, page numbers and running footer as artifacts, bookmarks for every heading.
 * pdfmake, used before, cannot tag content; pdfkit can.
 */
export async function renderPdfDocument(content: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/UA' as unknown as PDFKit.PDFDocumentOptions['subset'],
    tagged: true,
    displayTitle: true,
    lang: 'de-DE',
    font: reportFonts.regular,
    info: { Title: content.title, Author: content.titlePage.kommune, Subject: content.titlePage.period, Creator: 'ikon', Keywords: content.keywords },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const layout = new PdfLayout(doc, root);

  // Title page.
  doc.y = 200;
  layout.paragraph(content.titlePage.kommune, { size: 14 });
  layout.heading(1, content.title, 22);
  layout.paragraph(content.titlePage.period, { size: 12 });
  doc.y += 20;
  for (const line of content.titlePage.lines) layout.paragraph(line);

  // The contents page is written last, when the page of every heading is known.
  doc.addPage();
  const contentsPage = layout.pageNumber;
  const contents = doc.struct('TOC');
  const contentsHeading = doc.struct('H1');
  root.add(contentsHeading);
  root.add(contents);
  doc.addPage();

  const headings: { level: number; text: string; page: number }[] = [];
  const outline: PDFKit.PDFOutline[] = [doc.outline];
  for (const block of content.blocks) {
    if (block.kind === 'heading') {
      layout.heading(block.level, block.text, undefined, block.keep);
      if (block.inContents) headings.push({ level: block.level, text: block.text, page: layout.pageNumber });
      outline[block.level] = (outline[block.level - 1] ?? doc.outline).addItem(block.text);
    } else if (block.kind === 'paragraph') layout.paragraph(block.text, { note: block.note, lead: block.lead });
    else if (block.kind === 'table') layout.table(block);
    else layout.figure(block.svg, block.alt, block.table);
  }

  doc.switchToPage(contentsPage - 1);
  writeContents(layout, contentsHeading, contents, content.contentsTitle, headings);
  contentsHeading.end();
  contents.end();

  const { count } = doc.bufferedPageRange();
  for (let i = 1; i < count; i++) {
    doc.switchToPage(i);
    writeFooter(doc, content.footer, `Seite ${i + 1} von ${count}`);
  }
  doc.flushPages();
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function writeContents(layout: PdfLayout, heading: PDFKit.PDFStructureElement, list: PDFKit.PDFStructureElement, title: string, headings: { level: number; text: string; page: number }[]) {
  const doc = layout.doc;
  const x = layout.left;
  doc.y = doc.page.margins.top;
  const top = doc.y;
  heading.add(struct(doc, 'Span', {}, () => doc.font(reportFonts.bold).fontSize(15).fillColor(pdfColours.text).text(title, x, top, { width: layout.width })));
  doc.y += 12;
  for (const h of headings) {
    const indent = (h.level - 1) * 16;
    const y = doc.y;
    const size = h.level === 1 ? 11 : 10;
    // Entry text and page number belong together: one TOCI with the whole line.
    list.add(
      struct(doc, 'TOCI', {}, () => {
        doc.font(h.level === 1 ? reportFonts.bold : reportFonts.regular).fontSize(size).fillColor(pdfColours.text);
        doc.text(h.text, x + indent, y, { width: layout.width - indent - 40 });
        doc.text(String(h.page), x + layout.width - 40, y, { width: 40, align: 'right' });
      }),
    );
    doc.y = y + size + 9;
  }
}

function writeFooter(doc: PDFKit.PDFDocument, footer: string, pageLabel: string) {
  const margins = doc.page.margins;
  const bottom = margins.bottom;
  // Writing below the bottom margin would make pdfkit start a new page.
  margins.bottom = 0;
  const y = doc.page.height - 40;
  const width = doc.page.width - margins.left - margins.right;
  doc.markContent('Artifact', { type: 'Pagination' });
  doc.moveTo(margins.left, y - 6).lineTo(margins.left + width, y - 6).lineWidth(0.4).stroke(pdfColours.rule);
  doc.font(reportFonts.regular).fontSize(8).fillColor(pdfColours.muted);
  doc.text(footer, margins.left, y, { width: width - 90, lineBreak: false });
  doc.text(pageLabel, margins.left + width - 90, y, { width: 90, align: 'right', lineBreak: false });
  doc.endMarkedContent();
  margins.bottom = bottom;
}
