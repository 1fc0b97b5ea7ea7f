import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describeEachDb, type TestApp } from '../../../test/support/harness.js';
import { officeMissing, resaveSpreadsheets } from '../../../test/support/libreoffice.js';
import { confirmTable, countOf, csvOf, problemRows, remap, uploadTable } from '../../../test/support/record-import.js';
import { auditLog } from '../../platform/audit/schema.js';
import { actorContacts, actors } from './schema.js';

const path = '/app/k/musterland/akteure';
const contactsPath = `${path}/ansprechpersonen`;
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
    const consented = (await t().db.select().from(actorContacts)).filter((p) => p.consentScope !== 'keine').length;
    const contactFiles = await Promise.all((['csv', 'xlsx'] as const).map(async (ext) => ({ ext, bytes: new Uint8Array(await (await c.get(`${contactsPath}/export.${ext}`)).arrayBuffer()) })));
    const locales = ['de-DE', 'en-US'] as const;
    // All three files of a locale in one soffice per format (every start costs CPU), both locales at once.
    const files = [{ bytes, fileName: 'akteure.xlsx', as: 'xlsx' as const }, ...contactFiles.map((f) => ({ bytes: f.bytes, fileName: `ansprechpersonen.${f.ext}`, as: f.ext }))];
    const savedPerLocale = await Promise.all(locales.map((locale) => resaveSpreadsheets(files, locale)));
    for (const [l, locale] of locales.entries()) {
      const [resaved, ...contactsAgain] = savedPerLocale[l]!;
      const preview = await uploadTable(c, path, resaved!, 'akteure.xlsx');
      assert.equal(preview.status, 200, `${locale}: ${preview.html.slice(0, 1500)}`);
      assert.equal(countOf(preview.html, 'updated'), 0, `${locale}: nothing changed`);
      assert.equal(countOf(preview.html, 'created'), 0, `${locale}: nothing new`);
      assert.match(preview.html, /Ansprechpersonen: 0 neu, 0 geändert, [1-9]\d* unverändert\./, `${locale}: the contact persons read back unchanged`);
      // The contact persons' own file, as CSV and .xlsx, opened and saved again in the same format.
      for (const [i, file] of contactFiles.entries()) {
        const contacts = await uploadTable(c, contactsPath, contactsAgain[i]!, `ansprechpersonen.${file.ext}`);
        assert.equal(contacts.status, 200, `${locale} ${file.ext}: ${contacts.html.slice(0, 1500)}`);
        assert.deepEqual([countOf(contacts.html, 'created'), countOf(contacts.html, 'updated'), countOf(contacts.html, 'unchanged')], [0, 0, consented], `${locale} ${file.ext}: every consented person read back unchanged`);
        assert.match(contacts.html, /Die Datei ändert nichts/, `${locale} ${file.ext}: nothing to confirm`);
      }
    }
  });

  test('Blatt „Ansprechpersonen“: unbekannte Überschriften stehen in der Vorschau und lassen sich zuordnen', async () => {
    const c = await t().signIn(coordination);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Akteure').addRows([['Name'], ['Fachdienst Soziales']]);
    wb.addWorksheet('Ansprechpersonen').addRows([['Akteur', 'Name', 'Elektronische Post', 'Bemerkung'], ['Fachdienst Soziales', 'Lena Vogt', 'l.vogt@musterland.example', 'nur vormittags']]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const first = await uploadTable(c, path, bytes, 'kontakte.xlsx');
    assert.equal(first.status, 200, first.html.slice(0, 2000));
    assert.match(first.html, /Nicht übernommen werden die Spalten des Blatts „Ansprechpersonen“: Elektronische Post, Bemerkung\./, 'the unknown headings of the contact sheet are named');
    assert.match(first.html, /name="ansprechpersonen_spalte_2"/, 'and offered for mapping');
    const mapped = await remap(c, path, first.html, { ansprechpersonen_spalte_2: 'email' });
    assert.equal(mapped.status, 200, mapped.html.slice(0, 2000));
    assert.match(mapped.html, /Ansprechpersonen: 1 neu, 0 geändert, 0 unverändert\./);
    assert.match(mapped.html, /Nicht übernommen werden die Spalten des Blatts „Ansprechpersonen“: Bemerkung\./, 'only the column left aside');
    assert.equal((await confirmTable(c, path, mapped.html)).status, 303);
    const [lena] = await t().db.select().from(actorContacts).where(eq(actorContacts.name, 'Lena Vogt'));
    assert.equal(lena?.email, 'l.vogt@musterland.example', 'the mapped column was read on confirming');
  });

  test('Ansprechpersonen als eigene Datei (CSV): Titelzeilen, Zuordnung, Vorschau alt → neu, erneut ohne Änderung; Export nur mit Einwilligung', async () => {
    const c = await t().signIn(coordination);
    assert.equal((await c.get(`${contactsPath}/import`)).status, 200);
    const rows = [
      ['Einrichtung', 'Ansprechperson', 'Funktion', 'Rufnummer', 'Erreichbar unter', 'Einwilligung', 'Einwilligung vom', 'Einwilligung: Quelle'],
      ['Fachdienst Soziales', 'Jana Ostermann', 'Sachbearbeitung', '05141 916-777', 'j.ostermann@musterland.example', 'intern', '03.02.2026', 'Gespräch am 3.2.2026'],
      ['Kreisvolkshochschule Musterland', 'Heike Brandt', 'Fachbereichsleitung DaZ', '05141 8890-40', 'daz@kvhs-musterland.example', 'öffentlich', '20.11.2024', 'Einwilligungsformular Netzwerkverzeichnis'],
    ];
    const file = csvOf([['Kontaktliste der Bestandsaufnahme, Stand Februar 2026'], [], ...rows]);
    const before = await state(t());
    const first = await uploadTable(c, contactsPath, file, 'kontakte.csv');
    assert.equal(first.status, 200, first.html.slice(0, 2000));
    assert.match(first.html, /Spalte „Erreichbar unter“/, 'offers to map the unknown heading');
    const mapped = await remap(c, contactsPath, first.html, { 4: 'email' });
    assert.equal(mapped.status, 200, mapped.html.slice(0, 2000));
    assert.deepEqual([countOf(mapped.html, 'created'), countOf(mapped.html, 'updated')], [1, 1]);
    assert.match(mapped.html, /<th scope="row" class="kern-table__header">Jana Ostermann \(Fachdienst Soziales\)<\/th>/, 'a new person named with her actor');
    assert.match(mapped.html, /Zeile 5: Heike Brandt \(Kreisvolkshochschule Musterland\)/, 'a changed one too');
    assert.match(mapped.html, /Funktion<\/th><td class="kern-table__cell">Fachbereichsleitung Deutsch als Zweitsprache<\/td><td class="kern-table__cell">Fachbereichsleitung DaZ</, 'old → new under the file’s heading');
    assert.deepEqual(await state(t()), before, 'the preview stores nothing');
    assert.equal((await confirmTable(c, contactsPath, mapped.html)).status, 303);
    const [jana] = await t().db.select().from(actorContacts).where(eq(actorContacts.name, 'Jana Ostermann'));
    const [soziales] = await t().db.select().from(actors).where(eq(actors.name, 'Fachdienst Soziales'));
    assert.deepEqual([jana?.actorId, jana?.email, jana?.phone, jana?.consentScope, jana?.consentDate], [soziales!.id, 'j.ostermann@musterland.example', '05141 916-777', 'intern', '2026-02-03']);
    const logged = await t().db.select().from(auditLog).where(eq(auditLog.entityType, 'actor_contact'));
    assert.ok(logged.some((e) => e.entityId === jana!.id && e.action === 'create'), 'created through the contact command, audited');
    const again = await remap(c, contactsPath, first.html, { 4: 'email' });
    assert.deepEqual([countOf(again.html, 'created'), countOf(again.html, 'updated'), countOf(again.html, 'unchanged')], [0, 0, 2], 'the same file again changes nothing');

    const csv = await (await c.get(`${contactsPath}/export.csv`)).text();
    const people = await t().db.select().from(actorContacts);
    for (const p of people) {
      if (p.consentScope === 'keine') assert.ok(!csv.includes(p.name) && !(p.email && csv.includes(p.email)), `${p.name} (no consent) not in the CSV`);
      else assert.ok(csv.includes(p.name), `${p.name} (consented) in the CSV`);
    }
    const back = await uploadTable(c, contactsPath, csv, 'ansprechpersonen.csv');
    assert.deepEqual([countOf(back.html, 'created'), countOf(back.html, 'updated')], [0, 0], 'the CSV export imported again changes nothing');
    // The same file on the actors' page: told where it belongs instead of "Spalte doppelt".
    const wrongPage = await uploadTable(c, path, csv, 'ansprechpersonen.csv');
    assert.equal(wrongPage.status, 422);
    assert.match(wrongPage.html, /Die Tabelle enthält Ansprechpersonen \(Spalten „Funktion“, „Zuständigkeit“, „E-Mail“ …\)/);
    assert.doesNotMatch(wrongPage.html, /kommt doppelt vor/, 'no baffling column errors');
    assert.doesNotMatch(wrongPage.html, /Spalten zuordnen/, 'nor a mapping to actor columns');
  });

  test('Ansprechpersonen-Datei mit Fehlern (leer, Skript, falscher Akteur, Einwilligung ohne Datum): deutsche Meldung, nichts gespeichert', async () => {
    const c = await t().signIn(coordination);
    const contactsBefore = (await t().db.select().from(actorContacts)).length;
    const before = await state(t());
    const empty = await uploadTable(c, contactsPath, '', 'leer.csv');
    assert.equal(empty.status, 422);
    assert.match(empty.html, /Bitte wählen Sie eine Datei/);
    const file = csvOf([
      ['Akteur-ID', 'Akteur', 'Name', 'E-Mail', 'Einwilligung', 'Einwilligung vom', 'Einwilligung: Quelle'],
      ['', 'Fachdienst Soziales', 'Gut <script>alert(1)</script>', '', 'keine', '', ''],
      ['', 'Atlantis e. V.', 'Nemo', '', 'keine', '', ''],
      ['00000000-0000-4000-8000-000000000000', '', 'Niemand', '', 'keine', '', ''],
      ['', 'Fachdienst Soziales', 'Ohne Datum', '', 'intern', '', 'Gespräch'],
    ]);
    const res = await uploadTable(c, contactsPath, file, 'kontakte.csv');
    assert.equal(res.status, 422, res.html.slice(0, 1500));
    const problems = problemRows(res.html);
    assert.deepEqual(problems.map(([r, col]) => [r, col]), [['3', 'Akteur'], ['4', 'Akteur-ID'], ['5', 'Einwilligung vom']]);
    assert.match(problems[0]![2], /Den Akteur „Atlantis e\. V\.“ gibt es nicht/);
    assert.doesNotMatch(res.html, /<script>alert/, 'never rendered as markup');
    const form = new FormData();
    form.append('inhalt', Buffer.from(file).toString('base64'));
    form.append('dateiname', 'kontakte.csv');
    assert.equal((await c.postMultipart(`${contactsPath}/import/bestaetigen`, form)).status, 422, 'the confirmation checks again');
    assert.deepEqual(await state(t()), before, 'nothing stored');
    assert.equal((await t().db.select().from(actorContacts)).length, contactsBefore);
    const reader = await t().signIn('lesend@musterland.example');
    assert.equal((await reader.get(`${contactsPath}/import`)).status, 403);
    assert.equal((await reader.get(`${contactsPath}/export.csv`)).status, 403, 'personal data: Koordination only');
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
