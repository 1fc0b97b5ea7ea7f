/**
 * Files that went through a spreadsheet program before they came back: English number formats
 * (issue 7, point 2) and measure numbers turned into dates (point 3).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describeEachDb, type TestApp, type TestClient } from '../../../../test/support/harness.js';
import { rowsOfLine } from '../../../../test/support/record-import.js';
import { measures } from '../schema.js';
import { base, confirm, coordination, counted, csv, demo, problemCells, upload } from './testing.js';

/** The draft's CSV export as rows (heading first). */
async function exportedRows(c: TestClient, editionId: string): Promise<string[][]> {
  const text = Buffer.from(await (await c.get(`${base}/${editionId}/export.csv`)).arrayBuffer()).toString('utf8');
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
}

const measureCount = async (t: TestApp, editionId: string) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(measures).where(eq(measures.editionId, editionId)))[0]!.n;
const english = (n: number, decimals: number) => n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: 4 });
const germanNumber = (cell: string) => Number(cell.replace(',', '.'));

describeEachDb('Maßnahmenimport: Dateien aus Tabellenprogrammen', (t) => {
  test('englisches Zahlenformat (32,000.00) wird erkannt: nichts ändert sich, eine geänderte Zahl zeigt alt → neu', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const [head, ...rows] = await exportedRows(c, d.draft.id);
    const cost = head!.indexOf('Kosten (EUR)');
    const staff = head!.indexOf('Personal (VZÄ)');
    // As LibreOffice in an English locale writes the export back.
    const englishRows = rows.map((r) => r.map((v, i) => (v && i === cost ? english(germanNumber(v), 2) : v && i === staff ? english(germanNumber(v), 1) : v)));
    assert.ok(englishRows.some((r) => /^\d{2},\d{3}\.00$/.test(r[cost]!)), 'the file has costs like 32,000.00');

    const same = await upload(c, d.draft.id, csv([head!, ...englishRows]), 'englisch.csv');
    assert.equal(same.status, 200, same.html.slice(0, 3000));
    assert.equal(counted(same.html, 'updated'), 0, 'no cost changed by a factor of 1,000');
    assert.equal(counted(same.html, 'created'), 0, 'nothing new');
    assert.match(same.html, /data-number-format="en"/, 'the preview names the detected format');

    const changedRow = englishRows.findIndex((r) => r[cost] === '32,000.00');
    assert.ok(changedRow >= 0, 'a measure costing 32,000.00');
    englishRows[changedRow]![cost] = '45,500.50';
    const changed = await upload(c, d.draft.id, csv([head!, ...englishRows]), 'englisch.csv');
    assert.equal(counted(changed.html, 'updated'), 1, 'exactly the changed measure');
    const table = new RegExp(`data-changes="${englishRows[changedRow]![0]!.replace(/\./g, '\\.')}">([\\s\\S]*?)</table>`).exec(changed.html)?.[1] ?? '';
    assert.match(table, /<th scope="row" class="kern-table__header">Kosten \(EUR\)<\/th><td class="kern-table__cell">32\.000<\/td><td class="kern-table__cell">45\.500,5<\/td>/, `old → new value of the cell, got: ${table}`);
  });

  test('ein Wert, den die Datei nicht entscheidet (32.000), ist ein Fehler mit Zeile und Spalte; das gewählte Format gilt', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const [head, ...rows] = await exportedRows(c, d.draft.id);
    const keep = ['Nr.', 'Themenfeld', 'Maßnahme', 'Kosten (EUR)'].map((h) => head!.indexOf(h));
    const withCost = rows.filter((r) => Number(r[keep[3]!]) >= 1000 && Number(r[keep[3]!]) % 1000 === 0);
    assert.ok(withCost.length > 0, 'measures with whole thousands as cost');
    // German grouping without decimals: 32.000 is 32000 in German, 32 in English.
    const file = csv([keep.map((i) => head![i]!), ...withCost.map((r) => keep.map((i) => (i === keep[3] ? Number(r[i]).toLocaleString('de-DE') : r[i]!)))]);

    const refused = await upload(c, d.draft.id, file, 'mehrdeutig.csv');
    assert.equal(refused.status, 422, 'refused, not guessed');
    assert.deepEqual(problemCells(refused.html).flatMap(([rows, column]) => rowsOfLine(rows).map((row) => [row, column])).sort((a, b) => Number(a[0]) - Number(b[0])), withCost.map((_, i) => [String(i + 2), 'Kosten (EUR)']), 'each ambiguous cell with row and column');
    assert.match(refused.html, /kann 32\.000 \(deutsches Zahlenformat\) oder 32 \(englisches Zahlenformat\) bedeuten|kann [\d.]+ \(deutsches Zahlenformat\) oder \d+ \(englisches Zahlenformat\) bedeuten/, 'says both readings');
    assert.match(refused.html, /name="zahlenformat"/, 'the form asks for the format');

    const german = await upload(c, d.draft.id, file, 'mehrdeutig.csv', { zahlenformat: 'de' });
    assert.equal(german.status, 200, german.html.slice(0, 3000));
    assert.equal(counted(german.html, 'updated'), 0, 'German: the costs as they are');
    assert.match(german.html, /data-number-format="de"/, 'chosen format shown');
    const asEnglish = await upload(c, d.draft.id, file, 'mehrdeutig.csv', { zahlenformat: 'en' });
    assert.equal(counted(asEnglish.html, 'updated'), withCost.length, 'English: every cost would change, and the preview says so');
    assert.match(asEnglish.html, /name="zahlenformat" value="en"/, 'the choice travels with the confirmation');
  });

  test('Nummern, die ein Tabellenprogramm zu Datumsangaben gemacht hat (01.01.01), werden als Nummern gelesen', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const [head, ...rows] = await exportedRows(c, d.draft.id);
    const nr = head!.indexOf('Nr.');
    const pad = (n: string) => n.split('.').map((p) => p.padStart(2, '0')).join('.');
    const dated = rows.map((r) => r.map((v, i) => (i === nr && /^\d{1,2}\.\d{1,2}\.\d{1,2}$/.test(v) ? pad(v) : v)));
    assert.ok(dated.some((r) => /^0\d\.0\d\.0\d$/.test(r[nr]!)), 'numbers like 03.01.01');
    const preview = await upload(c, d.draft.id, csv([head!, ...dated]), 'aus-calc.csv');
    assert.equal(preview.status, 200, preview.html.slice(0, 3000));
    assert.equal(counted(preview.html, 'created'), 0, 'no duplicate measures');
    assert.equal(counted(preview.html, 'updated'), 0, 'nothing changed');
    assert.match(preview.html, /data-restored-numbers="\d+"/, 'the preview says numbers were restored');

    // The same in an .xlsx whose number cells are real dates (Excel's or Calc's own recognition).
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Maßnahmen');
    sheet.addRow(head!);
    for (const r of rows) {
      const m = /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/.exec(r[nr]!);
      sheet.addRow(r.map((v, i) => (i === nr && m ? new Date(Date.UTC(2000 + Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : v)));
    }
    const xlsx = await upload(c, d.draft.id, new Uint8Array(await workbook.xlsx.writeBuffer()), 'datum.xlsx');
    assert.equal(xlsx.status, 200, xlsx.html.slice(0, 3000));
    assert.equal(counted(xlsx.html, 'created'), 0, 'date cells are measure numbers too');
  });

  test('ein Import, der mehr als halb so viele Maßnahmen neu anlegen würde, wie die Fassung hat, braucht eine ausdrückliche Bestätigung', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const [head, ...rows] = await exportedRows(c, d.draft.id);
    const nr = head!.indexOf('Nr.');
    const existing = await measureCount(t(), d.draft.id);
    const renumbered = rows.map((r) => r.map((v, i) => (i === nr ? `9.${v}` : v)));
    const preview = await upload(c, d.draft.id, csv([head!, ...renumbered]), 'neu-nummeriert.csv');
    assert.equal(preview.status, 200, preview.html.slice(0, 3000));
    assert.equal(counted(preview.html, 'created'), rows.length, 'all new');
    assert.match(preview.html, /id="viele-neu"/, 'a prominent warning');
    assert.match(preview.html, new RegExp(`${rows.length} neue Maßnahmen`), 'with the count');
    assert.match(preview.html, /name="viele_neu"/, 'and an extra checkbox');

    const refused = await confirm(c, d.draft.id, preview.html, false);
    assert.equal(refused.status, 422, 'not without the checkbox');
    const again = await refused.text();
    assert.match(again, /href="#f-viele_neu"/, 'the error summary points at the checkbox');
    assert.equal(await measureCount(t(), d.draft.id), existing, 'nothing created');

    const done = await confirm(c, d.draft.id, preview.html, false, { viele_neu: '1' });
    assert.equal(done.status, 303, 'created after the explicit confirmation');
    assert.equal(await measureCount(t(), d.draft.id), existing + rows.length, 'all created');
    await t().db.delete(measures).where(and(eq(measures.editionId, d.draft.id), sql`${measures.number} like '9.%'`));
  });
});
