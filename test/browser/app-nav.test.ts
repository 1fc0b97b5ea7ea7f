import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, expectNoAxeViolations, follow, screenshot, signIn, visit } from '../support/browser.js';

const suite = browserSuite();
const navOf = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

suite.test('Interne Navigation nach Phasen: per Tastatur auf- und zuklappen, schmal ohne Seitwärtsscrollen, gedruckt nicht da, ohne JavaScript bedienbar', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await page.setViewportSize({ width: 1280, height: 800 });
  await visit(page, '/app/k/musterland/akteure');
  const nav = navOf(page);
  const groups = nav.locator('details > summary');
  assert.equal(await groups.count(), 7, 'seven phases');
  assert.equal(await nav.getByRole('link', { name: 'Protokoll' }).isVisible(), false, 'a closed group hides its links');
  assert.match(await nav.locator('summary[aria-current="true"]').innerText(), /^Bestandsaufnahme & Netzwerk( \(\d+\))?$/, 'the current page’s group is marked (with what waits in it)');
  await screenshot(page, 'app-nav-1280');

  // Keyboard: Tab to „Verwaltung“, Enter opens it, its links follow in the Tab order, Escape closes it.
  const administration = nav.locator('summary', { hasText: 'Verwaltung' });
  await administration.focus();
  await page.keyboard.press('Enter');
  assert.ok(await nav.getByRole('link', { name: 'Protokoll' }).isVisible(), 'Enter opens the group');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Mitglieder', 'the first link of the group is next');
  await screenshot(page, 'app-nav-1280-open');
  await expectNoAxeViolations(page);
  // Opening another group closes this one (app-nav.js).
  await nav.locator('summary', { hasText: 'Konzept' }).click();
  assert.equal(await nav.getByRole('link', { name: 'Protokoll' }).isVisible(), false, 'one group open at a time');
  await page.keyboard.press('Escape');
  assert.equal(await nav.getByRole('link', { name: 'Fassungen' }).isVisible(), false, 'Escape closes the group');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Konzept', 'focus back on the group’s name');
  await follow(page, 'Protokoll', { scope: nav });
  assert.match(await navOf(page).locator('summary[aria-current="true"]').innerText(), /^Verwaltung/);

  // Narrow (320 px and a phone's 375 px): no sideways scrolling, an open group lists its links in the flow.
  for (const width of [320, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await navOf(page).locator('summary', { hasText: 'Veröffentlichung' }).click();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    assert.ok(scrollWidth <= clientWidth, `${width} px: no sideways scrolling (${scrollWidth} in ${clientWidth})`);
    const link = await navOf(page).getByRole('link', { name: 'Übersetzungen' }).boundingBox();
    assert.ok(link && link.x >= 0 && link.x + link.width <= width, `${width} px: the group's links are on the screen`);
    await screenshot(page, `app-nav-${width}-open`);
    await expectNoAxeViolations(page);
    await navOf(page).locator('summary', { hasText: 'Veröffentlichung' }).click();
  }

  // Print: no navigation on paper.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await navOf(page).isVisible(), false, 'the navigation is not printed');
  await page.emulateMedia({ media: 'screen' });

  // Without JavaScript the groups are plain disclosures: a click opens one, its link works.
  const context = await suite.browser.newContext({ javaScriptEnabled: false, baseURL: suite.baseUrl, storageState: await page.context().storageState() });
  try {
    const plain = await context.newPage();
    await plain.goto('/app/k/musterland');
    await navOf(plain).locator('summary', { hasText: 'Beschluss' }).click();
    await navOf(plain).getByRole('link', { name: 'Vorlagen' }).click();
    await plain.waitForURL(/\/vorlagen$/);
    assert.equal(await navOf(plain).locator('[aria-current="page"]').textContent(), 'Vorlagen', 'the page is marked in its (closed) group');
  } finally {
    await context.close();
  }
});
