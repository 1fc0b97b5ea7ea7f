import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, follow, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();
const draftTitle = 'Integrationskonzept 2026 (Fortschreibung)';

/** Tab presses from the top of the page until the focus is on the link named `name` (at most `limit`). */
async function tabsTo(page: Page, name: string, limit = 600): Promise<number> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.locator('body').focus();
  for (let n = 1; n <= limit; n++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');
    if (text === name) return n;
  }
  return Infinity;
}

suite.test('Fassungsseite: Gliederung zugeklappt, wenige Tabs bis „Neue Maßnahme“, Verschieben an eine Position', async (page, t) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/fassungen');
  await follow(page, draftTitle);
  const editionUrl = page.url();

  const outline = page.locator('details#gliederung');
  assert.equal(await outline.getAttribute('open'), null, 'the outline is folded');
  const folded = await tabsTo(page, 'Neue Maßnahme');
  // Unfolded, the same walk passes every Leitlinie, Themenfeld and Ziel with its buttons (the page before issue 7.14).
  await outline.locator('summary').click();
  assert.ok(await page.getByRole('link', { name: 'Leitlinie hinzufügen' }).isVisible(), 'opening the outline shows its items');
  const unfolded = await tabsTo(page, 'Neue Maßnahme');
  t.diagnostic(`Tab presses to „Neue Maßnahme“: ${folded} folded, ${unfolded} unfolded`);
  // The internal navigation's 22 entries sit in seven closed groups (one Tab stop each): 40 again.
  assert.ok(folded <= 40, `folded: ${folded} Tab presses`);
  assert.ok(unfolded > folded + 100, `unfolded: ${unfolded} Tab presses`);

  // Move the third measure of the first Themenfeld to position 1 in one step, from its page.
  await visit(page, editionUrl);
  const rows = page.locator('main table tbody tr');
  const firstNumber = (await rows.nth(0).locator('td').first().innerText()).trim();
  await follow(page, await rows.nth(2).getByRole('link').innerText());
  const moved = (await page.getByRole('heading', { level: 1 }).innerText()).split(' ')[0]!;
  const position = page.getByLabel('Neue Position');
  await position.selectOption({ index: 0 });
  await submit(page, page.locator('#reihenfolge').getByRole('button', { name: 'Verschieben' }));
  assert.match(await mainText(page), new RegExp(`Die Maßnahme ${moved.replace(/\./g, '\\.')} wurde verschoben`));
  assert.equal((await page.locator('main table tbody tr').nth(0).locator('td').first().innerText()).trim(), moved, 'now first in its Themenfeld');

  // And back into number order for the whole Themenfeld.
  await submit(page, page.locator('main').getByRole('button', { name: 'Nach Nummer sortieren' }));
  assert.match(await mainText(page), /Nach Nummer sortiert/);
  assert.equal((await page.locator('main table tbody tr').nth(0).locator('td').first().innerText()).trim(), firstNumber, 'number order again');
});
