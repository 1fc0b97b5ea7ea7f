import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { editions, fields } from '../../src/modules/concepts/schema.js';
import { actorContacts, actors } from '../../src/modules/actors/schema.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { browserSuite, follow, mainText, screenshot, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();

suite.test('Netzwerk: Bild und Tabelle derselben Verbindungen, Filter nach Themenfeld und Gemeinde', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  // One Themenfeld: the county-wide page has hundreds of rows, and axe on it takes minutes on a busy machine (graph.ts's DB test covers it).
  const [field] = await suite.database.db.select().from(fields).innerJoin(editions, eq(editions.id, fields.editionId)).where(and(eq(editions.status, 'beschlossen'), eq(fields.title, 'Teilhabe durch Bildung')));
  await visit(page, `/app/k/musterland/netzwerk?themenfeld=${field!.fields.id}`);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Netzwerk der Akteure');
  const picture = page.getByRole('img', { name: 'Netzwerkbild der Akteure' });
  assert.ok(await picture.isVisible(), 'the picture is there and named');
  const table = page.getByRole('table', { name: 'Verbindungen' });
  const rows = await table.locator('tbody tr').count();
  assert.equal(rows, await page.locator('svg.network-graph line').count(), 'a row per line');
  // The county-wide page is long (hundreds of rows): the picture alone is kept to look at.
  await picture.screenshot({ path: '.tmp/browser-screenshots/netzwerk-bild.png' });

  await page.getByLabel('Themenfeld').selectOption({ label: 'Teilhabe durch Sprache' });
  await page.getByLabel('Gemeinde').selectOption({ label: 'Heidewald' });
  await submit(page, page.getByRole('button', { name: 'Anzeigen' }));
  assert.match(page.url(), /themenfeld=.*gemeinde=/);
  const filtered = await table.locator('tbody tr').count();
  assert.ok(filtered < rows, `fewer links after filtering (${filtered} < ${rows})`);
  assert.match(await mainText(page), /Akteure: \d+, Verbindungen: \d+/);
  await screenshot(page, 'netzwerk-sprache-heidewald');
});

suite.test('Ansprechperson: anlegen mit Einwilligung, Fehler verständlich, löschen erst nach Rückfrage', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  const [jmd] = await suite.database.db.select().from(actors).where(eq(actors.name, 'Jugendmigrationsdienst Musterland'));
  await visit(page, `/app/k/musterland/akteure/${jmd!.id}`);
  await follow(page, 'Ansprechperson hinzufügen');
  await page.getByLabel('Name', { exact: true }).fill('Mariam Nouri');
  await page.getByLabel('E-Mail').fill('nicht-gueltig');
  await page.getByLabel('Einwilligung zur Veröffentlichung (öffentliche Seiten und Schnittstelle)').check();
  await submit(page, page.getByRole('button', { name: 'Anlegen' }), { status: 422 });
  const summary = await page.locator('#error-summary').innerText();
  assert.match(summary, /E-Mail: Bitte eine gültige E-Mail-Adresse/);
  assert.match(summary, /Datum der Einwilligung: Bitte das Datum der Einwilligung angeben/);
  await screenshot(page, 'ansprechperson-fehler');
  await page.getByLabel('E-Mail').fill('m.nouri@jmd.example');
  await page.getByLabel('Datum der Einwilligung').fill('2026-01-20');
  await page.getByLabel('Quelle der Einwilligung').fill('Einwilligungsformular');
  await page.getByRole('checkbox', { name: /^فارسی/ }).check();
  await page.getByLabel('Geschlecht').selectOption('weiblich');
  await submit(page, page.getByRole('button', { name: 'Anlegen' }));
  assert.match(await mainText(page), /Die Ansprechperson „Mariam Nouri“ wurde angelegt/);
  const contacts = page.getByRole('table', { name: 'Ansprechpersonen' });
  assert.match(await contacts.innerText(), /Mariam Nouri[\s\S]*فارسی[\s\S]*veröffentlichbar/);
  await screenshot(page, 'ansprechpersonen');

  await follow(page, /Ansprechperson löschen Mariam Nouri/);
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Mariam Nouri“ endgültig löschen\?/);
  await screenshot(page, 'ansprechperson-loeschen');
  await submit(page, page.getByRole('button', { name: 'Ansprechperson löschen' }));
  assert.match(await mainText(page), /Im Protokoll steht nur noch, dass es sie gab/);
  assert.equal((await suite.database.db.select().from(actorContacts).where(eq(actorContacts.name, 'Mariam Nouri'))).length, 0);
  const logged = JSON.stringify(await suite.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'actor_contact')));
  assert.ok(!logged.includes('Nouri'), 'the audit no longer names her');
});

suite.test('Ansprechpersonen importieren: CSV-Datei, unbekannte Spalte zuordnen, Vorschau, bestätigen; Blatt „Ansprechpersonen“ einer .xlsx ebenso', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/akteure');
  await follow(page, 'Ansprechpersonen importieren');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Ansprechpersonen importieren');
  const csv = ['Einrichtung;Ansprechperson;Funktion;Erreichbar unter;Einwilligung;Einwilligung vom;Einwilligung: Quelle', 'Jugendmigrationsdienst Musterland;Yusuf Demir;Berater;y.demir@jmd.example;intern;12.01.2026;Einwilligungsformular'].join('\r\n');
  await page.getByLabel('Tabelle (.xlsx oder .csv)').setInputFiles({ name: 'kontakte.csv', mimeType: 'text/csv', buffer: Buffer.from(csv + '\r\n') });
  await submit(page, page.locator('main').getByRole('button', { name: 'Datei prüfen' }));
  assert.match(await mainText(page), /Nicht übernommen werden die Spalten: Erreichbar unter\./);
  await page.getByLabel('Spalte „Erreichbar unter“').selectOption({ label: 'E-Mail' });
  await submit(page, page.getByRole('button', { name: 'Zuordnung übernehmen und Vorschau zeigen' }));
  assert.doesNotMatch(await mainText(page), /Nicht übernommen/);
  await screenshot(page, 'ansprechpersonen-import-vorschau');
  await submit(page, page.getByRole('button', { name: 'Import bestätigen' }));
  assert.match(await mainText(page), /Ansprechpersonen: 1 neu, 0 geändert, 0 unverändert\./);
  const [yusuf] = await suite.database.db.select().from(actorContacts).where(eq(actorContacts.name, 'Yusuf Demir'));
  assert.equal(yusuf?.email, 'y.demir@jmd.example', 'stored with the mapped column');

  // The contact sheet of an actor table: its unknown headings are offered in a group of their own.
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Akteure').addRows([['Name'], ['Jugendmigrationsdienst Musterland']]);
  wb.addWorksheet('Ansprechpersonen').addRows([['Akteur', 'Name', 'Durchwahl'], ['Jugendmigrationsdienst Musterland', 'Yusuf Demir', '05141 2277-31']]);
  await visit(page, '/app/k/musterland/akteure/import');
  await page.getByLabel('Tabelle (.xlsx oder .csv)').setInputFiles({ name: 'akteure.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
  await submit(page, page.locator('main').getByRole('button', { name: 'Datei prüfen' }));
  const group = page.getByRole('group', { name: 'Blatt „Ansprechpersonen“' });
  await group.getByLabel('Spalte „Durchwahl“').selectOption({ label: 'Telefon' });
  await submit(page, page.getByRole('button', { name: 'Zuordnung übernehmen und Vorschau zeigen' }));
  assert.match(await mainText(page), /Ansprechpersonen: 0 neu, 1 geändert, 0 unverändert\./);
  await submit(page, page.getByRole('button', { name: 'Import bestätigen' }));
  const [again] = await suite.database.db.select().from(actorContacts).where(eq(actorContacts.name, 'Yusuf Demir'));
  assert.equal(again?.phone, '05141 2277-31');
});
