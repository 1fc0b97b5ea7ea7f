import { Document, Footer, HeadingLevel, LeaderType, Packer, PageBreak, PageReference, Paragraph, TabStopType, TextRun } from 'docx';
import { a4, baseStyles, block, bookmarkId, embeddedFont, pageFooter, textWidth } from '../../platform/documents/docx.js';
import { reportContent, type Block, type ReportDocument } from './content.js';
import type { ReportModel } from './model.js';

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
    const doc = new Document({
    creator: 'ikon',
    title: content.title,
    subject: tp.period,
    keywords: content.keywords,
    description: `${content.title}, ${tp.kommune}, ${tp.period}`,
    hyphenation: { autoHyphenation: false },
    // Word fills the contents' PAGEREF fields when it opens the file (LibreOffice always does).
    features: { updateFields: true },
    fonts: [embeddedFont()],
    styles: baseStyles,
    sections: [
      {
        properties: { titlePage: true, page: a4 },
        footers: { default: pageFooter(content.footer), first: new Footer({ children: [new Paragraph({})] }) },
        children: [...titlePage, ...contents, ...content.blocks.flatMap(block)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
