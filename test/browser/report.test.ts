import assert from 'node:assert/strict';
import { browserSuite, follow, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();

suite.test('Ein Kreistagsmitglied (Lesend) öffnet den Umsetzungsstand und erstellt den Sachstandsbericht', async (page) => {
  await signIn(page, 'lesend@musterland.example');
  await visit(page, '/app/k/musterland/fassungen');
  await follow(page, 'Integrationskonzept 2024');
  await follow(page, 'Umsetzungsstand');
  await page.goBack();
  await follow(page, 'Sachstandsbericht');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Sachstandsbericht erstellen');
  // A wrong period comes back as a form with a German message; the right one downloads a file.
  await page.getByLabel('Berichtszeitraum von').fill('2026-12-01');
  await page.getByLabel('Berichtszeitraum bis').fill('2026-01-01');
  await submit(page, page.getByRole('button', { name: 'Als PDF herunterladen' }), { status: 422 });
  await page.getByLabel('Berichtszeitraum von').fill('2025-01-01');
  assert.ok(await page.getByLabel(/^Öffentliche Sitzung/).isChecked(), 'the public session is the preselected audience');
  await page.getByLabel(/^Intern:/).check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Als Word-Datei (.docx) herunterladen' }).click();
  assert.match((await download).suggestedFilename(), /^sachstandsbericht-integrationskonzept-2024-.*-intern\.docx$/, 'an internal report says so in its name');
});

suite.test('Koordination sieht Aufmerksamkeitsliste und Einstellungen', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await follow(page, 'Aufmerksamkeit', { scope: page.getByRole('navigation', { name: 'Hauptnavigation' }) });
  await follow(page, 'Status und Fortschritt', { scope: page.getByRole('navigation', { name: 'Hauptnavigation' }) });
  await follow(page, 'Weitere Einstellung: Abstand der Fortschreibungen des Konzepts');
});
