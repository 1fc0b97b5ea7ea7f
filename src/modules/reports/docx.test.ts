import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { convertDocument, officeMissing } from '../../../test/support/libreoffice.js';
import { pdfStructure } from './documents.js';
import { renderDocx } from './docx.js';
import { syntheticReport } from './fixture.js';
import { brokenWords, reportWithLongRows, splitRows } from './test-helpers.js';

const parts = async (docx: Buffer) => {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(read));
  return { settings: await read('word/settings.xml'), document: await read('word/document.xml'), footers: footers.join('\n'), fonts: Object.keys(zip.files).filter((n) => n.startsWith('word/fonts/')) };
};

test('the DOCX tables have fitted fixed columns, repeated header rows and rows that do not split; the footer numbers the pages', async () => {
  const { settings, document, footers, fonts } = await parts(await renderDocx(syntheticReport(30)));
  const grids = [...document.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((g) => [...g[1]!.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((c) => Number(c[1])));
  assert.ok(grids.length > 3, 'tables declare their column grid');
  assert.ok(grids.some((g) => new Set(g).size > 2), `columns differ in width by content (${JSON.stringify(grids[1])})`);
  assert.match(document, /<w:tblLayout w:type="fixed"\/>/, 'fixed layout: the widths hold in every word processor');
  assert.match(document, /<w:tcW w:type="dxa" w:w="\d+"\/>/, 'cells carry their width');
  assert.match(document, /<w:tblHeader\/>/, 'header rows repeat on each page');
  assert.match(document, /<w:cantSplit\/>/, 'rows are not split across pages');
  assert.match(footers, /PAGE/, 'footer: page number');
  assert.match(footers, /NUMPAGES/, 'footer: number of pages');
  assert.match(document, /PAGEREF _abschnitt_1/, 'the contents refer to the headings for their page numbers');
  assert.match(settings, /<w:updateFields(?: w:val="true")?\/>/, 'Word fills those numbers in on opening');
  assert.ok(fonts.length >= 2, `the measured font is embedded (${fonts.join(', ')})`);
  assert.match(document, /descr="Teilnehmende an Sprachkursen 1\.1: /, 'indicator charts carry an alternative text');
});

test('LibreOffice opens the DOCX: title page, contents with page numbers, "Seite X von Y", no broken word, no split row', { skip: await officeMissing() }, async () => {
  const m = reportWithLongRows(90);
  const pdf = await convertDocument(await renderDocx(m), 'bericht.docx', 'pdf');
  const { pages } = await pdfStructure(pdf);
  assert.ok(pages.length > 8, `several pages (${pages.length})`);
  assert.match(pages[0]!, /Landkreis Musterland.*Sachstandsbericht Integrationskonzept 2024.*Berichtszeitraum 01\.11\.2025 bis 31\.10\.2026/s, 'title page: Kommune, title and period');
  assert.doesNotMatch(pages[0]!, /Seite 1 von/, 'no page number on the title page');
  assert.match(pages[1]!, /Inhalt.*1\. Überblick[\s.]*3\b.*6\. Alle Maßnahmen mit letztem Sachstand[\s.]*\d+/s, `contents with page numbers: ${pages[1]}`);
  pages.slice(1).forEach((p, i) => assert.match(p, new RegExp(`Seite\\s+${i + 2}\\s+von\\s+${pages.length}`), `page ${i + 2} is numbered`));
  assert.deepEqual(brokenWords(pages, m), [], 'every word of every table cell appears whole');
  assert.deepEqual(splitRows(pages, m), [], 'rows stay on one page, under a header row');
  assert.match(pages.join(' '), /Stichtag\s+Wert\s+Art des Werts.*Ausgangswert/s, 'the indicator values stand beside the chart');
});
