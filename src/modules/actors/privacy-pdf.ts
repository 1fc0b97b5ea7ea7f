import { PdfLayout } from '../../platform/documents/pdf-layout.js';
import { taggedPdf } from '../../platform/documents/tagged-pdf.js';
import type { T } from '../../platform/i18n/i18n.js';
import { disclosureSections, type ContactDisclosure } from './privacy.js';

/**
 * The Art. 15 disclosure as a tagged PDF (language German, title in the window, headings and
 * paragraphs in the structure tree). Deliberately plain: one page of labelled facts and the history.
 */
export function disclosurePdf(d: ContactDisclosure, t: T, generatedOn: string): Promise<Buffer> {
  const title = `${t('privacy.title')}: ${d.person.name}`;
  return taggedPdf({ title, author: d.kommune }, (doc, root) => {
    const layout = new PdfLayout(doc, root);
    layout.heading(1, title, 18, 0);
    layout.paragraph(t('privacy.generated', { date: generatedOn, kommune: d.kommune }), { size: 10 });
    doc.moveDown(0.5);
    for (const section of disclosureSections(d, t)) {
      layout.heading(2, section.heading, 13);
      for (const [label, value] of section.rows) layout.paragraph(label ? `${label}: ${value}` : value, { size: 11 });
      doc.moveDown(0.6);
    }
  });
}
