import { createRequire } from 'node:module';
import path from 'node:path';
import type { T } from '../../platform/i18n/i18n.js';
import { disclosureSections, type ContactDisclosure } from './privacy.js';

const require = createRequire(import.meta.url);
/** Roboto (shipped with pdfmake) covers Latin, Greek and Cyrillic names; the PDF embeds it. */
const fontDir = path.dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
const fonts = { regular: path.join(fontDir, 'Roboto-Regular.ttf'), bold: path.join(fontDir, 'Roboto-Medium.ttf') };

/**
 * The Art. 15 disclosure as a tagged PDF (language German, title in the window, headings and
 * paragraphs in the structure tree). Deliberately plain: one page of labelled facts and the history.
 */
export async function disclosurePdf(d: ContactDisclosure, t: T, generatedOn: string): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const title = `${t('privacy.title')}: ${d.person.name}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: 'de-DE',
    font: fonts.regular,
    info: { Title: title, Author: d.kommune, Creator: 'ikon' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const block = (type: 'H1' | 'H2' | 'P', text: string, font: string, size: number, gapAfter: number) => {
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    root.add(
      doc.struct(type, {}, () => {
        doc.font(font).fontSize(size).fillColor('#1a1a1a').text(text, doc.page.margins.left, doc.y, { width });
      }),
    );
    doc.moveDown(gapAfter);
  };

  block('H1', title, fonts.bold, 18, 0.3);
  block('P', t('privacy.generated', { date: generatedOn, kommune: d.kommune }), fonts.regular, 10, 1);
  for (const section of disclosureSections(d, t)) {
    block('H2', section.heading, fonts.bold, 13, 0.3);
    for (const [label, value] of section.rows) block('P', label ? `${label}: ${value}` : value, fonts.regular, 11, 0.2);
    doc.moveDown(0.6);
  }
  root.end();
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
