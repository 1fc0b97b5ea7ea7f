/**
 * Every spreadsheet ikon writes, checked with its real consumer: LibreOffice opens it, and a file
 * that a person opened and saved again in a German or an English LibreOffice (as CSV or XLSX)
 * imports as "nothing to change" (issue 7, "How to verify").
 *
 * One database (PGlite) is enough here: the database only supplies the files; the imports'
 * behaviour on PostgreSQL is tested next to their code. Every soffice start costs CPU, so the
 * files are converted together: one soffice per locale, target and kind of input (session 9: 26
 * soffice starts → 9).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { startTestApp, type TestApp, type TestClient } from '../support/harness.js';
import { convertDocuments, officeMissing, pdfInfo, resaveSpreadsheets, type OfficeLocale } from '../support/libreoffice.js';
import { editions } from '../../src/modules/concepts/schema.js';

const app = '/app/k/musterland';
const locales: OfficeLocale[] = ['de-DE', 'en-US'];

interface Written {
  name: string;
  path: string;
  /** The heading of the first column of the (first) sheet, where the file has a fixed format. */
  firstHeading: string | undefined;
}

async function download(c: TestClient, path: string): Promise<Buffer> {
  const res = await c.get(path);
  assert.equal(res.status, 200, `GET ${path}`);
  return Buffer.from(await res.arrayBuffer());
}

const csvRows = (bytes: Buffer) => Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
const counted = (html: string, what: string) => Number(new RegExp(`data-count="${what}">\\s*(\\d+)\\s*<`).exec(html)?.[1]);
const problemsOf = (html: string) => [...html.matchAll(/<th scope="row" class="kern-table__header kern-table__header--numeric">([^<]*)<\/th><td class="kern-table__cell">([^<]*)<\/td><td class="kern-table__cell">([^<]*)</g)].map((m) => `${m[1]}/${m[2]}: ${m[3]}`).slice(0, 5);

async function uploadTo(c: TestClient, path: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('datei', new Blob([new Uint8Array(bytes)]), name);
  const res = await c.postMultipart(path, form);
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

describe('Tabellen aus ikon in LibreOffice', { skip: await officeMissing() }, () => {
  let t: TestApp;
  let c: TestClient;
  let draft: string;
  let adopted: string;
  before(async () => {
    t = await startTestApp('pglite');
    c = await t.signIn('koordination@musterland.example');
    const all = await t.db.select().from(editions);
    draft = all.find((e) => e.status === 'entwurf')!.id;
    adopted = all.find((e) => e.status === 'beschlossen')!.id;
    assert.ok(draft && adopted, 'demo editions');
  });
  after(async () => t?.close());

  const variants = locales.flatMap((locale) => (['csv', 'xlsx'] as const).map((as) => ({ locale, as })));
  /**
   * Every spreadsheet ikon writes, downloaded once, converted to PDF, and opened and saved in
   * LibreOffice German and English as CSV and XLSX (`variants`): all in nine soffice runs (one per
   * locale, format and kind of input, and one for the PDFs), started by the first test that needs
   * them. The German CSV is also how the first test reads a file's first sheet back.
   */
  let converting: Promise<{ files: (Written & { bytes: Buffer })[]; pdfs: Buffer[]; saved: Buffer[][] }> | undefined;
  const converted = () =>
    (converting ??= (async () => {
      const written: Written[] = [
        { name: 'massnahmen.xlsx', path: `${app}/fassungen/${draft}/export.xlsx`, firstHeading: 'Nr.' },
        { name: 'massnahmen.csv', path: `${app}/fassungen/${draft}/export.csv`, firstHeading: 'Nr.' },
        { name: 'sachstand.xlsx', path: `${app}/fassungen/${adopted}/sachstand.xlsx`, firstHeading: 'Nr.' },
        { name: 'vergleich.xlsx', path: `${app}/fassungen/vergleich.xlsx?von=${adopted}&zu=${draft}`, firstHeading: undefined },
        { name: 'werte.csv', path: `${app}/fassungen/${adopted}/indikatoren/werte.csv`, firstHeading: 'Indikator-ID' },
      ];
      const files = await Promise.all(written.map(async (f) => ({ ...f, fileName: f.name, bytes: await download(c, f.path) })));
      const [pdfs, ...saved] = await Promise.all([convertDocuments(files, 'pdf'), ...variants.map((v) => resaveSpreadsheets(files.map((f) => ({ ...f, as: v.as })), v.locale))]);
      return { files, pdfs, saved };
    })());
  /** One file as LibreOffice saved it, in the order of `variants`. */
  const resaved = async (name: string) => {
    const { files, saved } = await converted();
    const i = files.findIndex((f) => f.name === name);
    return saved.map((perVariant) => perVariant[i]!);
  };

  test('LibreOffice öffnet jede XLSX/CSV, die ikon schreibt, mit Inhalt', async () => {
    const { files, pdfs, saved } = await converted();
    const germanCsv = saved[variants.findIndex((v) => v.locale === 'de-DE' && v.as === 'csv')]!;
    for (const [i, f] of files.entries()) {
      // Read back through LibreOffice: the first sheet as CSV, and the whole file as PDF.
      const sheet = csvRows(germanCsv[i]!);
      assert.ok(sheet.length >= 1, `${f.name}: LibreOffice reads the first sheet`);
      if (f.firstHeading) assert.equal(sheet[0]![0], f.firstHeading, `${f.name}: first heading`);
      else assert.ok(sheet[0]![0]?.trim(), `${f.name}: a heading row`);
      assert.ok(Number((await pdfInfo(pdfs[i]!)).Pages) >= 1, `${f.name}: LibreOffice lays it out on pages`);
    }
  });

  const measureSources = ['xlsx', 'csv'] as const;
  for (const source of measureSources) {
    test(`Maßnahmentabelle (${source}), in LibreOffice deutsch und englisch als CSV und XLSX gespeichert: nichts zu ändern`, async () => {
      const saved = await resaved(`massnahmen.${source}`);
      for (const [i, v] of variants.entries()) {
        const preview = await uploadTo(c, `${app}/fassungen/${draft}/import`, saved[i]!, `gespeichert.${v.as}`);
        const what = `${source} → LibreOffice ${v.locale} → ${v.as}`;
        assert.equal(preview.status, 200, `${what}: refused: ${JSON.stringify(problemsOf(preview.html))}`);
        assert.equal(counted(preview.html, 'created'), 0, `${what}: no new measures`);
        assert.equal(counted(preview.html, 'updated'), 0, `${what}: no changes, got ${[...preview.html.matchAll(/data-column="(\w+)"/g)].map((m) => m[1]).slice(0, 8).join(', ')}`);
      }
    });
  }

  test('Sachstandstabelle, in LibreOffice deutsch und englisch als CSV und XLSX gespeichert: nichts zu ändern', async () => {
    const saved = await resaved('sachstand.xlsx');
    for (const [i, v] of variants.entries()) {
      const preview = await uploadTo(c, `${app}/fassungen/${adopted}/sachstand/import`, saved[i]!, `sachstand.${v.as}`);
      const what = `Sachstandstabelle → LibreOffice ${v.locale} → ${v.as}`;
      assert.equal(preview.status, 200, `${what}: refused: ${JSON.stringify(problemsOf(preview.html))}`);
      assert.equal(counted(preview.html, 'changed'), 0, `${what}: nothing to record`);
    }
  });

  test('Indikatorwerte (CSV), in LibreOffice deutsch und englisch gespeichert: alle unverändert', async () => {
    const bytes = await download(c, `${app}/fassungen/${adopted}/indikatoren/werte.csv`);
    const values = csvRows(bytes).slice(1).filter((r) => r[3]).length;
    assert.ok(values > 0, 'the demo has indicator values');
    const saved = await resaved('werte.csv');
    for (const [i, v] of variants.entries()) {
      const what = `Indikatorwerte → LibreOffice ${v.locale} → ${v.as}`;
      const res = await uploadTo(c, `${app}/fassungen/${adopted}/indikatoren/import`, saved[i]!, `werte.${v.as}`);
      assert.equal(res.status, 303, `${what}: refused: ${JSON.stringify(problemsOf(res.html))}`);
      const flash = await (await c.get(res.location!)).text();
      assert.match(flash, new RegExp(`Werte importiert: 0 neu, 0 ersetzt, ${values} unverändert`), `${what}: nothing replaced`);
    }
  });
});
