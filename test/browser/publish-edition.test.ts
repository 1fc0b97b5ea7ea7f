import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, follow, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();
const draftTitle = 'Integrationskonzept 2026 (Fortschreibung)';

const changeStatus = (page: Page, status: number) => submit(page, page.locator('main').getByRole('button', { name: 'Status ändern' }), { status });

/** The cells of the row of one edition in the table of /app/k/musterland/fassungen. */
async function editionRow(page: Page, title: string): Promise<string[]> {
  const row = page.locator('main table tbody tr').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  return (await row.locator('td').allInnerTexts()).map((s) => s.trim());
}

suite.test('Koordination gibt die Fortschreibung zur Beschlussfassung, trägt den Beschluss ein, und die Öffentlichkeit sieht die neue Fassung', async (page) => {
  // Before: the public portal (English, a new visitor) shows the edition adopted in 2024.
  const citizen = await suite.newPage();
  await visit(citizen, '/k/musterland/konzept?lang=en');
  assert.equal(await citizen.getByRole('heading', { level: 1 }).innerText(), 'Integrationskonzept 2024');

  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/fassungen');
  assert.deepEqual((await editionRow(page, draftTitle)).slice(1), ['Entwurf', '–']);
  await follow(page, draftTitle);
  const editionUrl = new URL(page.url()).pathname;

  // Entwurf → zur Beschlussfassung: the content is locked from now on.
  const status = page.getByLabel('Neuer Status');
  await status.selectOption({ label: 'zur Beschlussfassung' });
  await changeStatus(page, 200);
  assert.equal(new URL(page.url()).pathname, editionUrl);
  assert.match(await page.getByRole('status').first().innerText(), /Der Status der Fassung ist jetzt „zur Beschlussfassung“\./);
  assert.equal(await page.locator('main').getByRole('link', { name: 'Neue Maßnahme' }).count(), 0, 'no new measures once it went to the council');

  // → beschlossen without the date of the decision: refused, the field says why.
  await page.getByLabel('Neuer Status').selectOption({ label: 'beschlossen' });
  await changeStatus(page, 422);
  const date = page.getByLabel(/Beschlossen am/);
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  assert.match(await mainText(page), /Bitte das Datum des Beschlusses angeben\./);

  // → beschlossen on 18.03.2026.
  await page.getByLabel('Neuer Status').selectOption({ label: 'beschlossen' });
  await page.getByLabel(/Beschlossen am/).fill('2026-03-18');
  await changeStatus(page, 200);
  assert.match(await page.getByRole('status').first().innerText(), /Der Status der Fassung ist jetzt „beschlossen“\./);
  assert.match(await mainText(page), /18\.03\.2026/);
  assert.equal(await page.getByRole('button', { name: 'Status ändern' }).count(), 0, 'an adopted edition has no further status');

  // Internally, the 2024 edition is now "abgelöst".
  await visit(page, '/app/k/musterland/fassungen');
  assert.deepEqual(await editionRow(page, draftTitle), [draftTitle, 'beschlossen', '18.03.2026']);
  assert.equal((await editionRow(page, 'Integrationskonzept 2024'))[1], 'abgelöst');

  // Publicly (signed out, a new browser context): the Fortschreibung is the concept now.
  const reader = await suite.newPage();
  await visit(reader, '/k/musterland/konzept');
  assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), draftTitle);
  assert.match(await mainText(reader), /18\. März 2026|18\.03\.2026/);
  assert.doesNotMatch(await mainText(reader), /Integrationskonzept 2024/);
});
