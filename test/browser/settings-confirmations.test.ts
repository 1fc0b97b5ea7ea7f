import assert from 'node:assert/strict';
import path from 'node:path';
import { browserSuite, follow, signIn, submit, visit } from '../support/browser.js';

// Pages kept since session 15 that no other browser file opened: the appearance settings with the logo's removal,
// the member password-link confirmation and the partner-link reminder confirmation (axe on each).
const suite = browserSuite();
const logo = path.resolve('src/platform/ui/assets/apple-touch-icon.png');

suite.test('Koordination: Erscheinungsbild mit Logo, „Logo entfernen“ fragt erst; Passwort-Link und Erinnerung fragen erst (axe)', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/einstellungen/erscheinungsbild');
  await page.getByLabel('Neues Logo').setInputFiles(logo);
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }));
  await follow(page, 'Logo entfernen');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Logo von der öffentlichen Seite entfernen?');
  await follow(page, 'Abbrechen');
  assert.equal(new URL(page.url()).pathname, '/app/k/musterland/einstellungen/erscheinungsbild', 'cancelling goes back, the logo stays');

  await visit(page, '/app/k/musterland/mitglieder');
  await follow(page, /^Passwort-Link/);
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Link zum Zurücksetzen des Passworts für .+ erzeugen\?/);

  await visit(page, '/app/k/musterland/partnerlinks');
  await follow(page, /^Erinnern/);
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /an die Bestandsaufnahme erinnern\?/);
  assert.equal(await page.locator('main').getByRole('button', { name: 'Erinnern' }).count(), 1, 'nothing is sent before the button');
});
