import assert from 'node:assert/strict';
import { browserSuite, follow, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();

suite.test('Koordination öffnet die Aufmerksamkeitsliste und folgt dem Link zu einer überfälligen Maßnahme', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/aufmerksamkeit');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Aufmerksamkeit');
  const text = await mainText(page);
  assert.match(text, /kurzfristig nach 1 Jahr, mittelfristig nach 3 Jahren, langfristig nach 5 Jahren/, 'the rule is on the page');

  const overdue = page.getByRole('table', { name: /Überfällige Maßnahmen/ });
  const first = overdue.locator('tbody tr').first();
  const number = (await first.locator('td').first().innerText()).trim();
  const title = (await first.getByRole('link').innerText()).trim();
  assert.ok(title.length > 0, 'the most overdue measure has a link');
  await follow(page, title, { scope: overdue });
  assert.match(new URL(page.url()).pathname, /^\/app\/k\/musterland\/massnahmen\/[0-9a-f-]{36}$/);
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.match(await mainText(page), new RegExp(number.replace(/\./g, '\\.')));
});

suite.test('Koordination schaltet Erinnerungen ein: ohne E-Mail-Server stehen sie auf der Seite', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/aufmerksamkeit');
  await page.getByLabel('Ohne Sachstandsmeldung nach wie vielen Monaten?').fill('40');
  await submit(page, page.locator('main').getByRole('button', { name: 'Einstellungen speichern' }), { status: 422 });
  assert.match(await mainText(page), /Bitte eine ganze Zahl von 1 bis 36 eingeben\./);
  await page.getByLabel('Ohne Sachstandsmeldung nach wie vielen Monaten?').fill('12');
  await page.getByLabel('Erinnerungen verschicken').check();
  await submit(page, page.locator('main').getByRole('button', { name: 'Einstellungen speichern' }));
  const text = await mainText(page);
  assert.match(text, /Die Einstellungen wurden gespeichert\./);
  assert.match(text, /Ohne Sachstandsmeldung seit 12 Monaten/);
  const reminders = page.getByRole('table', { name: 'Wer woran erinnert wird' });
  assert.match(await reminders.innerText(), /Katrin Koordination/);
});

suite.test('der Fachdienst sieht die Maßnahmen seines Akteurs, die Aufmerksamkeit brauchen; Lesende die Liste nicht', async (page) => {
  await signIn(page, 'redaktion@musterland.example');
  await visit(page, '/app/k/musterland');
  await follow(page, 'Aufmerksamkeit', { scope: page.getByRole('navigation', { name: 'Hauptnavigation' }) });
  const text = await mainText(page);
  assert.match(text, /Maßnahmen, die Fachdienst Soziales federführend verantwortet/);
  assert.doesNotMatch(text, /Einstellungen speichern/);
  const reader = await suite.newPage();
  await signIn(reader, 'lesend@musterland.example');
  await visit(reader, '/app/k/musterland/aufmerksamkeit', { status: 403 });
});

suite.test('Koordination meldet den Sachstand per Tabelle: erst abgelehnt, dann Vorschau und Bestätigung', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/fassungen');
  await follow(page, 'Integrationskonzept 2024');
  const editionUrl = new URL(page.url()).pathname;
  await visit(page, `${editionUrl}/sachstand/import`);
  const upload = async (content: string, status: number) => {
    await page.getByLabel('Sachstandstabelle').setInputFiles({ name: 'sachstand.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${content}`, 'utf8') });
    await submit(page, page.locator('main').getByRole('button', { name: 'Datei prüfen' }), { status });
  };
  await upload('Nr.;Status;Fortschritt %;Sachstand\r\n1.1.1;in Umsetzung;150;Viel zu viel\r\n', 422);
  const problems = page.getByRole('table', { name: /Fehler in der Datei/ });
  assert.equal(await problems.locator('tbody tr').count(), 1);
  await upload('Nr.;Status;Fortschritt %;Sachstand\r\n1.1.1;in Umsetzung;60;Zweiter Kurs ist gestartet.\r\n', 200);
  assert.match(await mainText(page), /Zweiter Kurs ist gestartet\./);
  await submit(page, page.locator('main').getByRole('button', { name: 'Sachstand speichern' }));
  assert.equal(new URL(page.url()).pathname, editionUrl);
  assert.match(await mainText(page), /1 Sachstandsmeldung gespeichert/);
});
