import assert from 'node:assert/strict';
import { test } from 'node:test';
import { officeMissing, pdfInfo } from '../../../test/support/libreoffice.js';
import { cellText, reportContent } from './content.js';
import { pdfStructure, type PdfStructureNode } from './documents.js';
import { syntheticReport } from './fixture.js';
import { renderPdf } from './pdf.js';

const roles = (nodes: PdfStructureNode[], out = new Map<string, PdfStructureNode[]>()) => {
  for (const n of nodes) {
    out.set(n.role, [...(out.get(n.role) ?? []), n]);
    roles(n.children, out);
  }
  return out;
};

/** Long Sachstände (several lines per row) that start and end with a marker word per measure. */
function reportWithLongRows() {
  const m = syntheticReport(90);
  m.measures.forEach((x, i) => {
    x.latest = { reportedOn: '2026-05-01', isPublic: true, text: `Anfang${i} ${'Die Beratung läuft in allen Gemeinden, die Nachfrage ist höher als erwartet und die Wartezeit beträgt sechs Wochen. '.repeat(2)}Schluss${i}` };
  });
  return m;
}

test('the PDF is tagged for assistive technology: language, title shown, headings, tables with header cells, figures with alternative text', { skip: await officeMissing() }, async () => {
  const pdf = await renderPdf(syntheticReport(40));
  assert.equal((await pdfInfo(pdf)).Tagged, 'yes', 'pdfinfo: Tagged');
  const s = await pdfStructure(pdf);
  assert.ok(s.marked, 'MarkInfo Marked');
  assert.equal(s.info.Language, 'de-DE', 'document language');
  assert.equal(s.info.Title, 'Sachstandsbericht Integrationskonzept 2024', 'title in the metadata');
  assert.match(pdf.toString('latin1'), /\/DisplayDocTitle true/, 'viewers show the title, not the file name');
  const r = roles(s.tree);
  for (const role of ['H1', 'H2', 'H3', 'P', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'Figure', 'TOC', 'TOCI']) assert.ok(r.has(role), `structure has ${role}`);
  const figures = r.get('Figure') ?? [];
  assert.ok(figures.length >= 2, 'the status chart and indicator charts are figures');
  for (const f of figures) assert.ok((f.alt ?? '').length > 20, `every figure has an alternative text (${f.alt})`);
  assert.ok(figures.some((f) => /geplant \d+, in Umsetzung \d+/.test(f.alt ?? '')), 'the status chart says its numbers');
  assert.ok(figures.some((f) => /^Teilnehmende an Sprachkursen 1\.1: /.test(f.alt ?? '')), 'an indicator chart is named by its indicator');
});

test('the PDF never breaks a word inside a table, never splits a row and repeats the header row on every page', async () => {
  const m = reportWithLongRows();
  const { pages } = await pdfStructure(await renderPdf(m));
  const count = (words: string[]) => words.reduce((c, w) => c.set(w, (c.get(w) ?? 0) + 1), new Map<string, number>());
  const inPdf = count(pages.join(' ').split(/[\s\-–/]+/));
  const inCells = count(reportContent(m).blocks.flatMap((b) => (b.kind === 'table' ? [...b.headers, ...b.rows.flat().map(cellText)] : [])).flatMap((t) => t.split(/[\s\-–/]+/)).filter((w) => w.length > 1));
  const broken = [...inCells].filter(([w, n]) => (inPdf.get(w) ?? 0) < n).map(([w]) => w);
  assert.deepEqual(broken, [], 'every word of every table cell appears whole, as often as the tables have it');
  m.measures.forEach((_, i) => {
    for (const page of pages.filter((p) => p.split(/\s+/).includes(`Anfang${i}`))) {
      assert.ok(page.split(/\s+/).includes(`Schluss${i}`), `the row of measure ${i} is on one page`);
      assert.match(page, /Letzter Sachstand|Sachstand/, `a page with rows of measure ${i} has the header row`);
    }
  });
  assert.ok(pages.length > 8, `several pages (${pages.length})`);
});

test('the PDF has a title page, a table of contents and "Seite X von Y" on every further page', async () => {
  const { pages } = await pdfStructure(await renderPdf(syntheticReport(60)));
  assert.match(pages[0]!, /Landkreis Musterland.*Sachstandsbericht Integrationskonzept 2024.*Berichtszeitraum 01\.11\.2025 bis 31\.10\.2026/s, 'title page: Kommune, title and period');
  assert.doesNotMatch(pages[0]!, /1\. Überblick/, 'the title page has nothing else');
  assert.match(pages[1]!, /Inhalt.*1\. Überblick\s+3.*6\. Alle Maßnahmen mit letztem Sachstand\s+\d+/s, 'contents with page numbers');
  pages.slice(1).forEach((p, i) => assert.match(p, new RegExp(`Seite ${i + 2} von ${pages.length}`), `page ${i + 2} is numbered`));
});
