import assert from 'node:assert/strict';
import { browserSuite, mainText, screenshot, signIn, submit, visit } from '../support/browser.js';
import { demoPartnerToken } from '../../src/modules/partner-updates/demo.js';

const suite = browserSuite();

suite.test('Die Kreisvolkshochschule aktualisiert ein Angebot über ihren Partnerlink, die Koordination prüft Feld für Feld und übernimmt', async (page) => {
  await visit(page, `/partner/${demoPartnerToken}`);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Angaben von „Kreisvolkshochschule Musterland“');
  await submit(page, page.getByRole('link', { name: /Prüfen und aktualisieren/ }).first());
  const title = page.getByLabel('Titel', { exact: true });
  const old = await title.inputValue();
  await title.fill(`${old} mit Kinderbetreuung`);
  await page.getByLabel('Nachricht an die Koordination').fill('Neuer Titel ab dem Frühjahr.');
  await submit(page, page.getByRole('button', { name: 'Zur Prüfung senden' }));
  assert.match(await mainText(page), /Ihre Meldung ist eingegangen/);
  assert.match(await mainText(page), /Änderung eines Angebots – wartet auf Prüfung/);
  await screenshot(page, 'partnerlink-gesendet');

  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/partnerlinks');
  assert.match(await mainText(page), /Offene Meldungen \(2\)/);
  const row = page.getByRole('row', { name: /Titel/ });
  await submit(page, row.getByRole('link', { name: /Prüfen/ }));
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Meldung von „Kreisvolkshochschule Musterland“ prüfen/);
  const text = await mainText(page);
  assert.ok(text.includes(old) && text.includes(`${old} mit Kinderbetreuung`), 'old and new side by side');
  assert.match(text, /Neuer Titel ab dem Frühjahr/);
  await page.getByLabel('Notiz zur Prüfung').fill('Passt.');
  await submit(page, page.getByRole('button', { name: 'Alles übernehmen' }));
  assert.match(await mainText(page), /Die Meldung wurde übernommen/);
  assert.match(await mainText(page), /Offene Meldungen \(1\)/);
  await screenshot(page, 'partnerlink-geprueft');
});
