/**
 * The frame of every tagged PDF ikon writes (pdfkit): A4, PDF 1.7, document language German,
 * title shown in the window, one `Document` structure root, fonts embedded. pdfmake, used before,
 * cannot tag content; pdfkit can. The caller draws inside `draw` (usually through a PdfLayout).
 */
import PDFDocument from 'pdfkit';
import { documentFonts } from './fonts.js';
import { pdfColours } from './pdf-layout.js';

export interface TaggedPdfOptions {
  title: string;
  author: string;
  subject?: string;
  keywords?: string;
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Keep all pages until the end, for contents and "Seite X von Y" written last. */
  bufferPages?: boolean;
  /** Declare PDF/UA-1 conformance (documents whose every part is tagged). */
  pdfUa?: boolean;
}

export async function taggedPdf(o: TaggedPdfOptions, draw: (doc: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement) => void | Promise<void>): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: o.margins ?? { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: !!o.bufferPages,
    pdfVersion: '1.7',
    ...(o.pdfUa ? { subset: 'PDF/UA' as unknown as PDFKit.PDFDocumentOptions['subset'] } : {}),
    tagged: true,
    displayTitle: true,
    lang: 'de-DE',
    font: documentFonts.regular,
    info: { Title: o.title, Author: o.author, ...(o.subject ? { Subject: o.subject } : {}), Creator: 'ikon', ...(o.keywords ? { Keywords: o.keywords } : {}) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  await draw(doc, root);
  if (o.bufferPages) doc.flushPages();
  root.end();
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

/**
 * "Seite X von Y" (and a running text on the left) at the foot of every buffered page from
 * `from` (0-based) on, as pagination artifacts. Needs `bufferPages`.
 */
export function numberPages(doc: PDFKit.PDFDocument, footer: string, from = 1) {
  const { count } = doc.bufferedPageRange();
  for (let i = from; i < count; i++) {
    doc.switchToPage(i);
    writeFooter(doc, footer, `Seite ${i + 1} von ${count}`);
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
  doc.font(documentFonts.regular).fontSize(8).fillColor(pdfColours.muted);
  doc.text(footer, margins.left, y, { width: width - 90, lineBreak: false });
  doc.text(pageLabel, margins.left + width - 90, y, { width: 90, align: 'right', lineBreak: false });
  doc.endMarkedContent();
  margins.bottom = bottom;
}
