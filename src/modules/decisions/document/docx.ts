import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import { a4, baseStyles, block, embeddedFont, pageFooter, table, textWidth } from '../../../platform/documents/docx.js';
import type { PaperDocumentContent } from './content.js';

/**
 * The Vorlage as a Word file in the layout of the county's papers (the coordinator edits it
 * further where the county's template asks for it): header block with a right tab for Vorlage
 * Nr. and Datum, kind and Öffentlichkeit, subject, Beratungsfolge table, sections, signature
 * line, "Seite X von Y" in the footer of every page.
 */
export function renderPaperDocx(c: PaperDocumentContent): Promise<Buffer> {
  const rightAt = Math.round(textWidth * 0.58);
  const header = c.header.map(
    (line) =>
      new Paragraph({
        spacing: { after: 40 },
        tabStops: [{ type: TabStopType.LEFT, position: rightAt }],
        children: [new TextRun(line.left ? `${line.left[0]}: ${line.left[1]}` : ''), ...(line.right ? [new TextRun(`\t${line.right[0]}: ${line.right[1]}`)] : [])],
      }),
  );
  const doc = new Document({
    creator: 'ikon',
    title: c.title,
    subject: c.kind,
    description: c.title,
    hyphenation: { autoHyphenation: false },
    fonts: [embeddedFont()],
    styles: baseStyles,
    sections: [
      {
        properties: { page: a4 },
        footers: { default: pageFooter(c.footer) },
        children: [
          new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: c.kommune, size: 18, color: '4A5261' })] }),
          ...header,
          new Paragraph({ spacing: { before: 360, after: 60 }, children: [new TextRun({ text: c.kind, bold: true, size: 32 })] }),
          new Paragraph({ spacing: { after: 240 }, children: [new TextRun(c.visibility)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun({ text: c.subject, size: 28 })] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun({ text: c.consultationsHeading, size: 22 })] }),
          table(c.consultations),
          new Paragraph({ spacing: { after: 120 } }),
          ...c.blocks.flatMap((b) => (b.kind === 'heading' ? [new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun({ text: b.text, size: 22 })] })] : block(b))),
          new Paragraph({ spacing: { before: 600 }, keepNext: true, children: [new TextRun(c.signature)] }),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            indent: { right: textWidth - 3600 },
            border: { top: { style: BorderStyle.SINGLE, size: 6, color: '4A5261', space: 2 } },
            children: [new TextRun({ text: c.signatureLabel, size: 16, color: '4A5261' })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
