import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusDistributionSvg } from './charts.js';
import { docxText, pdfText } from './documents.js';
import { renderDocx } from './docx.js';
import { syntheticReport } from './fixture.js';
import { renderPdf } from './pdf.js';

test('the status chart is an SVG with one bar and one written count per status', () => {
  const m = syntheticReport(12);
  const svg = statusDistributionSvg(m.total.byStatus, m.statusLabels, 'Maßnahmen nach Status');
  assert.match(svg, /^<svg /);
  assert.equal((svg.match(/<rect /g) ?? []).length, 6);
  assert.match(svg, /<title>Maßnahmen nach Status<\/title>/);
  assert.doesNotMatch(svg, /NaN|undefined/);
});

test('the DOCX opens and contains every section, the figures and the measures', async () => {
  const m = syntheticReport(30);
  const text = await docxText(await renderDocx(m));
  for (const part of ['Sachstandsbericht Integrationskonzept 2024', '1. Überblick', '2. Stand je Themenfeld', '3. Veränderungen im Berichtszeitraum', '4. Überfällige Maßnahmen', '5. Indikatoren', '6. Alle Maßnahmen mit letztem Sachstand', 'Kurs läuft seit März', 'Teilhabe durch Sprache', 'zurückgestellt']) {
    assert.ok(text.includes(part), `DOCX contains "${part}"`);
  }
  assert.ok(text.includes('Sprachkurs mit Kinderbetreuung 30'));
});

test('the PDF contains the same content, with German characters intact', async () => {
  const m = syntheticReport(30);
  const text = await pdfText(await renderPdf(m));
  for (const part of ['Sachstandsbericht Integrationskonzept 2024', 'Überfällige Maßnahmen', 'Kurs läuft seit März', 'Seite 2 von']) {
    assert.ok(text.includes(part), `PDF contains "${part}"`);
  }
  // Rendering must not change the model: a second render from the same model works too.
  assert.ok((await renderPdf(m)).length > 1000);
});
