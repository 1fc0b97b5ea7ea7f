import assert from 'node:assert/strict';
import { browserSuite, mainText, screenshot, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();

suite.test('Die Koordination übersetzt einen Titel ins Arabische; die öffentliche Seite zeigt ihn auf Arabisch, Unübersetztes deutsch markiert', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/uebersetzungen?sprache=ar&art=measure&stand=missing');
  assert.match(await mainText(page), /Stand der Übersetzungen ins العربية/);
  const unit = page.locator('li.translation-unit').filter({ has: page.locator('h3', { hasText: /: 1\.1\.3 .* – Titel/ }) });
  assert.equal(await unit.count(), 1, 'the title of measure 1.1.3 is missing');
  const field = unit.getByLabel('Übersetzung (العربية)');
  assert.equal(await field.getAttribute('dir'), 'rtl', 'the translation is typed right to left');
  await field.fill('دورات لغة للآباء والأمهات');
  await submit(page, unit.getByRole('button', { name: 'Übersetzung speichern' }));
  assert.match(await mainText(page), /Die Übersetzung wurde gespeichert/);

  // Filtered to the first Themenfeld: a smaller page for axe, the same table rows.
  await visit(page, '/k/musterland/konzept?lang=ar&themenfeld=1');
  const row = page.locator('tr', { has: page.locator('th', { hasText: /^1\.1\.3$/ }) }).first();
  const cell = row.locator('td').first();
  assert.equal(await cell.getAttribute('lang'), 'ar');
  assert.equal(await cell.locator('a').innerText(), 'دورات لغة للآباء والأمهات');
  const german = page.locator('tr', { has: page.locator('th', { hasText: /^1\.2\.1$/ }) }).first().locator('td').first();
  assert.equal(await german.getAttribute('lang'), 'de');
  assert.equal(await german.locator('.portal-content-mark [aria-hidden="true"]').innerText(), 'DE', 'the visible hint');
  assert.equal(await german.locator('.portal-content-mark .visually-hidden').innerText(), 'باللغة الألمانية', 'spoken in Arabic');
  // The hint sits after the German title, on its left in the right-to-left page.
  const title = (await german.locator('a').boundingBox())!;
  const mark = (await german.locator('.portal-content-mark').boundingBox())!;
  assert.ok(mark.x < title.x + title.width, 'the mark follows the title');
  await screenshot(page, 'konzept-ar-uebersetzt');
});
