import assert from 'node:assert/strict';
import { browserSuite, follow, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();
const draftTitle = 'Integrationskonzept 2026 (Fortschreibung)';

suite.test('Koordination pflegt Leitlinien, Themenfelder und Ziele der Fortschreibung', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/fassungen');
  await follow(page, draftTitle);
  // Leitlinien, Themenfelder and Ziele are folded away above the measures: open them as a person would.
  await page.locator('details#gliederung > summary').click();
  await follow(page, 'Leitlinie hinzufügen');
  // Saving leads back to the edition page with the outline open where the person was working.
  const editionUrl = `${new URL(page.url()).pathname.replace(/\/leitlinien\/neu$/, '')}?gliederung=offen#gliederung`;
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }), { status: 422 });
  await page.getByLabel('Titel', { exact: true }).fill('Zusammenhalt in den Dörfern');
  await page.getByLabel('Text').fill('Der Landkreis versteht Vielfalt als Gewinn für alle.');
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }));
  assert.equal(page.url(), new URL(editionUrl, page.url()).href);
  assert.match(await mainText(page), /Zusammenhalt in den Dörfern/);

  // Move it up with the keyboard-reachable button named after the item.
  await submit(page, page.getByRole('button', { name: 'Zusammenhalt in den Dörfern: Nach oben' }));
  await follow(page, 'Zusammenhalt in den Dörfern: Bearbeiten');
  // Deleting asks first: the link leads to the confirmation page, its button deletes.
  await follow(page, 'Leitlinie löschen');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Leitlinie „Zusammenhalt in den Dörfern“ löschen?');
  await submit(page, page.locator('main').getByRole('button', { name: 'Leitlinie löschen' }));
  assert.doesNotMatch(await mainText(page), /Zusammenhalt in den Dörfern/);

  await follow(page, 'Themenfeld hinzufügen');
  await page.getByLabel('Titel', { exact: true }).fill('Wohnen');
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }));
  assert.match(await mainText(page), /Wohnen/);

  await follow(page, 'Ziel hinzufügen', { exact: true });
  await page.getByLabel('Nr.', { exact: true }).fill('1.11');
  await page.getByLabel('Titel', { exact: true }).fill('Mehr Sprachkursplätze im ländlichen Raum');
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }));
  assert.match(await mainText(page), /1\.11 Handlungsziel: Mehr Sprachkursplätze im ländlichen Raum/);

  await follow(page, 'Titel und Einleitung bearbeiten');
  await page.getByLabel('Titel', { exact: true }).fill('');
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }), { status: 422 });
});

suite.test('Koordination bearbeitet einen Akteur; Plattform-Administration sieht die Kommunen', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/akteure');
  await follow(page, 'Kreisvolkshochschule Musterland');
  await page.getByLabel('Name').fill('');
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }), { status: 422 });
  await follow(page, 'Akteur löschen');
  await submit(page, page.locator('main').getByRole('button', { name: 'Akteur löschen' }), { status: 409 });
  assert.match(await mainText(page), /in \d+ Maßnahmen eingetragen/);

  const admin = await suite.newPage();
  await signIn(admin, 'admin@ikon.example');
  await visit(admin, '/app/admin/kommunen');
  assert.match(await mainText(admin), /Landkreis Musterland/);
});
