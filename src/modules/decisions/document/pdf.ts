import { documentFonts } from '../../../platform/documents/fonts.js';
import { PdfLayout, pdfColours, struct } from '../../../platform/documents/pdf-layout.js';
import { numberPages, taggedPdf } from '../../../platform/documents/tagged-pdf.js';
import type { PaperDocumentContent } from './content.js';

/**
 * The Vorlage as a tagged PDF in the layout of the county's papers: the header block in two
 * columns, kind and Öffentlichkeit, the subject as the one H1, the Beratungsfolge as a table,
 * the sections as H2, the signature above its line, "Seite X von Y" on every page.
 */
export function renderPaperPdf(c: PaperDocumentContent): Promise<Buffer> {
  return taggedPdf({ title: c.title, author: c.kommune, subject: c.kind, keywords: `${c.kind}, Beratungsfolge`, margins: { top: 56, bottom: 64, left: 56, right: 56 }, bufferPages: true, pdfUa: true }, (doc, root) => {
    const layout = new PdfLayout(doc, root);
    const x = layout.left;
    const rightX = x + layout.width * 0.58;
    const text = (bold: boolean, size: number) => doc.font(bold ? documentFonts.bold : documentFonts.regular).fontSize(size).fillColor(pdfColours.text);

    // Header block: one paragraph per line, left and right part read in that order.
    layout.paragraph(c.kommune, { size: 9, note: true });
    for (const line of c.header) {
      const y = doc.y;
      root.add(
        struct(doc, 'P', {}, () => {
          if (line.left) text(false, 10).text(`${line.left[0]}: ${line.left[1]}`, x, y, { width: rightX - x - 12 });
          const leftBottom = doc.y;
          if (line.right) text(false, 10).text(`${line.right[0]}: ${line.right[1]}`, rightX, y, { width: x + layout.width - rightX });
          doc.y = Math.max(leftBottom, doc.y);
        }),
      );
      doc.y += 3;
    }
    doc.y += 18;
    layout.paragraph(c.kind, { size: 16, bold: true });
    layout.paragraph(c.visibility, { size: 10 });
    doc.y += 6;
    layout.heading(1, c.subject, 14, 60);
    doc.y += 6;
    layout.heading(2, c.consultationsHeading, 11, 60);
    layout.table(c.consultations);
    for (const b of c.blocks) {
      if (b.kind === 'heading') layout.heading(b.level, b.text, 11, b.keep);
      else layout.block(b);
    }

    // Signature: the name above a rule and the word "Unterschrift" (rule and word are decoration).
    layout.ensure(60);
    doc.y += 24;
    if (c.signature) layout.paragraph(c.signature);
    const y = doc.y + 2;
    doc.markContent('Artifact');
    doc.moveTo(x, y).lineTo(x + 180, y).lineWidth(0.6).stroke(pdfColours.muted);
    text(false, 8).fillColor(pdfColours.muted).text(c.signatureLabel, x, y + 3, { width: 180 });
    doc.endMarkedContent();

    numberPages(doc, c.footer, 0);
  });
}
