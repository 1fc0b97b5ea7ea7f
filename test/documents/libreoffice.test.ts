import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { convertDocument, freshProfile, officeMissing, pdfInfo, pdfPages, resaveSpreadsheet, resaveSpreadsheets } from '../support/libreoffice.js';

/** A workbook with one cost cell formatted as the measure export formats it. */
async function costWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Maßnahmen');
  sheet.addRow(['Nr.', 'Kosten (EUR)']);
  sheet.addRow(['1.1.1', 32000]);
  sheet.getColumn(2).numFmt = '#,##0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('LibreOffice helper (test/support/libreoffice.ts)', { skip: await officeMissing() }, () => {
  test('the profile locale decides how numbers are written: German and English CSV', async () => {
    const xlsx = await costWorkbook();
    const [de, en] = await Promise.all([resaveSpreadsheet(xlsx, 'k.xlsx', 'csv', 'de-DE'), resaveSpreadsheet(xlsx, 'k.xlsx', 'csv', 'en-US')]);
    assert.match(de.toString('utf8'), /^1\.1\.1;32\.000,00$/m, `German LibreOffice writes 32.000,00, got:\n${de}`);
    assert.match(en.toString('utf8'), /^1\.1\.1;"?32,000\.00"?$/m, `English LibreOffice writes 32,000.00, got:\n${en}`);
  });

  test('a CSV opened in a German locale turns "1.1.1" into a date', async () => {
    const csv = await resaveSpreadsheet(Buffer.from('Nr.;Kosten (EUR)\r\n1.1.1;32000\r\n'), 'k.csv', 'csv', 'de-DE');
    assert.match(csv.toString('utf8'), /^01\.01\.01;32000$/m, `the spreadsheet's date recognition, got:\n${csv}`);
  });

  test('several files in one soffice: each result belongs to its file, also when two share a name (k.xlsx, k.csv)', async () => {
    const files = [
      { bytes: await costWorkbook(), fileName: 'k.xlsx', as: 'csv' as const },
      { bytes: Buffer.from('Nr.;Kosten (EUR)\r\n2.2.2;17\r\n'), fileName: 'k.csv', as: 'csv' as const },
      { bytes: Buffer.from('Nr.;Kosten (EUR)\r\n3.3.3;5\r\n'), fileName: 'l.csv', as: 'xlsx' as const },
    ];
    const [fromXlsx, fromCsv, asXlsx] = await resaveSpreadsheets(files, 'de-DE');
    assert.match(fromXlsx!.toString('utf8'), /^1\.1\.1;32\.000,00$/m, `the workbook, got:\n${fromXlsx}`);
    assert.match(fromCsv!.toString('utf8'), /^02\.02\.02;17$/m, `the CSV, read with the German CSV filter, got:\n${fromCsv}`);
    assert.equal(asXlsx!.subarray(0, 2).toString(), 'PK', 'the third file written as .xlsx (a zip)');
  });

  test('a fresh profile has seen this LibreOffice version: no graphics render tests at its start (they cost more than the conversion)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikon-office-test-'));
    try {
      fs.writeFileSync(path.join(dir, 'k.csv'), 'Nr.;Kosten\r\n1;2\r\n');
      const profile = await freshProfile(dir, 'de-DE');
      await promisify(execFile)('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'k.csv')], { env: { ...process.env, HOME: dir, SAL_USE_VCLPLUGIN: 'svp' } });
      assert.ok(fs.existsSync(path.join(dir, 'k.pdf')), 'converted');
      assert.ok(fs.existsSync(path.join(dir, 'profile', 'user', 'registrymodifications.xcu')), 'the profile was used');
      assert.equal(fs.existsSync(path.join(dir, 'profile', 'user', 'GraphicsRenderTests.log')), false, 'LibreOffice did not run its first-start graphics tests');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('converts to PDF and renders its pages to PNG', async () => {
    const pdf = await convertDocument(await costWorkbook(), 'k.xlsx', 'pdf');
    assert.equal((await pdfInfo(pdf)).Pages, '1', 'one page');
    const [page] = await pdfPages(pdf);
    assert.ok(page && page.subarray(1, 4).toString() === 'PNG', 'the page is a PNG image');
  });
});
