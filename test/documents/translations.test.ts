/**
 * The translation table (.xlsx) as a translator gets it: opened and saved again by LibreOffice
 * (German locale) after the translations were typed in, it imports; the same file again changes
 * nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { officeMissing, resaveSpreadsheet } from '../support/libreoffice.js';

const app = '/app/k/musterland';

describe('translation table through LibreOffice', { skip: await officeMissing() }, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite');
  });
  after(() => t.close());

  test('export (.xlsx) → translations typed in → saved by LibreOffice → import; again → nothing changes', async () => {
    const c = await t.signIn('koordination@musterland.example');
    const res = await c.get(`${app}/uebersetzungen/export.xlsx?sprache=en`);
    assert.equal(res.status, 200);
    const exported = Buffer.from(await res.arrayBuffer());

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headings = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    assert.deepEqual(headings, ['Schlüssel', 'Art', 'Eintrag', 'Feld', 'Stand', 'Deutsch', 'Bisherige Übersetzung', 'Übersetzung (English)']);
    const rows: { key: string; german: string; row: number }[] = [];
    sheet.eachRow((r, n) => {
      if (n > 1) rows.push({ key: String(r.getCell(1).value), german: String(r.getCell(6).value), row: n });
    });
    const measureRows = rows.filter((r) => r.key.startsWith('measure:') && r.key.endsWith(':description'));
    assert.ok(measureRows.length > 100, 'the measures to translate are in the table');
    const picked = measureRows.slice(0, 2);
    picked.forEach((r, i) => {
      sheet.getRow(r.row).getCell(8).value = `Translated description ${i + 1};\nsecond line "quoted"`;
    });
    const typed = Buffer.from(await workbook.xlsx.writeBuffer());
    const saved = await resaveSpreadsheet(typed, 'uebersetzung-en.xlsx', 'xlsx', 'de-DE');

    const upload = async () => {
      const form = new FormData();
      form.append('sprache', 'en');
      form.append('datei', new File([new Uint8Array(saved)], 'uebersetzung-en.xlsx'));
      return c.postMultipart(`${app}/uebersetzungen/import`, form);
    };
    const first = await upload();
    assert.equal(first.status, 303, 'imported');
    const stored = await queryRows<{ text: string }>(t.db, sql`select text from content_translations where lang = 'en' and kind = 'measure' and field = 'description' and item_id = ${picked[0]!.key.split(':')[1]}`);
    assert.equal(stored[0]?.text, 'Translated description 1;\nsecond line "quoted"', 'the text as typed, line break included');
    const overview = await (await c.get(`${app}/uebersetzungen?sprache=en&art=measure&stand=current`)).text();
    for (const r of picked) assert.ok(overview.includes(`data-key="${r.key}" data-state="current"`), `${r.key} is current: made from the German text of the export`);

    const count = async () => Number((await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where entity_type = 'content_translation'`))[0]!.n);
    const before = await count();
    const again = await upload();
    assert.equal(again.status, 303);
    assert.equal(await count(), before, 'the same file again writes nothing');
  });
});
