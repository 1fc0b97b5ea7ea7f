import assert from 'node:assert/strict';
import { test } from 'node:test';
import { officeMissing, pdfInfo } from '../../../test/support/libreoffice.js';
import { pdfStructure, type PdfStructureNode } from './documents.js';
import { syntheticReport } from './fixture.js';
import { renderPdf } from './pdf.js';
import { brokenWords, reportWithLongRows, splitRows } from './test-helpers.js';

const roles = (nodes: PdfStructureNode[], out = new Map<string, PdfStructureNode[]>()) => {
  for (const n of nodes) {
    out.set(n.role, [...(out.get(n.role) ?? []), n]);
    roles(n.children, out);
  }
  return out;
};

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
  assert.deepEqual(brokenWords(pages, m), [], 'every word of every table cell appears whole');
  assert.deepEqual(splitRows(pages, m), [], 'rows stay on one page, under a header row');
  assert.ok(pages.length > 8, `several pages (${pages.length})`);
});

test('the PDF has a title page, a table of contents and "Seite X von Y" on every further page', async () => {
  const { pages } = await pdfStructure(await renderPdf(syntheticReport(60)));
  assert.match(pages[0]!, /Landkreis Musterland.*Sachstandsbericht Integrationskonzept 2024.*Berichtszeitraum 01\.11\.2025 bis 31\.10\.2026/s, 'title page: Kommune, title and period');
  assert.doesNotMatch(pages[0]!, /1\. Überblick/, 'the title page has nothing else');
  assert.match(pages[1]!, /Inhalt.*1\. Überblick\s+3.*6\. Alle Maßnahmen mit letztem Sachstand\s+\d+/s, 'contents with page numbers');
  pages.slice(1).forEach((p, i) => assert.match(p, new RegExp(`Seite ${i + 2} von ${pages.length}`), `page ${i + 2} is numbered`));
});
