import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { officeMissing, pdfInfo } from '../../../../test/support/libreoffice.js';
import { cellText } from '../content.js';
import { docxText, pdfStructure, type PdfStructureNode } from '../documents.js';
import { conceptContent } from './content.js';
import { renderConcept } from './document.js';
import { syntheticConcept } from './fixture.js';

const roles = (nodes: PdfStructureNode[], out = new Map<string, PdfStructureNode[]>()) => {
  for (const n of nodes) {
    out.set(n.role, [...(out.get(n.role) ?? []), n]);
    roles(n.children, out);
  }
  return out;
};
/** The text of a structure element's children, as pdf.js names it ("content" nodes carry no role). */
const headingsOf = (s: Awaited<ReturnType<typeof pdfStructure>>) => s.pages.join(' ');

test('the concept PDF is tagged: language, title, headings, tables with header cells, contents', { skip: await officeMissing() }, async () => {
  const pdf = await renderConcept(syntheticConcept(40), 'pdf');
  const info = await pdfInfo(pdf);
  assert.equal(info.Tagged, 'yes', 'pdfinfo: Tagged');
  assert.equal(info.Title, 'Integrationskonzept 2024', 'pdfinfo: title');
  const s = await pdfStructure(pdf);
  assert.ok(s.marked, 'MarkInfo Marked');
  assert.equal(s.info.Language, 'de-DE', 'document language');
  assert.equal(s.info.Title, 'Integrationskonzept 2024', 'title in the metadata');
  assert.match(pdf.toString('latin1'), /\/DisplayDocTitle true/, 'viewers show the title');
  const r = roles(s.tree);
  for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'TOC', 'TOCI', 'Figure']) assert.ok(r.has(role), `structure has ${role}`);
  // The overview's figures, one measure table per Themenfeld, one per Querschnittsthema with measures, the actors.
  // pdf.js reads the tree page by page: a table continued on the next page shows there again, without its THead.
  assert.equal(r.get('Table')!.filter((n) => n.children.some((c) => c.role === 'THead')).length, 1 + 6 + 1 + 1, 'one table per Themenfeld, Querschnittsthema with measures and the actors');
  assert.equal(r.get('TH')!.length, 3 + 6 * 6 + 3 + 5, 'every column has a header cell, once (repeated header rows are artifacts)');
  const [figure] = r.get('Figure')!;
  assert.equal(figure!.alt, 'Maßnahmen je Themenfeld: Teilhabe durch Sprache 7, Teilhabe durch Bildung 7, Teilhabe durch Arbeit und Beruf 7, Gesundheit und Pflege 7, Gesellschaftliche Teilhabe 6, Ehrenamt und Engagement 6.', 'the chart says its numbers');
  assert.equal(r.get('TOCI')!.length, 5 + 6 + 2, 'the contents list chapters, Themenfelder and Querschnittsthemen');
  assert.match(headingsOf(s), /Anhang: Beteiligte Akteure/);
});

test('the concept PDF has title page, contents with page numbers, every part and numbered pages; words and rows stay whole', async () => {
  const m = syntheticConcept(160);
  const { pages } = await pdfStructure(await renderConcept(m, 'pdf'));
  assert.match(pages[0]!, /Landkreis Musterland.*Integrationskonzept 2024.*Beschlossen am 16\.12\.2024.*6 Themenfelder, 18 Ziele, 160 Maßnahmen/s, 'title page');
  assert.doesNotMatch(pages[0]!, /Seite 1 von/, 'no page number on the title page');
  assert.match(pages[1]!, /Inhalt.*1\. Einleitung\s+3.*2\. Leitlinien\s+3.*3\. Themenfelder, Ziele und Maßnahmen\s+3.*3\.1 Teilhabe durch Sprache\s+3.*4\. Querschnittsthemen\s+\d+.*5\. Anhang: Beteiligte Akteure\s+\d+/s, `contents: ${pages[1]}`);
  pages.slice(1).forEach((p, i) => assert.match(p, new RegExp(`Seite ${i + 2} von ${pages.length}`), `page ${i + 2} is numbered`));
  const all = pages.join(' ');
  for (const part of ['Integration ist eine Aufgabe aller', 'Leitziel 1.1: Mehr Menschen erreichen passende Angebote 1.1', 'Sprachkurs mit Kinderbetreuung 160', 'Interkulturelle Öffnung der Verwaltung', 'Keine Maßnahme ist diesem Querschnittsthema zugeordnet.', 'Migrantenorganisation Brücke e. V.']) {
    assert.ok(all.includes(part), `PDF contains "${part}"`);
  }
  // Every word of the measure tables appears whole as often as the tables have it.
  const words = (text: string) => text.split(/[\s\-–/(),:;.]+/).filter((w) => w.length > 1);
  const rendered = new Map<string, number>();
  for (const w of words(all)) rendered.set(w, (rendered.get(w) ?? 0) + 1);
  const cells = new Map<string, number>();
  for (const b of conceptContent(m).blocks) if (b.kind === 'table') for (const w of words([...b.headers, ...b.rows.flat().map(cellText)].join(' '))) cells.set(w, (cells.get(w) ?? 0) + 1);
  assert.deepEqual([...cells].filter(([w, n]) => (rendered.get(w) ?? 0) < n).map(([w]) => w), [], 'no word of a table cell is broken');
  // A measure's row stays on one page, under a header row: the first and last word of its description share a page.
  const long = syntheticConcept(90);
  long.fields.flatMap((f) => f.measures).forEach((x, i) => (x.description = `Anfang${i} ${'Die Beratung läuft in allen Gemeinden, die Nachfrage ist höher als erwartet und die Wartezeit beträgt sechs Wochen. '.repeat(3)}Schluss${i}`));
  const longPages = (await pdfStructure(await renderConcept(long, 'pdf'))).pages;
  const problems: string[] = [];
  for (let i = 0; i < 90; i++) {
    for (const page of longPages) {
      const tokens = page.split(/\s+/);
      if (tokens.includes(`Anfang${i}`) !== tokens.includes(`Schluss${i}`)) problems.push(`row ${i} split`);
      if (tokens.includes(`Schluss${i}`) && !/Nr\.\s+Maßnahme\s+Ziele\s+Federführung\s+Beteiligte\s+Zeitraum/.test(page)) problems.push(`row ${i} without header row`);
    }
  }
  assert.deepEqual(problems, [], 'rows stay on one page, under a header row');
  assert.ok(longPages.length > 12, `several pages (${longPages.length})`);
});

test('a draft says "Entwurf" in its title, on the title page and on every page', async () => {
  const m = syntheticConcept(12, 'entwurf');
  const s = await pdfStructure(await renderConcept(m, 'pdf'));
  assert.equal(s.info.Title, 'Entwurf: Integrationskonzept 2026 (Fortschreibung)');
  assert.match(s.pages[0]!, /Entwurf – Stand 30\.11\.2026 \(Entwurf\), nicht beschlossen/);
  s.pages.slice(1).forEach((p, i) => assert.match(p, /Integrationskonzept 2026 \(Fortschreibung\) · Entwurf/, `page ${i + 2} is marked`));
  const docx = await docxText(await renderConcept(m, 'docx'));
  assert.match(docx, /Entwurf – Stand 30\.11\.2026/);
  assert.match(docx, /Entwurf – nicht beschlossen/);
});

test('the concept DOCX has every part, goals with their descriptions and measure titles above their descriptions', async () => {
  const buffer = await renderConcept(syntheticConcept(30), 'docx');
  const text = await docxText(buffer);
  for (const part of ['Integrationskonzept 2024', 'Inhalt', '1. Einleitung', '2. Leitlinien', '3. Themenfelder, Ziele und Maßnahmen', '3.6 Ehrenamt und Engagement', '4. Querschnittsthemen', '5. Anhang: Beteiligte Akteure', 'Leitziel 1.1: Mehr Menschen erreichen passende Angebote 1.1 Zugewanderte finden früh', 'Sprachkurs mit Kinderbetreuung 30', 'Federführung', 'Beteiligte', 'Zeitraum']) {
    assert.ok(text.includes(part), `DOCX contains "${part}"`);
  }
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  // assert.ok, not assert.match: a failing match would print the whole document.
  assert.ok(/Sprachkurs mit Kinderbetreuung 2<\/w:t><\/w:r><w:r><w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:br\/><w:t[^>]*>Kurse am Vormittag/.test(xml), 'the description starts on a line of its own');
  assert.ok(xml.includes('<w:tblHeader/>'), 'header rows repeat');
  assert.ok(styles.includes('<w:lang w:val="de-DE"/>'), 'document language German');
});
