import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, follow, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();
const draftTitle = 'Integrationskonzept 2026 (Fortschreibung)';

/** Chooses the new status on the edition page and goes on to its confirmation page (axe-checked). */
async function chooseStatus(page: Page, label: string) {
  await page.getByLabel('Neuer Status').selectOption({ label });
  await submit(page, page.locator('main').getByRole('button', { name: 'Weiter zur Bestätigung' }));
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `„${draftTitle}“: Status auf „${label}“ ändern?`);
}
const confirmStatus = (page: Page, label: string, status: number) => submit(page, page.locator('main').getByRole('button', { name: `Status „${label}“ setzen` }), { status });

/** What the public progress and indicator pages show, in numbers (query strings keep the page cache apart). */
async function publicFigures(page: Page, query: string) {
  await visit(page, `/k/musterland/umsetzung${query}`);
  const bar = page.locator('#fortschritt-gesamt');
  assert.equal(await bar.count(), 1, 'the overall progress bar');
  const overall = await bar.getAttribute('value');
  const updates = await page.locator('ol.portal-results > li').count();
  const attachments = await page.locator('a[href*="/umsetzung/anhang/"]').count();
  await visit(page, `/k/musterland/indikatoren${query}`);
  const indicators = await page.locator('main article').count();
  return { overall, updates, attachments, indicators };
}

/** The cells of the row of one edition in the table of /app/k/musterland/fassungen. */
async function editionRow(page: Page, title: string): Promise<string[]> {
  const row = page.locator('main table tbody tr').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  return (await row.locator('td').allInnerTexts()).map((s) => s.trim());
}

suite.test('Koordination gibt die Fortschreibung zur Beschlussfassung, trägt den Beschluss ein, und die Öffentlichkeit sieht die neue Fassung', async (page) => {
  // Before: the public portal (English, a new visitor) shows the edition adopted in 2024.
  const citizen = await suite.newPage();
  await visit(citizen, '/k/musterland/konzept?lang=en');
  // The edition's title has no English translation: it is shown in German with the DE mark.
  const heading = citizen.getByRole('heading', { level: 1 });
  assert.match(await heading.innerText(), /^Integrationskonzept 2024\s*DE/);

  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/fassungen');
  assert.deepEqual((await editionRow(page, draftTitle)).slice(1), ['Entwurf', '–']);
  await follow(page, draftTitle);
  const editionUrl = new URL(page.url()).pathname;

  // Entwurf → zur Beschlussfassung, through the confirmation page: the content is locked from now on.
  await chooseStatus(page, 'zur Beschlussfassung');
  assert.match(await mainText(page), /Danach kann der Inhalt nicht mehr geändert werden/);
  await confirmStatus(page, 'zur Beschlussfassung', 200);
  assert.equal(new URL(page.url()).pathname, editionUrl);
  assert.match(await page.getByRole('status').first().innerText(), /Der Status der Fassung ist jetzt „zur Beschlussfassung“\./);
  assert.equal(await page.locator('main').getByRole('link', { name: 'Neue Maßnahme' }).count(), 0, 'no new measures once it went to the council');

  // → beschlossen: the confirmation names the edition it replaces; the Fortschreibung loses nothing public.
  const before = await publicFigures(citizen, '?lang=de');
  assert.ok(before.updates > 0 && before.attachments > 0 && before.indicators > 0, 'the demo publishes Sachstände, attachments and indicators');
  await chooseStatus(page, 'beschlossen');
  assert.match(await mainText(page), /„Integrationskonzept 2024“ wird abgelöst/);
  assert.doesNotMatch(await mainText(page), /keine Fortschreibung|verschwindet von der öffentlichen Seite/, 'no loss to warn about');
  // Without the date of the decision: refused, the field says why.
  await confirmStatus(page, 'beschlossen', 422);
  const date = page.getByLabel(/Beschlossen am/);
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  assert.match(await mainText(page), /Bitte das Datum des Beschlusses angeben\./);
  await page.getByLabel(/Beschlossen am/).fill('2026-03-18');
  await confirmStatus(page, 'beschlossen', 200);
  assert.equal(new URL(page.url()).pathname, editionUrl);
  assert.match(await page.getByRole('status').first().innerText(), /Der Status der Fassung ist jetzt „beschlossen“\./);
  assert.match(await mainText(page), /18\.03\.2026/);
  assert.equal(await page.getByRole('button', { name: 'Weiter zur Bestätigung' }).count(), 0, 'an adopted edition has no further status');

  // The public site shows the same progress, Sachstände, attachments and indicators as before.
  assert.deepEqual(await publicFigures(citizen, ''), before, 'adopting the Fortschreibung keeps what was published');

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
