import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { headingMatcher, layoutColumns, mappingFrom } from './headings.js';
import { readTable } from './parse.js';

const columns = [
  { key: 'name', heading: 'Name', aliases: ['Bezeichnung'] },
  { key: 'kind', heading: 'Art', aliases: [] },
  { key: 'place', heading: 'Gemeinde', aliases: ['Ort'] },
] as const;
const match = headingMatcher(columns);
const isHeading = (h: string) => match(h) !== undefined;

test('the heading row is found below title rows (CSV, with a title line that has no separator)', async () => {
  const csv = 'Akteure im Landkreis\r\nStand 03/2026\r\n\r\nBezeichnung;Art;Bemerkung\r\nVerein A;Verein;x\r\n';
  const table = await readTable(new Uint8Array(Buffer.from(csv)), 'a.csv', { isHeading });
  assert.equal(table.headerRow, 4);
  assert.deepEqual(table.headings, ['Bezeichnung', 'Art', 'Bemerkung']);
  assert.deepEqual(table.rows.map((r) => r.cells), [['Verein A', 'Verein', 'x']]);
  const plain = await readTable(new Uint8Array(Buffer.from(csv)), 'a.csv');
  assert.equal(plain.headerRow, 1, 'without a heading matcher the first row is the heading, as before');
});

test('the heading row is found below title rows (.xlsx, sheet chosen by name)', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hinweise').addRow(['Bitte nichts ändern']);
  const sheet = wb.addWorksheet('Akteure');
  sheet.addRow(['Akteursliste']);
  sheet.addRow([]);
  sheet.addRow(['Name', 'Ort']);
  sheet.addRow(['Verein B', 'Heidewald']);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const table = await readTable(bytes, 'a.xlsx', { isHeading, sheet: /akteur/i });
  assert.equal(table.headerRow, 3);
  assert.deepEqual(table.rows[0]!.cells, ['Verein B', 'Heidewald']);
});

test('unknown headings: listed, mapped by the person, doubles and missing required columns reported', () => {
  const table = { headerRow: 2, headings: ['Träger-Typ', 'Name', 'Notiz', 'Bezeichnung'], rows: [] };
  const plain = layoutColumns(table, columns, ['name', 'kind']);
  assert.deepEqual(plain.unknown.map((u) => u.heading), ['Träger-Typ', 'Notiz']);
  assert.deepEqual(plain.problems.map((p) => [p.row, p.column, p.messageKey]), [
    [2, 'Bezeichnung', 'spreadsheet.error.column_twice'],
    [2, 'Art', 'spreadsheet.error.column_missing'],
  ]);
  const mapped = layoutColumns(table, columns, ['name', 'kind'], mappingFrom({ spalte_0: 'kind', spalte_2: '', spalte_9: 'kind', other: 'x' }));
  assert.equal(mapped.at.get('kind'), 0, 'the mapped heading is read as the column');
  assert.deepEqual(mapped.unknown.map((u) => [u.heading, u.mappedTo]), [['Träger-Typ', 'kind'], ['Notiz', undefined]]);
  assert.ok(!mapped.problems.some((p) => p.messageKey === 'spreadsheet.error.column_missing'));
  const further = mappingFrom({ spalte_0: 'kind', ansprechpersonen_spalte_2: 'email', ansprechpersonen_spalte_0: '' }, 'Ansprechpersonen');
  assert.deepEqual([...further], [[2, 'email'], [0, '']], 'a further sheet of the file has mapping fields of its own');
  assert.deepEqual([...mappingFrom({ ansprechpersonen_spalte_2: 'email' })], [], 'which the first sheet does not read');
  const nonsense = layoutColumns(table, columns, ['kind'], mappingFrom({ spalte_0: 'internalNote' }));
  assert.ok(nonsense.problems.some((p) => p.column === 'Art'), 'a key that is no column of the import maps nothing');
});
