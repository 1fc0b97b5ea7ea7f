import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { offers } from '../offers/schema.js';

const base = '/app/k/musterland';

describeEachDb('Doppelstrukturen und Lücken', (t) => {
  // Seeded once per database: the second test reads what the first stored.
  let seeded: Promise<{ county: typeof tenants.$inferSelect; heidewald: typeof tenants.$inferSelect }> | undefined;
  const seed = () => (seeded ??= seedOnce());
  const seedOnce = async () => {
    const [county] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    const [heidewald] = await t().db.select().from(tenants).where(eq(tenants.slug, 'heidewald'));
    // The counts below are of this test's own offers: the demo's are removed from this database copy first.
    await t().db.delete(offers).where(eq(offers.tenantId, county!.id));
    const weekly = (start: string, end: string) => ({ kind: 'wiederkehrend' as const, rrule: 'FREQ=WEEKLY;BYDAY=TU', firstDate: '2026-09-01', start, end, exceptions: [] });
    const row = (title: string, description: string, category: 'treff' | 'recht', start: string, municipalityId: string | null, status: 'aktiv' | 'beendet' = 'aktiv') =>
      ({ tenantId: county!.id, title, description, category, municipalityId, schedule: weekly(start, '17:00'), weekdays: [2], languages: ['de'], status });
    await t().db.insert(offers).values([
      row('Sprachcafé Heidewald', 'Deutsch sprechen üben bei Kaffee und Kuchen, ohne Anmeldung.', 'treff', '15:00', heidewald!.id),
      row('Sprach-Cafe in Heidewald', 'Offener Treff zum Deutschüben, Kaffee und Kuchen gibt es auch.', 'treff', '15:30', heidewald!.id),
      row('Asylrechtsberatung', 'Rechtliche Beratung im Asylverfahren.', 'recht', '14:00', null),
      row('Sprachcafé Heidewald (alt)', 'Deutsch sprechen üben bei Kaffee und Kuchen.', 'treff', '15:00', heidewald!.id, 'beendet'),
    ]);
    return { county: county!, heidewald: heidewald! };
  };

  test('die Koordination sieht Gruppen möglicher Duplikate mit Wert und Gründen; beendete Angebote zählen nicht', async () => {
    await seed();
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.get(`${base}/doppelstrukturen`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Eine Gruppe möglicher Duplikate\./);
    assert.match(html, /Sprachcafé Heidewald<\/a>/);
    assert.match(html, /Sprach-Cafe in Heidewald<\/a>/);
    assert.match(html, /gleiche Kategorie, gleiche Gemeinde, überschneidende Zeiten/);
    assert.doesNotMatch(html, /\(alt\)/, 'an ended offer is no duplicate');
    assert.doesNotMatch(html, /Asylrechtsberatung/);
  });

  test('die Lückenmatrix zählt aktive Angebote je Kategorie und Gemeinde, markiert Lücken mit Text und exportiert .xlsx', async () => {
    const { heidewald } = await seed();
    const c = await t().signIn('koordination@musterland.example');
    const html = await (await c.get(`${base}/luecken`)).text();
    assert.match(html, /Einwohnerzahlen der Gemeinden sind in ikon nicht erfasst/);
    const municipalities = await t().db.select().from(tenants).where(eq(tenants.parentId, heidewald.parentId!));
    // 12 categories × the Gemeinden, minus the one filled cell (Treff/Café in Heidewald).
    const gaps = 12 * municipalities.length - 1;
    assert.match(html, new RegExp(`Lücken \\(Kategorie ohne Angebot in einer Gemeinde\\): ${gaps}\\.`));
    assert.match(html, /<th scope="row">Treff\/Café<\/th>/);
    assert.match(html, /<strong>keins<\/strong>/, 'a gap is marked in words, not only by colour');
    const file = await c.get(`${base}/luecken.xlsx`);
    assert.equal(file.status, 200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await file.arrayBuffer()) as never);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('Heidewald') + 1;
    const treff = sheet.getRows(2, 12)!.find((r) => r.getCell(1).value === 'Treff/Café')!;
    assert.equal(treff.getCell(col).value, 2);
    assert.equal(treff.getCell(header.length).value, 2, 'total');
    const recht = sheet.getRows(2, 12)!.find((r) => r.getCell(1).value === 'Recht')!;
    assert.equal(recht.getCell(header.indexOf('kreisweit') + 1).value, 1);
  });
});
