import { documentFonts } from '../../platform/documents/fonts.js';
import { PdfLayout, pdfColours, struct } from '../../platform/documents/pdf-layout.js';
import { numberPages, taggedPdf } from '../../platform/documents/tagged-pdf.js';
import { reportContent, type ReportDocument } from './content.js';
import type { ReportModel } from './model.js';

/** The Sachstandsbericht as an accessible PDF (see renderPdfDocument). */
export const renderPdf = (m: ReportModel): Promise<Buffer> => renderPdfDocument(reportContent(m));

/**
 * A document with title page and contents as an accessible PDF (PDF/UA-1, tagged): headings,
 * tables and figures with alternative text in the structure tree, page numbers and running footer
 * as artifacts, bookmarks for every heading.
 */
export function renderPdfDocument(content: ReportDocument): Promise<Buffer> {
  const info = { title: content.title, author: content.titlePage.kommune, subject: content.titlePage.period, keywords: content.keywords };
  return taggedPdf({ ...info, margins: { top: 56, bottom: 64, left: 56, right: 56 }, bufferPages: true, pdfUa: true }, (doc, root) => {
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
      } else layout.block(block);
    }

    doc.switchToPage(contentsPage - 1);
    writeContents(layout, contentsHeading, contents, content.contentsTitle, headings);
    contentsHeading.end();
    contents.end();
    numberPages(doc, content.footer);
  });
}

function writeContents(layout: PdfLayout, heading: PDFKit.PDFStructureElement, list: PDFKit.PDFStructureElement, title: string, headings: { level: number; text: string; page: number }[]) {
  const doc = layout.doc;
  const x = layout.left;
  doc.y = doc.page.margins.top;
  const top = doc.y;
  heading.add(struct(doc, 'Span', {}, () => doc.font(documentFonts.bold).fontSize(15).fillColor(pdfColours.text).text(title, x, top, { width: layout.width })));
  doc.y += 12;
  for (const h of headings) {
    const indent = (h.level - 1) * 16;
    const y = doc.y;
    const size = h.level === 1 ? 11 : 10;
    // Entry text and page number belong together: one TOCI with the whole line.
    list.add(
      struct(doc, 'TOCI', {}, () => {
        doc.font(h.level === 1 ? documentFonts.bold : documentFonts.regular).fontSize(size).fillColor(pdfColours.text);
        doc.text(h.text, x + indent, y, { width: layout.width - indent - 40 });
        doc.text(String(h.page), x + layout.width - 40, y, { width: 40, align: 'right' });
      }),
    );
    doc.y = y + size + 9;
  }
}
