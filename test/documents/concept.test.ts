/**
 * The concept edition as Word file and PDF, checked with their real consumers: LibreOffice opens
 * the DOCX in a German and an English profile, lays it out (contents filled in, pages numbered)
 * and saves it again as DOCX without losing content; poppler renders both PDFs to PNG pages,
 * written to .tmp/documents/ for a person to look at.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { startTestApp, type TestApp, type TestClient } from '../support/harness.js';
import { convertDocument, officeMissing, pdfInfo, pdfPages, type OfficeLocale } from '../support/libreoffice.js';
import { editions } from '../../src/modules/concepts/schema.js';
import { docxText, pdfStructure } from '../../src/modules/reports/documents.js';

const locales: OfficeLocale[] = ['de-DE', 'en-US'];
const flat = (s: string) => s.replace(/\s+/g, ' ');

async function download(c: TestClient, url: string): Promise<Buffer> {
  const res = await c.get(url);
  assert.equal(res.status, 200, `GET ${url}`);
  return Buffer.from(await res.arrayBuffer());
}

/** PNG pages for a person to look at (the tests read the text; the eye checks the layout). */
async function keepPages(pdf: Buffer, name: string, last = 4) {
  const dir = path.join(process.cwd(), '.tmp', 'documents');
  await fs.mkdir(dir, { recursive: true });
  const pages = await pdfPages(pdf, { last, dpi: 60 });
  await Promise.all(pages.map((png, i) => fs.writeFile(path.join(dir, `${name}-${i + 1}.png`), png)));
  return pages;
}

describe('Konzept als Word-Datei und PDF in LibreOffice und poppler', { skip: await officeMissing() }, () => {
  let t: TestApp;
  let c: TestClient;
  let adopted: { id: string; title: string };
  before(async () => {
    t = await startTestApp('pglite');
    c = await t.signIn('lesend@musterland.example');
    const [row] = await t.db.select({ id: editions.id, title: editions.title }).from(editions).where(eq(editions.status, 'beschlossen'));
    assert.ok(row, 'the demo has an adopted edition');
    adopted = row;
  });
  after(async () => t?.close());

  for (const locale of locales) {
    test(`LibreOffice (${locale}) öffnet das Konzept als DOCX: Titelseite, Inhalt mit Seitenzahlen, alle Teile; gespeichert als DOCX bleibt alles da`, async () => {
      const docx = await download(c, `/app/k/musterland/fassungen/${adopted.id}/konzept.docx`);
      const original = flat(await docxText(docx));
      const [pdf, resaved] = await Promise.all([convertDocument(docx, 'konzept.docx', 'pdf', { locale }), convertDocument(docx, 'konzept.docx', 'docx:MS Word 2007 XML', { locale })]);
      const { pages } = await pdfStructure(pdf);
      assert.ok(pages.length > 10, `several pages (${pages.length})`);
      assert.match(pages[0]!, /Landkreis Musterland.*Integrationskonzept 2024.*Beschlossen am 16\.12\.2024/s, 'title page');
      assert.match(flat(pages[1]!), /Inhalt 1\. Einleitung[ .]*3 2\. Leitlinien[ .]*\d+ 3\. Themenfelder, Ziele und Maßnahmen[ .]*\d+ 3\.1 /, `contents with page numbers: ${pages[1]!.slice(0, 300)}`);
      pages.slice(1).forEach((p, i) => assert.match(p, new RegExp(`Seite\\s+${i + 2}\\s+von\\s+${pages.length}`), `page ${i + 2} is numbered`));
      const all = flat(pages.join(' '));
      for (const part of ['Querschnittsthemen', 'Anhang: Beteiligte Akteure', 'Nr. Maßnahme Ziele Federführung Beteiligte Zeitraum']) assert.ok(all.includes(part), `laid out: "${part}"`);
      await keepPages(pdf, `konzept-docx-${locale}`);

      const again = flat(await docxText(resaved));
      for (const heading of original.match(/\d+\.\d+ [A-ZÄÖÜ][^.]{5,60}?(?= )/g)!.slice(0, 12)) assert.ok(again.includes(heading), `${locale}: re-saved DOCX keeps "${heading}"`);
      assert.ok(again.length > original.length * 0.9, `${locale}: re-saved DOCX keeps the text (${again.length} of ${original.length} characters)`);
    });
  }

  test('das öffentliche PDF: getaggt, mit Titel und Sprache, Seiten als PNG', async () => {
    const pdf = await download(t.client(), '/k/musterland/konzept.pdf');
    const info = await pdfInfo(pdf);
    assert.equal(info.Tagged, 'yes');
    assert.equal(info.Title, adopted.title);
    const pages = await keepPages(pdf, 'konzept-pdf', 6);
    assert.equal(pages.length, 6, 'pdftoppm renders the pages');
    for (const png of pages) assert.equal(png.subarray(1, 4).toString(), 'PNG');
  });
});
