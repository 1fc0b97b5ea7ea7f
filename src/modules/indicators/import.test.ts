import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describeEachDb, type TestClient } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { valueDate } from './import.js';
import { demo } from './test-helpers.js';

const app = '/app/k/musterland';

async function upload(c: TestClient, editionId: string, bytes: Uint8Array | string, name: string) {
  const form = new FormData();
  form.append('datei', new Blob([new Uint8Array(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)]), name);
  const res = await c.postMultipart(`${app}/fassungen/${editionId}/indikatoren/import`, form);
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`;

/** (row, column) pairs of the problems table. */
const problemCells = (html: string): [string, string][] =>
  [...html.matchAll(/<th scope="row" class="kern-table__header kern-table__header--numeric">([^<]*)<\/th><td class="kern-table__cell">([^<]*)<\/td>/g)].map((m) => [m[1]!, m[2]!]);

describeEachDb('Indikatorwerte importieren (CSV, XLSX)', (t) => {
  test('a CSV with German numbers and dates, names and ids: a new value added, existing ones replaced, one unchanged', async () => {
    const d = await demo(t().db);
    const wait = await d.indicator('Wartezeit bis zum Beginn eines Integrationskurses');
    const courses = await d.indicator('Teilnehmende an Integrationskursen');
    const c = await t().signIn('koordination@musterland.example');
    const file = csv([
      ['Indikator', 'Indikator-ID', 'Stichtag', 'Wert', 'Bemerkung'],
      ['Wartezeit bis zum Beginn eines Integrationskurses', '', '30.09.2026', '9,5', 'vorläufig'],
      ['', courses.id, '2025', '995', ''], // a year alone: 31.12.2025; replaces 990
      ['wartezeit bis zum beginn eines integrationskurses', '', '31.12.2025', '11', ''], // as it is: unchanged
      ['Wartezeit bis zum Beginn eines Integrationskurses', '', '2026-06-30', '10,25', 'korrigiert'], // replaces 10,5
      ['Teilnehmende an Integrationskursen', '', '', '', ''], // a template row without value: passed over
    ]);
    const res = await upload(c, d.adopted.id, file, 'werte.csv');
    assert.equal(res.status, 303, res.html.slice(0, 2000));
    assert.equal(res.location, `${app}/fassungen/${d.adopted.id}/indikatoren`);
    const flash = await (await c.get(res.location!)).text();
    assert.match(flash, /Werte importiert: 1 neu, 2 ersetzt, 1 unverändert\./);
    const values = await d.valuesOf(wait.id);
    assert.deepEqual(values.map((v) => [v.measuredOn, Number(v.value), v.note]), [
      ['2024-12-31', 12, ''],
      ['2025-12-31', 11, ''],
      ['2026-06-30', 10.25, 'korrigiert'],
      ['2026-09-30', 9.5, 'vorläufig'],
    ]);
    const courseValues = await d.valuesOf(courses.id);
    assert.equal(Number(courseValues.find((v) => v.measuredOn === '2025-12-31')?.value), 995);
    const audit = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'indicator_value'), eq(auditLog.action, 'import')));
    assert.equal(audit.length, 3);
  });

  test('the same file sent twice at once (a double click): each value stored once, both answered', async () => {
    const d = await demo(t().db);
    const wait = await d.indicator('Wartezeit bis zum Beginn eines Integrationskurses');
    const rows = [['Indikator-ID', 'Stichtag', 'Wert']];
    for (let month = 1; month <= 12; month++) rows.push([wait.id, `2019-${String(month).padStart(2, '0')}-01`, String(month)]);
    const [a, b] = [await t().signIn('koordination@musterland.example'), await t().signIn('koordination@musterland.example')];
    const answers = await Promise.all([upload(a, d.adopted.id, csv(rows), 'doppelt.csv'), upload(b, d.adopted.id, csv(rows), 'doppelt.csv')]);
    assert.deepEqual(answers.map((r) => r.status), [303, 303]);
    const stored = (await d.valuesOf(wait.id)).filter((v) => v.measuredOn.startsWith('2019-'));
    assert.equal(stored.length, 12, 'each date once: the second import waited and found the values of the first');
  });

  test('English numbers (1,234.5) are read as such; a value the file does not decide (1.234) is an error until the format is chosen', async () => {
    const d = await demo(t().db);
    const c = await t().signIn('koordination@musterland.example');
    const english = csv([
      ['Indikator', 'Datum', 'Wert'],
      ['Teilnehmende an Integrationskursen', '30.06.2026', '1,234.5'],
      ['Teilnehmende an Integrationskursen', '30.05.2026', '0.5'],
    ]);
    const res = await upload(c, d.adopted.id, english, 'englisch.csv');
    assert.equal(res.status, 303, res.html.slice(0, 2000));
    const courses = await d.indicator('Teilnehmende an Integrationskursen');
    const values = await d.valuesOf(courses.id);
    assert.equal(Number(values.find((v) => v.measuredOn === '2026-06-30')?.value), 1234.5, '1,234.5 is not 1.2345');
    assert.equal(Number(values.find((v) => v.measuredOn === '2026-05-30')?.value), 0.5, '0.5');

    const ambiguous = csv([
      ['Indikator', 'Datum', 'Wert'],
      ['Teilnehmende an Integrationskursen', '30.04.2026', '1.234'],
    ]);
    const refused = await upload(c, d.adopted.id, ambiguous, 'mehrdeutig.csv');
    assert.equal(refused.status, 422, 'not guessed');
    assert.deepEqual(problemCells(refused.html), [['2', 'Wert']], 'row and column');
    assert.match(refused.html, /1\.234 \(deutsches Zahlenformat\) oder 1,234 \(englisches Zahlenformat\)/, 'both readings named');
    const form = new FormData();
    form.append('datei', new Blob([Buffer.from(ambiguous)]), 'mehrdeutig.csv');
    form.append('zahlenformat', 'de');
    assert.equal((await c.postMultipart(`${app}/fassungen/${d.adopted.id}/indikatoren/import`, form)).status, 303, 'German chosen');
    assert.equal(Number((await d.valuesOf(courses.id)).find((v) => v.measuredOn === '2026-04-30')?.value), 1234, 'read as German');
  });

  test('all or nothing: one file with many wrong rows is refused with every problem (row and column), nothing changes', async () => {
    const d = await demo(t().db);
    const c = await t().signIn('koordination@musterland.example');
    const before = await d.counts();
    const file = csv([
      ['Indikator', 'Datum', 'Wert'],
      ['Abschlussquote Sprachkurse B1', '30.09.2026', '55'], // fine
      ['Gibt es nicht', '30.09.2026', '1'], // row 3
      ['Abschlussquote Sprachkurse B1', '31.02.2026', '1'], // row 4: no such day
      ['Abschlussquote Sprachkurse B1', '01.10.2026', 'viel'], // row 5: not a number
      ['Abschlussquote Sprachkurse B1', '01.01.2099', '1'], // row 6: future
      ['Abschlussquote Sprachkurse B1', '30.09.2026', '56'], // row 7: same date as row 2
      ['', '30.09.2026', '1'], // row 8: which indicator?
      ['Abschlussquote Sprachkurse B1', '', ''], // passed over (template row)
    ]);
    const res = await upload(c, d.adopted.id, file, 'fehler.csv');
    assert.equal(res.status, 422);
    assert.match(res.html, /Die Datei wurde nicht importiert\. Es wurde nichts geändert\./);
    assert.deepEqual(problemCells(res.html), [
      ['3', 'Indikator'],
      ['4', 'Datum'],
      ['5', 'Wert'],
      ['6', 'Datum'],
      ['7', 'Datum'],
      ['8', 'Indikator'],
    ]);
    assert.match(res.html, /Einen Indikator „Gibt es nicht“ gibt es in dieser Fassung nicht\./);
    assert.match(res.html, /„31\.02\.2026“ ist kein gültiges Datum/);
    assert.match(res.html, /„viel“ ist keine Zahl/);
    assert.match(res.html, /Das Datum 01\.01\.2099 liegt in der Zukunft\./);
    assert.match(res.html, /Für diesen Indikator und dieses Datum steht schon ein Wert in Zeile 2\./);
    assert.deepEqual(await d.counts(), before);

    const noColumns = await upload(c, d.adopted.id, csv([['Name', 'Zahl'], ['x', '1']]), 'x.csv');
    assert.equal(noColumns.status, 422);
    assert.match(noColumns.html, /Es fehlt eine Spalte „Indikator“ oder „Indikator-ID“\./);
    assert.match(noColumns.html, /Diese Spalte fehlt\. Sie ist für den Import nötig\./);
    const empty = await upload(c, d.adopted.id, '', 'leer.csv');
    assert.equal(empty.status, 422);
    assert.match(empty.html, /Bitte wählen Sie eine Datei/);
    assert.deepEqual(await d.counts(), before);
  });

  test('Redaktion may import only into the indicators of its own measures', async () => {
    const d = await demo(t().db);
    const c = await t().signIn('redaktion@musterland.example');
    const page = await c.get(`${app}/fassungen/${d.adopted.id}/indikatoren/import`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Vermittelte Mietverhältnisse aus Gemeinschaftsunterkünften/);
    assert.ok(!html.includes('Abschlussquote Sprachkurse B1'), 'only the own indicators are listed');
    const before = await d.counts();
    const refused = await upload(c, d.adopted.id, csv([
      ['Indikator', 'Datum', 'Wert'],
      ['Vermittelte Mietverhältnisse aus Gemeinschaftsunterkünften', '30.09.2026', '61'],
      ['Abschlussquote Sprachkurse B1', '30.09.2026', '55'],
    ]), 'x.csv');
    assert.equal(refused.status, 422);
    assert.match(refused.html, /Für den Indikator „Abschlussquote Sprachkurse B1“ dürfen Sie keine Werte erfassen\./);
    assert.deepEqual(await d.counts(), before);
    const ok = await upload(c, d.adopted.id, csv([['Indikator', 'Datum', 'Wert'], ['Vermittelte Mietverhältnisse aus Gemeinschaftsunterkünften', '30.09.2026', '61']]), 'x.csv');
    assert.equal(ok.status, 303);
    for (const email of ['partner@musterland.example', 'lesend@musterland.example']) {
      const other = await t().signIn(email);
      assert.equal((await other.get(`${app}/fassungen/${d.adopted.id}/indikatoren/import`)).status, 403);
      assert.equal((await upload(other, d.adopted.id, csv([['Indikator', 'Datum', 'Wert'], ['Abschlussquote Sprachkurse B1', '30.09.2026', '55']]), 'x.csv')).status, 403);
    }
  });

  test('an .xlsx with real dates and numbers (1.5 is one and a half there) and an id column', async () => {
    const d = await demo(t().db);
    const ind = await d.indicator('Beschäftigungsquote zugewanderter Frauen');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Werte');
    sheet.addRow(['Indikator-ID', 'Datum', 'Wert', 'Anmerkung']);
    sheet.addRow([ind.id, new Date(Date.UTC(2026, 8, 30)), 37.25, 'BA-Statistik']);
    sheet.addRow([ind.id, '31.10.2026', '37,5', '']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const c = await t().signIn('koordination@musterland.example');
    const res = await upload(c, d.adopted.id, bytes, 'werte.xlsx');
    assert.equal(res.status, 303, res.html.slice(0, 1500));
    const values = await d.valuesOf(ind.id);
    assert.deepEqual(values.slice(-2).map((v) => [v.measuredOn, Number(v.value), v.note]), [
      ['2026-09-30', 37.25, 'BA-Statistik'],
      ['2026-10-31', 37.5, ''],
    ]);
  });
});

test('dates and numbers of the value import', () => {
  assert.equal(valueDate('31.12.2025'), '2025-12-31');
  assert.equal(valueDate('2025'), '2025-12-31');
  assert.equal(valueDate('31.02.2025'), undefined);
  assert.equal(valueDate('1850'), undefined);
});
