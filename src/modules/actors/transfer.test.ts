import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describeEachDb, type TestApp } from '../../../test/support/harness.js';
import { officeMissing, resaveSpreadsheet } from '../../../test/support/libreoffice.js';
import { confirmTable, countOf, csvOf, problemRows, remap, uploadTable } from '../../../test/support/record-import.js';
import { auditLog } from '../../platform/audit/schema.js';
import { actorContacts, actors } from './schema.js';

const path = '/app/k/musterland/akteure';
const coordination = 'koordination@musterland.example';
const noOffice = await officeMissing();

/** Every actor with its version, and the number of audit entries: what an import that changes nothing leaves as it was. */
async function state(t: TestApp) {
  const rows = await t.db.select({ id: actors.id, name: actors.name, version: actors.version }).from(actors).orderBy(actors.id);
  const [audits] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return { rows, audits: audits!.n };
}

describeEachDb('Akteure: Export und Import', (t) => {
  test('Export .xlsx: Akteure mit ID; Ansprechpersonen nur mit Einwilligung und immer mit deren Spalten; erneuter Import ändert nichts', async () => {
    const c = await t().signIn(coordination);
    const res = await c.get(`${path}/export.xlsx`);
    assert.equal(res.status, 200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as any);
    const [sheet, people] = wb.worksheets;
    assert.deepEqual((sheet!.getRow(1).values as unknown[]).slice(1), ['ID', 'Name', 'Art', 'Gemeinde', 'Anschrift', 'Webseite']);
    assert.equal(sheet!.actualRowCount - 1, (await state(t())).rows.length, 'one row per actor');
    const headings = (people!.getRow(1).values as unknown[]).slice(1);
    for (const h of ['Einwilligung', 'Einwilligung vom', 'Einwilligung: Quelle']) assert.ok(headings.includes(h), `consent column ${h}`);
    const contacts = await t().db.select().from(actorContacts);
    const consented = contacts.filter((p) => p.consentScope !== 'keine');
    const unconsented = contacts.filter((p) => p.consentScope === 'keine');
    assert.ok(consented.length > 0 && unconsented.length > 0, 'the demo has both');
    const names = new Set<string>();
    const nameCol = headings.indexOf('Name') + 1;
    people!.eachRow((row, n) => n > 1 && names.add(String(row.getCell(nameCol).value)));
    for (const p of consented) assert.ok(names.has(p.name), `${p.name} (consented) exported`);
    const text = JSON.stringify(people!.getSheetValues());
    for (const p of unconsented) {
      assert.ok(!names.has(p.name), `${p.name} (no consent) not exported`);
      if (p.email) assert.ok(!text.includes(p.email), 'nor their e-mail');
    }

    const before = await state(t());
    const preview = await uploadTable(c, path, bytes, 'akteure.xlsx');
    assert.equal(preview.status, 200, preview.html.slice(0, 2000));
    assert.equal(countOf(preview.html, 'created'), 0);
    assert.equal(countOf(preview.html, 'updated'), 0);
    assert.equal(countOf(preview.html, 'unchanged'), before.rows.length);
    assert.match(preview.html, new RegExp(`Ansprechpersonen: 0 neu, 0 geändert, ${consented.length} unverändert\\.`), 'the contact sheet read back: nothing changes');
    const csv = await c.get(`${path}/export.csv`);
    const again = await uploadTable(c, path, new Uint8Array(await csv.arrayBuffer()), 'akteure.csv');
    assert.equal(countOf(again.html, 'updated'), 0, 'the CSV export too');
    assert.equal(countOf(again.html, 'created'), 0);
    assert.deepEqual(await state(t()), before, 'previews store nothing');
  });

  test('Titelzeilen, unbekannte Überschrift zugeordnet, neuer Akteur per Name, Änderung alt → neu; Protokoll je Eintrag', async () => {
    const c = await t().signIn(coordination);
    const [soziales] = await t().db.select().from(actors).where(eq(actors.name, 'Fachdienst Soziales'));
    const file = csvOf([
      ['Akteursliste Landkreis Musterland'],
      ['Stand: März 2026'],
      [],
      ['Name', 'Träger-Typ', 'Adresse', 'Bemerkung'],
      ['fachdienst soziales', 'Verwaltung/Fachdienst', 'Kreishaus, Hauptstraße 1, 12345 Musterstadt', 'x'],
      ['Frauencafé Lindenau e. V.', 'Verein', 'Lindenweg 3', ''],
    ]);
    const first = await uploadTable(c, path, file, 'liste.csv');
    assert.equal(first.status, 200, first.html.slice(0, 2000));
    assert.match(first.html, /Spalte „Träger-Typ“/, 'offers to map the unknown heading');
    const mapped = await remap(c, path, first.html, { 1: 'kind' });
    assert.equal(mapped.status, 200, mapped.html.slice(0, 2000));
    assert.equal(countOf(mapped.html, 'created'), 1);
    assert.equal(countOf(mapped.html, 'updated'), 1, 'Fachdienst Soziales found by name (case ignored)');
    assert.match(mapped.html, /<th scope="row" class="kern-table__header">Adresse<\/th><td class="kern-table__cell">[^<]*<\/td><td class="kern-table__cell">Kreishaus, Hauptstraße 1, 12345 Musterstadt<\/td>/, 'old → new under the file’s heading');
    const audits = (await state(t())).audits;
    const done = await confirmTable(c, path, mapped.html);
    assert.equal(done.status, 303);
    const [created] = await t().db.select().from(actors).where(eq(actors.name, 'Frauencafé Lindenau e. V.'));
    assert.equal(created?.kind, 'verein', 'the mapped column was read');
    const [updated] = await t().db.select().from(actors).where(eq(actors.id, soziales!.id));
    assert.equal(updated!.address, 'Kreishaus, Hauptstraße 1, 12345 Musterstadt');
    assert.equal(updated!.name, 'fachdienst soziales', 'the name as the file writes it (the preview showed the change)');
    assert.equal((await state(t())).audits, audits + 2, 'one audit entry per created or changed actor');
  });

  test('fehlerhafte Zeilen: alles abgelehnt mit Zeile und Spalte auf Deutsch, nichts gespeichert; Skript als Text', async () => {
    const c = await t().signIn(coordination);
    const before = await state(t());
    const file = csvOf([
      ['ID', 'Name', 'Art', 'Gemeinde', 'Webseite'],
      ['', 'Neuer Verein <script>alert(1)</script>', 'Verein', '', ''],
      ['', 'Zweiter', 'Raumschiff', '', ''],
      ['', 'Dritter', 'Verein', 'Atlantis', 'ftp://x'],
      ['00000000-0000-4000-8000-000000000000', 'Vierter', 'Verein', '', ''],
      ['', '', 'Verein', '', ''],
    ]);
    const res = await uploadTable(c, path, file, 'fehler.csv');
    assert.equal(res.status, 422);
    const rows = problemRows(res.html);
    assert.deepEqual(rows.map(([r, col]) => [r, col]), [['3', 'Art'], ['4', 'Gemeinde'], ['4', 'Webseite'], ['5', 'ID'], ['6', 'Name']]);
    assert.match(rows[0]![2], /„Raumschiff“ ist kein erlaubter Wert/);
    assert.match(rows[1]![2], /Die Gemeinde „Atlantis“ gibt es in dieser Kommune nicht/);
    assert.doesNotMatch(res.html, /<script>alert/, 'never rendered as markup');
    // The confirmation checks again: the same file sent there directly stores nothing either.
    const form = new FormData();
    form.append('inhalt', Buffer.from(file).toString('base64'));
    form.append('dateiname', 'fehler.csv');
    assert.equal((await c.postMultipart(`${path}/import/bestaetigen`, form)).status, 422);
    assert.deepEqual(await state(t()), before, 'nothing stored');
  });

  test('leere, zu große, kaputte Datei und falsches CSRF-Token: deutsche Meldung, nichts gespeichert; Lesende dürfen nicht', async () => {
    const c = await t().signIn(coordination);
    const before = await state(t());
    const empty = await uploadTable(c, path, '', 'leer.csv');
    assert.equal(empty.status, 422);
    assert.match(empty.html, /Bitte wählen Sie eine Datei/);
    const big = await uploadTable(c, path, new Uint8Array(5 * 1024 * 1024 + 1).fill(65), 'gross.csv');
    assert.equal(big.status, 422);
    assert.match(big.html, /größer als 5 MB/);
    const broken = await uploadTable(c, path, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'kaputt.xlsx');
    assert.equal(broken.status, 422);
    assert.match(broken.html, /kann nicht gelesen werden/);
    const form = new FormData();
    form.append('_csrf', 'falsch');
    form.append('datei', new Blob([csvOf([['Name'], ['Ohne Token']])]), 'x.csv');
    assert.equal((await c.postMultipart(`${path}/import`, form)).status, 403);
    const confirm = new FormData();
    confirm.append('_csrf', 'falsch');
    confirm.append('inhalt', Buffer.from(csvOf([['Name'], ['Ohne Token']])).toString('base64'));
    assert.equal((await c.postMultipart(`${path}/import/bestaetigen`, confirm)).status, 403);
    assert.deepEqual(await state(t()), before);
    const reader = await t().signIn('lesend@musterland.example');
    assert.equal((await reader.get(`${path}/import`)).status, 403);
    assert.equal((await reader.get(`${path}/export.xlsx`)).status, 403, 'the export holds contact persons: Koordination only');
  });

  test('LibreOffice (deutsch und englisch) öffnet den Export und speichert ihn neu: der Import ändert nichts', { skip: noOffice }, async () => {
    const c = await t().signIn(coordination);
    const bytes = new Uint8Array(await (await c.get(`${path}/export.xlsx`)).arrayBuffer());
    for (const locale of ['de-DE', 'en-US'] as const) {
      const resaved = await resaveSpreadsheet(bytes, 'akteure.xlsx', 'xlsx', locale);
      const preview = await uploadTable(c, path, resaved, 'akteure.xlsx');
      assert.equal(preview.status, 200, `${locale}: ${preview.html.slice(0, 1500)}`);
      assert.equal(countOf(preview.html, 'updated'), 0, `${locale}: nothing changed`);
      assert.equal(countOf(preview.html, 'created'), 0, `${locale}: nothing new`);
      assert.match(preview.html, /Ansprechpersonen: 0 neu, 0 geändert, [1-9]\d* unverändert\./, `${locale}: the contact persons read back unchanged`);
    }
  });

  test('Ansprechpersonen aus dem Blatt „Ansprechpersonen“: unter Titelzeilen, Akteur per Name (auch ein neuer derselben Datei), Vorschau, alles oder nichts, erneut ohne Änderung', async () => {
    const c = await t().signIn(coordination);
    const workbook = async (people: (string | Date)[][]) => {
      const wb = new ExcelJS.Workbook();
      const a = wb.addWorksheet('Akteure');
      a.addRow(['Akteure – Nachtrag März 2026']);
      a.addRow([]);
      a.addRow(['Name', 'Art']);
      a.addRow(['Sprachpaten Nordheide e. V.', 'Verein']);
      const p = wb.addWorksheet('Ansprechpersonen');
      p.addRow(['Kontakte der Bestandsaufnahme']);
      p.addRow(['Akteur', 'Name', 'Rolle', 'Zuständig für', 'Mail', 'Telefon', 'Sprachen', 'Geschlecht', 'Einwilligung', 'Einwilligung vom', 'Einwilligung: Quelle']);
      for (const r of people) p.addRow(r);
      p.getColumn(10).numFmt = 'dd.mm.yyyy';
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    const contactsNow = async () => (await t().db.select().from(actorContacts)).length;
    const bad = await workbook([
      ['Atlantis e. V.', 'Nemo', '', '', '', '', '', '', 'keine', '', ''],
      ['Fachdienst Soziales', 'Ohne Datum', '', '', 'keine-adresse', '', 'de; klingonisch', '', 'Einwilligung zur internen Nutzung (Kontakt, Netzwerkarbeit)', '', 'E-Mail'],
    ]);
    const before = await state(t());
    const contactsBefore = await contactsNow();
    const refused = await uploadTable(c, path, bad, 'kontakte.xlsx');
    assert.equal(refused.status, 422, refused.html.slice(0, 1500));
    const problems = problemRows(refused.html);
    assert.deepEqual(problems.map(([r, col]) => [r, col]), [['3', 'Ansprechpersonen: Akteur'], ['4', 'Ansprechpersonen: Sprachen'], ['4', 'Ansprechpersonen: Mail'], ['4', 'Ansprechpersonen: Einwilligung vom']]);
    assert.match(problems[0]![2], /Den Akteur „Atlantis e\. V\.“ gibt es nicht/);
    const typo = await workbook([['Fachdienst Soziales', 'Ohne Datum', '', '', 'keine-adresse', '', 'de', '', 'Einwilligung zur internen Nutzung (Kontakt, Netzwerkarbeit)', '', 'E-Mail']]);
    const refused2 = await uploadTable(c, path, typo, 'kontakte.xlsx');
    assert.equal(refused2.status, 422);
    assert.deepEqual(problemRows(refused2.html).map(([r, col]) => [r, col]), [['3', 'Ansprechpersonen: Mail'], ['3', 'Ansprechpersonen: Einwilligung vom']]);
    assert.deepEqual(await state(t()), before, 'nothing stored, the new actor neither');
    assert.equal(await contactsNow(), contactsBefore);

    const good = await workbook([
      ['Sprachpaten Nordheide e. V.', 'Amira Said', 'Koordinatorin', 'Patenschaften, Sprachtandems', 'amira@sprachpaten.example', '04761 123-4', 'ar; Deutsch', 'weiblich', 'Einwilligung zur internen Nutzung (Kontakt, Netzwerkarbeit)', new Date(Date.UTC(2026, 1, 2)), 'Einwilligungsformular'],
      ['fachdienst soziales', 'Max Beispiel', 'Sachbearbeitung', '', '', '', '', '', 'keine', '', ''],
    ]);
    const preview = await uploadTable(c, path, good, 'kontakte.xlsx');
    assert.equal(preview.status, 200, preview.html.slice(0, 1500));
    assert.match(preview.html, /Ansprechpersonen: 2 neu, 0 geändert, 0 unverändert\./);
    assert.match(preview.html, /Zeile 3: Amira Said \(Sprachpaten Nordheide e\. V\.\)/);
    assert.equal(await contactsNow(), contactsBefore, 'the preview stores nothing');
    assert.equal((await confirmTable(c, path, preview.html)).status, 303);
    const [amira] = await t().db.select().from(actorContacts).where(eq(actorContacts.name, 'Amira Said'));
    const [nordheide] = await t().db.select().from(actors).where(eq(actors.name, 'Sprachpaten Nordheide e. V.'));
    assert.ok(amira && nordheide, 'both stored');
    assert.equal(amira.actorId, nordheide.id, 'linked to the actor the same file created');
    assert.deepEqual([amira.role, amira.responsibility, amira.email, amira.phone, amira.languages, amira.gender, amira.consentScope, amira.consentDate, amira.consentSource],
      ['Koordinatorin', 'Patenschaften, Sprachtandems', 'amira@sprachpaten.example', '04761 123-4', ['ar', 'de'], 'weiblich', 'intern', '2026-02-02', 'Einwilligungsformular']);
    const [max] = await t().db.select().from(actorContacts).where(eq(actorContacts.name, 'Max Beispiel'));
    assert.equal(max?.consentScope, 'keine');
    const logged = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'actor_contact'), eq(auditLog.entityId, amira.id)));
    assert.deepEqual(logged.map((e) => e.action), ['create'], 'created through the contact command, audited');

    const after = await state(t());
    const again = await uploadTable(c, path, good, 'kontakte.xlsx');
    assert.equal(again.status, 200, again.html.slice(0, 1500));
    assert.match(again.html, /Ansprechpersonen: 0 neu, 0 geändert, 2 unverändert\./, 'the same file again changes nothing');
    assert.equal(countOf(again.html, 'created'), 0);
    assert.equal(countOf(again.html, 'updated'), 0);
    assert.deepEqual(await state(t()), after);
  });
});
