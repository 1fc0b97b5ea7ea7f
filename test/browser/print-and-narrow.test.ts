import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, visit } from '../support/browser.js';

const suite = browserSuite();

/** Pages of the current page printed to A4 (Chromium's PDF; counts its page objects). */
async function pdfPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: 'A4' });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** How many elements matching `selector` are laid out (neither they nor an ancestor `display: none`). */
const displayed = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);

suite.test('Gedruckt zeigen Konzept und Maßnahme nur den Inhalt: ohne Navigation und Filter, Adressen der Links ausgeschrieben, Zeilen ungeteilt', async (page) => {
  await visit(page, '/k/musterland/konzept');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.skip-link', 'nav', '.site-header__tools', '.site-languages', 'footer', '.portal-filter', 'form', '.portal-toc']) {
    assert.equal(await displayed(page, hidden), 0, `${hidden} is not printed`);
  }
  assert.ok((await displayed(page, 'main table tr')) > 60, 'the measure tables are printed');
  const rowStyle = await page.locator('main table tbody tr').first().evaluate((tr) => getComputedStyle(tr).breakInside);
  assert.equal(rowStyle, 'avoid', 'table rows are not split across pages');
  const fields = await page.locator('.portal-concept-fields > .portal-field').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
  assert.ok(fields.length >= 6, 'the Themenfelder');
  assert.deepEqual(fields.slice(1), fields.slice(1).map(() => 'page'), 'each further Themenfeld starts a new page');
  assert.equal(await page.locator('.portal-concept-fields').evaluate((e) => getComputedStyle(e).breakBefore), 'page', 'the Themenfelder start on a new page');
  const printedPages = await pdfPages(page);
  console.log(`concept page printed: ${printedPages} A4 pages`);

  await visit(page, '/k/musterland/massnahmen/1.2.1');
  for (const hidden of ['nav', '.site-header__tools', 'footer', '.portal-breadcrumb']) {
    assert.equal(await displayed(page, hidden), 0, `${hidden} is not printed on the measure page`);
  }
  // A link in the content is followed by its address; an anchor within the page is not.
  const external = page.locator('main a[href^="/"]:not(table a)').first();
  const after = await external.evaluate((a) => getComputedStyle(a, '::after').content);
  assert.ok(after.includes((await external.getAttribute('href'))!), `the address follows the link text (${after})`);
  const anchor = page.locator('main a[href^="#"]').first();
  if ((await anchor.count()) > 0) assert.equal(await anchor.evaluate((a) => getComputedStyle(a, '::after').content), 'none', 'no address after an anchor within the page');
  assert.equal(await page.locator('main table tbody tr').first().evaluate((tr) => getComputedStyle(tr).breakInside), 'avoid');
  console.log(`measure page 1.2.1 printed: ${await pdfPages(page)} A4 pages`);
});

suite.test('Bei 320 px Breite scrollt keine öffentliche Seite seitwärts; breite Tabellen scrollen in einer benannten, fokussierbaren Region', async (page) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const path of ['/k/musterland', '/k/musterland/konzept', '/k/musterland/massnahmen/1.2.1', '/k/musterland/umsetzung', '/k/musterland/indikatoren', '/k/musterland/suche?q=Sprachkurs']) {
    await visit(page, path);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    assert.ok(scrollWidth <= clientWidth, `${path}: the page does not scroll sideways (${scrollWidth} px content in ${clientWidth} px)`);
    // Every table wider than the screen sits in a region that scrolls, is named by its caption and takes focus.
    const wide = await page.locator('main table').evaluateAll((tables) =>
      tables
        .filter((t) => t.getBoundingClientRect().width > document.documentElement.clientWidth)
        .map((t) => {
          const region = t.closest('[role="region"]');
          const label = region && document.getElementById(region.getAttribute('aria-labelledby') ?? '');
          return { caption: t.querySelector('caption')?.textContent ?? '', ok: !!region && region.getAttribute('tabindex') === '0' && getComputedStyle(region).overflowX === 'auto' && label === t.querySelector('caption') };
        }),
    );
    for (const w of wide) assert.ok(w.ok, `${path}: the wide table «${w.caption}» scrolls in a focusable region named by its caption`);
    if (path.endsWith('/konzept')) assert.ok(wide.length > 0, 'the concept page has wide measure tables at 320 px');
  }
  // Keyboard: the region takes focus and the arrow keys scroll it.
  await visit(page, '/k/musterland/konzept');
  const region = page.getByRole('region', { name: /^Maßnahmen im Themenfeld/ }).first();
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => (document.activeElement as HTMLElement).scrollLeft > 0);
});
