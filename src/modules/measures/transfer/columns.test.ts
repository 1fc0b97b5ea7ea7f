import ExcelJS from 'exceljs';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fold, matchHeading, matchHorizon, matchPriority, matchStatus, parseDate, splitList, splitSdgs } from './columns.js';
import { germanDate, germanDecimal } from '../../../platform/i18n/german.js';
import { exportFileName } from './export.js';
import { readTable, unguard } from '../../../platform/spreadsheet/parse.js';

describe('Spaltenüberschriften der Maßnahmentabelle', () => {
  test('die üblichen Überschriften und ihre Varianten', () => {
    const cases: [string, string][] = [
      ['Nr.', 'number'], ['Nr', 'number'], [' nr. ', 'number'],
      ['Handlungsfeld', 'field'], ['Themenfeld', 'field'], ['THEMENFELD', 'field'],
      ['Ziel', 'goals'], ['Ziele', 'goals'], ['Ziel(e)', 'goals'],
      ['Maßnahme', 'title'], ['Massnahme', 'title'], ['Titel', 'title'], ['Maßnahmentitel', 'title'], ['Maßnahmen-Titel', 'title'],
      ['Beschreibung', 'description'],
      ['Zielgruppe', 'targetGroups'], ['Zielgruppen', 'targetGroups'], ['Zielgruppe(n)', 'targetGroups'], ['Zielgruppe (n)', 'targetGroups'],
      ['Federführung', 'lead'], ['federführend', 'lead'], ['Federfuehrend', 'lead'], ['Federführende Stelle', 'lead'], ['federführende-Stelle', 'lead'],
      ['Kooperationspartner', 'partners'], ['Partner', 'partners'], ['Kooperations-Partner', 'partners'],
      ['Zeithorizont', 'horizon'], ['Priorität', 'priority'], ['Prioritaet', 'priority'], ['Status', 'status'],
      ['Beginn', 'startDate'], ['Ende', 'endDate'],
      ['Personal (VZÄ)', 'staffFte'], ['Personal (VZAE)', 'staffFte'], ['Personal\n(VZÄ)', 'staffFte'],
      ['Kosten (EUR)', 'costEur'], ['Kosten', 'costEur'], ['Finanzierung', 'fundingSource'],
      ['Indikator', 'indicator'], ['Zielwert', 'targetValue'], ['Querschnittsthemen', 'crossCutting'], ['Querschnittsthema', 'crossCutting'],
      ['SDG', 'sdgs'], ['SDGs', 'sdgs'], ['Gemeinden', 'municipalities'], ['Gemeinde', 'municipalities'],
    ];
    for (const [heading, key] of cases) assert.equal(matchHeading(heading), key, heading);
  });

  test('Umlaute, auch zerlegt (macOS), und ß falten gleich', () => {
    assert.equal(fold('Maßnahme'), fold('MASSNAHME'));
    assert.equal(fold('Priorita\u0308t'), fold('Priorität'));
    assert.equal(matchHeading('Federfu\u0308hrung'), 'lead');
  });

  test('unbekannte und leere Überschriften', () => {
    assert.equal(matchHeading('Bemerkungen'), undefined);
    assert.equal(matchHeading(''), undefined);
    assert.equal(matchHeading('  '), undefined);
  });
});

describe('Werte der Maßnahmentabelle', () => {
  test('Zeithorizont, Priorität, Status tolerant', () => {
    assert.equal(matchHorizon('kurzfristig'), 'kurz');
    assert.equal(matchHorizon('kurz'), 'kurz');
    assert.equal(matchHorizon('Mittelfristig (2–3 Jahre)'), 'mittel');
    assert.equal(matchHorizon('Langfristig'), 'lang');
    assert.equal(matchHorizon('bald'), undefined);
    assert.equal(matchPriority('Quick-Win'), 'quick_win');
    assert.equal(matchPriority('Quick Win'), 'quick_win');
    assert.equal(matchPriority('quickwin'), 'quick_win');
    assert.equal(matchPriority('Schwerpunkt'), 'schwerpunkt');
    assert.equal(matchPriority('normal'), 'normal');
    assert.equal(matchPriority('dringend'), undefined);
    assert.equal(matchStatus('in Umsetzung'), 'in_umsetzung');
    assert.equal(matchStatus('In Umsetzung'), 'in_umsetzung');
    assert.equal(matchStatus('zurückgestellt'), 'zurueckgestellt');
    assert.equal(matchStatus('Zurueckgestellt'), 'zurueckgestellt');
    assert.equal(matchStatus('fertig'), undefined);
  });

  test('SDG und Mehrfachwerte', () => {
    assert.deepEqual(splitSdgs('4, 10'), ['4', '10']);
    assert.deepEqual(splitSdgs('SDG 4; SDG 10'), ['4', '10']);
    assert.deepEqual(splitSdgs(''), []);
    assert.deepEqual(splitList('Eltern; Frauen\nNeuzugewanderte\r\n; '), ['Eltern', 'Frauen', 'Neuzugewanderte']);
    assert.deepEqual(splitList('Caritasverband Musterland, Kreisverband'), ['Caritasverband Musterland, Kreisverband'], 'commas stay inside names');
  });

  test('Datum deutsch, ISO, zweistellig, Excel-Seriennummer; ungültige Tage', () => {
    assert.equal(parseDate('31.12.2026'), '2026-12-31');
    assert.equal(parseDate('1.3.2025'), '2025-03-01');
    assert.equal(parseDate('01.03.25'), '2025-03-01');
    assert.equal(parseDate('2026-12-31'), '2026-12-31');
    assert.equal(parseDate('46022'), '2025-12-31');
    assert.equal(parseDate(''), null);
    assert.equal(parseDate('31.02.2026'), undefined);
    assert.equal(parseDate('2026-02-30'), undefined);
    assert.equal(parseDate('Ende 2026'), undefined);
    assert.equal(germanDate('2026-12-31'), '31.12.2026');
    assert.equal(germanDecimal(0.5), '0,5');
    assert.equal(germanDecimal(32000), '32000');
  });

  test('Zellen aus Excel: Datum, Zahl, Formel, Rich Text, Wahrheitswert, Fehlerwert', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hinweise').addRow(['Diese Tabelle erklärt nichts.']);
    const sheet = workbook.addWorksheet('Maßnahmen');
    sheet.addRow(['Datum', 'Spät', 'Zahl', 'Formel', 'Text', 'Ja', 'Fehler']);
    sheet.addRow([new Date(Date.UTC(2026, 11, 31)), new Date(Date.UTC(2026, 11, 30, 23, 59, 59, 999)), 0.1 + 0.2, { formula: 'C2*2', result: 7 }, { richText: [{ text: 'Sprach' }, { text: 'café' }] }, true, { error: '#N/A' }]);
    sheet.getCell('B2').numFmt = 'dd.mm.yyyy hh:mm';
    sheet.addRow([]);
    sheet.addRow(['x']);
    const table = await readTable(new Uint8Array(await workbook.xlsx.writeBuffer()), 'tabelle.xlsx');
    assert.deepEqual(table.headings, ['Datum', 'Spät', 'Zahl', 'Formel', 'Text', 'Ja', 'Fehler'], 'the sheet named Maßnahmen, not the first one');
    assert.deepEqual(table.rows[0]?.cells, ['2026-12-31', '2026-12-31', '0.3', '7', 'Sprachcafé', 'ja', ''], 'every value as the import reads it');
    assert.deepEqual(table.rows[0]?.typed, [true, true, true, true, false, false, false], 'dates, numbers and number results of formulas are typed cells');
    assert.deepEqual([table.rows[0]?.row, table.rows[1]?.row], [2, 4], 'empty rows are skipped, rows keep their numbers');
    assert.deepEqual(table.rows[1]?.cells, ['x', '', '', '', '', '', ''], 'short rows are filled up to the table width');
  });

  test('CSV: BOM, Windows-1252, geschützte Formeln, Zeilennummern mit Zeilenumbruch in Zellen', async () => {
    const text = 'Nr.;Maßnahme\r\n1;"zwei\r\nZeilen"\r\n\r\n2;\'=SUMME\r\n';
    const withBom = await readTable(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]));
    assert.deepEqual(withBom.headings, ['Nr.', 'Maßnahme']);
    assert.deepEqual(withBom.rows.map((r) => r.row), [2, 4]);
    assert.equal(withBom.rows[1]!.cells[1], '=SUMME');
    const latin1 = await readTable(new Uint8Array(Buffer.from('Nr.;Maßnahme\r\n1;Überblick\r\n', 'latin1')));
    assert.deepEqual(latin1.headings, ['Nr.', 'Maßnahme']);
    assert.equal(latin1.rows[0]!.cells[1], 'Überblick');
    assert.equal(unguard("'-5"), '-5');
    assert.equal(unguard("'Text"), "'Text");
  });

  test('Dateiname des Exports', () => {
    assert.equal(exportFileName({ title: 'Integrationskonzept 2024' }, 'xlsx'), 'massnahmen-integrationskonzept-2024.xlsx');
    assert.equal(exportFileName({ title: 'Integrationskonzept 2026 (Fortschreibung)' }, 'csv'), 'massnahmen-integrationskonzept-2026-fortschreibung.csv');
    assert.equal(exportFileName({ title: 'Maßnahmen für Übergänge' }, 'csv'), 'massnahmen-massnahmen-fuer-uebergaenge.csv');
  });
});
