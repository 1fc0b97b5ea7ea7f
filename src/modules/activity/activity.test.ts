import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { users } from '../../platform/auth/schema.js';
import { editions } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';

const app = '/app/k/musterland';

describeEachDb('Protokoll', (t) => {
  async function reportOnAMeasure() {
    const [adopted] = await t().db.select().from(editions).where(eq(editions.status, 'beschlossen'));
    const [m] = await t().db.select().from(measures).where(and(eq(measures.editionId, adopted!.id), eq(measures.number, '1.1.1')));
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.post(`${app}/massnahmen/${m!.id}/umsetzung`, { status: 'in_umsetzung', progress: '40', text: 'Kurs läuft seit März.', version: String(m!.version) });
    assert.equal(res.status, 303, 'Sachstand recorded');
    return { c, m: m! };
  }

  test('names and links instead of raw ids; a Sachstand names its measure', async () => {
    const { c, m } = await reportOnAMeasure();
    const html = await (await c.get(`${app}/protokoll`)).text();
    assert.doesNotMatch(html, /(Maßnahme|Sachstandsmeldung)[0-9a-f]{8}-/, 'no type glued to a raw id');
    const row = /<tr>(?:(?!<\/tr>)[\s\S])*Sachstandsmeldung(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(html)?.[0] ?? '';
    assert.ok(row, 'the Sachstand entry is listed');
    assert.match(row, new RegExp(`href="${app}/massnahmen/${m.id}/umsetzung">1\\.1\\.1 `), 'the Sachstand entry names and links its measure');
  });

  test('entries about the Kommune name it, also those whose logged values do not (the demo seed, a settings change)', async () => {
    const [tenant] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    const c = await t().signIn('koordination@musterland.example');
    const saved = await c.post(`${app}/einstellungen/fortschreibung`, { updateIntervalMonths: String(tenant!.updateIntervalMonths), version: String(tenant!.version) });
    assert.equal(saved.status, 303, 'a settings change, logged with the setting only');
    const html = await (await c.get(`${app}/protokoll?art=tenant`)).text();
    const rows = [...html.matchAll(/<tr>(?:(?!<\/tr>)[\s\S])*<\/tr>/g)].map((x) => x[0]).filter((r) => r.includes('<td>Kommune</td>'));
    assert.ok(rows.length >= 2, 'the demo seed and the settings change are listed');
    for (const row of rows) {
      assert.match(row, /Landkreis Musterland/, 'named');
      assert.doesNotMatch(row, /ohne Namen/);
    }
    assert.match(await (await c.get(`${app}/protokoll?objekt=${tenant!.id}`)).text(), /Nur Einträge zu „Landkreis Musterland“/);
  });

  test('a Beratung is named by its Gremium, day and Vorlage and links the Vorlage', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const html = await (await c.get(`${app}/protokoll?art=consultation`)).text();
    const rows = [...html.matchAll(/<tr>(?:(?!<\/tr>)[\s\S])*<\/tr>/g)].map((x) => x[0]).filter((r) => r.includes('<td>Beratung</td>'));
    assert.ok(rows.length >= 3, 'the demo’s Beratungsfolge is listed');
    for (const row of rows) {
      assert.doesNotMatch(row, /ohne Namen/, 'named');
      assert.match(row, /href="\/app\/k\/musterland\/vorlagen\/[0-9a-f-]{36}">[^<]+, \d{2}\.\d{2}\.\d{4} – [^<]+<\/a>/, `Gremium, day and Vorlage, linked: ${row}`);
    }
  });

  test('filters by person, kind, object and period, and exports the same as CSV', async () => {
    const { c, m } = await reportOnAMeasure();
    const [katrin] = await t().db.select().from(users).where(eq(users.email, 'koordination@musterland.example'));
    const byKind = await (await c.get(`${app}/protokoll?art=measure_update&person=${katrin!.id}`)).text();
    const kinds = [...byKind.matchAll(/<tr>\s*<td>[^<]*<\/td>\s*<td>[^<]*<\/td>\s*<td>[^<]*<\/td>\s*<td>([^<]*)<\/td>/g)].map((x) => x[1]);
    assert.ok(kinds.length > 0, 'entries of that kind are listed');
    assert.deepEqual([...new Set(kinds)], ['Sachstandsmeldung'], 'only that kind');

    const byObject = await (await c.get(`${app}/protokoll?objekt=${m.id}`)).text();
    assert.match(byObject, /Nur Einträge zu „1\.1\.1 /, 'object filter names the object');
    assert.doesNotMatch(byObject, /Sachstandsmeldung<\/td>/, 'the measure’s own entries only');

    const future = await (await c.get(`${app}/protokoll?von=2999-01-01`)).text();
    assert.match(future, /Keine Einträge für diesen Filter/, 'a period without entries');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
    const todays = await (await c.get(`${app}/protokoll?von=${today}&bis=${today}&art=measure_update`)).text();
    assert.match(todays, /Sachstandsmeldung<\/td>/, 'today’s entries fall inside von=bis=today');

    const csv = await c.get(`${app}/protokoll.csv?art=measure_update`);
    assert.equal(csv.status, 200, 'CSV served');
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/, 'CSV type');
    const text = await csv.text();
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], 'Wann;Wer;Was;Art;Objekt;Kennung;Geänderte Felder', 'German headings');
    assert.ok(lines.length >= 2, 'at least one entry');
    assert.ok(lines.slice(1).every((l) => l.includes(';Sachstandsmeldung;')), 'the CSV keeps the filter');
    assert.ok(lines.some((l) => l.includes('1.1.1 ')), 'the CSV names the measure');
  });

  test('only Koordination reads it, on the page and as CSV; bad filters are ignored, not errors', async () => {
    for (const email of ['lesend@musterland.example', 'partner@musterland.example', 'redaktion@musterland.example']) {
      const c = await t().signIn(email);
      assert.equal((await c.get(`${app}/protokoll`)).status, 403, `${email}: page`);
      assert.equal((await c.get(`${app}/protokoll.csv`)).status, 403, `${email}: CSV`);
    }
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.get(`${app}/protokoll?person=x&art=%00&von=gestern&objekt=${'a'.repeat(500)}&seite=-3.5`);
    assert.equal(res.status, 200, 'nonsense in the query shows the whole log');
  });
});
