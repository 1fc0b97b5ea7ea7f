import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, follow, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const press = (page: Page, name: string, status = 200) => submit(page, page.locator('main').getByRole('button', { name, exact: true }), { status });

suite.test('Koordination löscht eine Maßnahme, entfernt ein Mitglied und löscht den Entwurf – jeweils erst nach einer Bestätigungsseite', async (page) => {
  await signIn(page, 'koordination@musterland.example');

  // A measure of the draft: the measure page links to the confirmation; cancelling changes nothing.
  await visit(page, '/app/k/musterland/fassungen');
  await follow(page, 'Integrationskonzept 2026 (Fortschreibung)');
  const editionUrl = new URL(page.url()).pathname;
  const firstMeasure = page.locator('main table tbody tr a[href*="/massnahmen/"]').first();
  const measureName = (await firstMeasure.innerText()).trim();
  await submit(page, firstMeasure);
  await follow(page, 'Maßnahme löschen');
  assert.match(await heading(page), /^Maßnahme .+ löschen\?$/);
  await follow(page, 'Abbrechen');
  await follow(page, 'Maßnahme löschen');
  await press(page, 'Maßnahme löschen');
  assert.equal(new URL(page.url()).pathname, editionUrl);
  assert.match(await page.getByRole('status').first().innerText(), /gelöscht/);
  assert.equal(await page.locator('main').getByRole('link', { name: measureName, exact: true }).count(), 0, 'the measure is gone');

  // A member: "Entfernen" leads to the question, naming the person and what happens.
  await visit(page, '/app/k/musterland/mitglieder');
  await follow(page, 'Entfernen (Lars Lesend)');
  assert.equal(await heading(page), 'Lars Lesend aus Landkreis Musterland entfernen?');
  assert.match(await mainText(page), /verliert den Zugang/);
  await press(page, 'Person entfernen');
  assert.match(await page.getByRole('status').first().innerText(), /Lars Lesend ist kein Mitglied mehr/);
  assert.equal(await page.locator('main').getByRole('link', { name: 'Entfernen (Lars Lesend)' }).count(), 0, 'no longer listed');

  // The stray draft: deleted after the confirmation; then a Fortschreibung can start again.
  await visit(page, editionUrl);
  await follow(page, 'Entwurf löschen');
  assert.equal(await heading(page), 'Entwurf „Integrationskonzept 2026 (Fortschreibung)“ löschen?');
  await press(page, 'Entwurf endgültig löschen');
  assert.equal(new URL(page.url()).pathname, '/app/k/musterland/fassungen');
  assert.match(await page.getByRole('status').first().innerText(), /Der Entwurf „Integrationskonzept 2026 \(Fortschreibung\)“ wurde gelöscht\./);
  await visit(page, '/app/k/musterland/fassungen/fortschreibung');
  assert.equal(await page.locator('main').getByRole('button', { name: 'Fortschreibung anlegen' }).count(), 1, 'a Fortschreibung can start again');
});

suite.test('Eine Fassung ohne Abstammung beschließen: die Bestätigung warnt mit Zahlen und verlangt ein Häkchen', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/fassungen');
  await page.getByLabel('Titel', { exact: true }).fill('Konzept ohne Herkunft');
  await press(page, 'Anlegen');
  const editionUrl = new URL(page.url()).pathname;
  await page.getByLabel('Neuer Status').selectOption({ label: 'zur Beschlussfassung' });
  await press(page, 'Weiter zur Bestätigung');
  await press(page, 'Status „zur Beschlussfassung“ setzen');

  await page.getByLabel('Neuer Status').selectOption({ label: 'beschlossen' });
  await press(page, 'Weiter zur Bestätigung');
  const warning = page.locator('main .kern-alert--warning');
  assert.match(await warning.innerText(), /Diese Fassung ist keine Fortschreibung von „Integrationskonzept 2024“/);
  assert.match(await warning.innerText(), /\d+ veröffentlichte Sachstandsmeldungen/);
  await page.getByLabel(/Beschlossen am/).fill('2026-03-18');
  await press(page, 'Status „beschlossen“ setzen', 422);
  assert.match(await mainText(page), /Bitte bestätigen Sie, dass die genannten Inhalte von der öffentlichen Seite verschwinden/);
  await page.getByLabel(/Beschlossen am/).fill('2026-03-18');
  await page.getByLabel('Ich weiß, dass diese Inhalte danach nicht mehr öffentlich zu sehen sind.').check();
  await press(page, 'Status „beschlossen“ setzen');
  assert.equal(new URL(page.url()).pathname, editionUrl);
  assert.match(await page.getByRole('status').first().innerText(), /„beschlossen“/);
});
