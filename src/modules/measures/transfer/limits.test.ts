import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { describeEachDb, type TestApp, type TestClient } from '../../../../test/support/harness.js';
import { fullCsv, fullWorkbook, hugeCellWorkbook, manyRowsCsv, wideCsv, xfdWorkbook, zipBombWorkbook } from '../../../../test/support/spreadsheets.js';
import { nodeArgsFor } from '../../../../test/support/server-process.js';
import { auditLog } from '../../../platform/audit/schema.js';
import { editions } from '../../concepts/schema.js';
import { indicatorValues, measureUpdates } from '../../progress/schema.js';
import { measures } from '../schema.js';
import { readTable, uploadLimits } from '../../../platform/spreadsheet/parse.js';
import { problemsOf } from '../../../platform/spreadsheet/problems.js';

const repoRoot = process.cwd() + '/';

/** The message keys a refused file gets, or the table's size when it is accepted. */
async function outcome(bytes: Uint8Array, name: string) {
  try {
    const table = await readTable(bytes, name);
    return { rows: table.rows.length, columns: table.headings.length };
  } catch (e) {
    const problems = problemsOf(e);
    if (!problems) throw e;
    return { problems: problems.map((p) => p.messageKey), params: problems[0]?.params };
  }
}

describe('Grenzen beim Lesen von Tabellen (Issue 8)', () => {
  test('Spalte XFD, Zip-Bomben, zu viele Zeilen, zu lange Zellen: abgelehnt mit dem Grund', async () => {
    assert.deepEqual(await outcome(await xfdWorkbook(), 'xfd.xlsx'), { problems: ['spreadsheet.error.too_many_columns'], params: { cell: 'XFD1', max: 100, last: 'CV' } }, 'the cell beyond the last column is named');
    assert.deepEqual((await outcome(await zipBombWorkbook(1000), 'bomb.xlsx')).problems, ['spreadsheet.error.unpacked_too_large'], 'declared unpacked size over the budget');
    assert.deepEqual((await outcome(await zipBombWorkbook(1000, { lying: true }), 'bomb.xlsx')).problems, ['spreadsheet.error.unpacked_too_large'], 'headers that understate the size: the real bytes are counted');
    assert.deepEqual((await outcome(await zipBombWorkbook(49), 'bomb.xlsx')).problems, ['spreadsheet.error.too_many_rows'], 'within the budget, but too many rows');
    assert.deepEqual((await outcome(await hugeCellWorkbook(5), 'cell.xlsx')).problems, ['spreadsheet.error.cell_too_long'], 'one cell of 5 MB');
    assert.deepEqual((await outcome(manyRowsCsv(400_000), 'rows.csv')).problems, ['spreadsheet.error.too_many_rows'], '400,000 CSV rows');
    assert.deepEqual((await outcome(wideCsv(101), 'wide.csv')).problems, ['spreadsheet.error.too_many_columns'], '101 CSV columns');
  });

  test('genau an den Grenzen: 5.000 Zeilen und 100 Spalten werden gelesen, 5.001 Zeilen nicht', async () => {
    assert.deepEqual(await outcome(manyRowsCsv(uploadLimits.maxRows), 'rows.csv'), { rows: 5000, columns: 2 }, '5,000 rows are fine');
    assert.deepEqual((await outcome(manyRowsCsv(uploadLimits.maxRows + 1), 'rows.csv')).problems, ['spreadsheet.error.too_many_rows'], '5,001 rows are not');
    assert.deepEqual(await outcome(wideCsv(100), 'wide.csv'), { rows: 1, columns: 100 }, '100 columns are fine');
    assert.deepEqual(await outcome(fullWorkbook(), 'full.xlsx'), { rows: 5000, columns: 100 }, 'the largest workbook the limits allow');
    assert.deepEqual(await outcome(fullCsv(), 'full.csv'), { rows: 5000, columns: 100 }, 'the largest CSV the limits allow');
  });

  test('Speicher: jede Datei, die die Größengrenze erlaubt, braucht höchstens 200 MB über dem Ruhezustand', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikon-limits-'));
    try {
      const files: [string, Uint8Array][] = [
        ['xfd.xlsx', await xfdWorkbook()],
        ['bomb.xlsx', await zipBombWorkbook(1400)],
        ['bomb-lying.xlsx', await zipBombWorkbook(1400, { lying: true })],
        ['bomb-49mb.xlsx', await zipBombWorkbook(49)],
        ['huge-cell.xlsx', await hugeCellWorkbook(45)],
        ['rows.csv', manyRowsCsv(400_000)],
        ['wide.csv', wideCsv(2_600_000)],
        ['full.xlsx', fullWorkbook()],
        ['full.csv', fullCsv()],
      ];
      for (const [name, bytes] of files) {
        assert.ok(bytes.length <= uploadLimits.maxFileBytes, `${name} is an upload the size limit allows (${bytes.length} bytes)`);
        fs.writeFileSync(path.join(dir, name), bytes);
      }
      // A child process of its own, capped so that a reader without limits fails here instead of eating the machine.
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--expose-gc', '--max-old-space-size=600', ...nodeArgsFor('test/support/read-peak.ts'), ...files.map(([name]) => path.join(dir, name))],
        { maxBuffer: 1 << 20, cwd: repoRoot },
      );
      const result = JSON.parse(stdout) as { aboveIdleBytes: number; outcomes: { file: string; problems?: string[]; rows?: number }[] };
      const byName = new Map(result.outcomes.map((o) => [path.basename(o.file), o]));
      assert.equal(byName.get('full.xlsx')?.rows, 5000, 'the largest workbook is read');
      assert.deepEqual(byName.get('bomb-lying.xlsx')?.problems, ['spreadsheet.error.unpacked_too_large'], 'the lying bomb is refused');
      assert.ok(result.aboveIdleBytes <= 200 * 1024 * 1024, `peak ${Math.round(result.aboveIdleBytes / 1024 / 1024)} MB above idle`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

const base = '/app/k/musterland/fassungen';

async function counts(t: TestApp) {
  const n = async (table: typeof measures | typeof measureUpdates | typeof indicatorValues) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  // Signing in is audited too: count only what an import writes.
  const imports = (await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'import')))[0]!.n;
  return { measures: await n(measures), updates: await n(measureUpdates), values: await n(indicatorValues), imports };
}

async function post(c: TestClient, url: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('datei', new Blob([new Uint8Array(bytes)]), name);
  const res = await c.postMultipart(url, form);
  return { status: res.status, html: await res.text() };
}

describeEachDb('Hochladen über den Grenzen: 422 mit deutschem Grund, nichts geändert', (t) => {
  test('Partner: Sachstandstabelle mit Spalte XFD; Koordination: Maßnahmen als Zip-Bombe; Redaktion: Indikatorwerte mit 400.000 Zeilen', async () => {
    const [draft] = await t().db.select().from(editions).where(eq(editions.status, 'entwurf'));
    const [adopted] = await t().db.select().from(editions).where(eq(editions.status, 'beschlossen'));
    const before = await counts(t());

    const partner = await t().signIn('partner@musterland.example');
    const status = await post(partner, `${base}/${adopted!.id}/sachstand/import`, await xfdWorkbook(), 'sachstand.xlsx');
    assert.equal(status.status, 422, 'the status import refuses the XFD file');
    assert.match(status.html, /In Zelle XFD1 steht ein Wert; gelesen werden nur die Spalten A bis CV \(höchstens 100\)/, 'the reason in German');
    assert.match(status.html, /Grenzen: Dateigröße 5 MB, Zeilen unter den Überschriften: 5\.000, Spalten: 100 \(A bis CV\); eine Excel-Datei entpackt: 50 MB/, 'the limits next to the upload field');

    const coordination = await t().signIn('koordination@musterland.example');
    const bomb = await post(coordination, `${base}/${draft!.id}/import`, await zipBombWorkbook(1000, { lying: true }), 'massnahmen.xlsx');
    assert.equal(bomb.status, 422, 'the measure import refuses the zip bomb');
    assert.match(bomb.html, /entpackt größer als 50 MB/, 'the reason in German');
    const confirmed = new FormData();
    confirmed.append('inhalt', Buffer.from(await zipBombWorkbook(1000, { lying: true })).toString('base64'));
    confirmed.append('dateiname', 'massnahmen.xlsx');
    const direct = await coordination.postMultipart(`${base}/${draft!.id}/import/bestaetigen`, confirmed);
    assert.equal(direct.status, 422, 'the confirm step reads with the same limits');

    const redaktion = await t().signIn('redaktion@musterland.example');
    const rows = await post(redaktion, `${base}/${adopted!.id}/indikatoren/import`, manyRowsCsv(400_000), 'werte.csv');
    assert.equal(rows.status, 422, 'the indicator import refuses 400,000 rows');
    assert.match(rows.html, /zu viele Zeilen unter den Überschriften \(höchstens 5\.000\)/, 'the reason in German');

    assert.deepEqual(await counts(t()), before, 'nothing changed');
  });
});
