import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, screenshot, submit, visit } from '../support/browser.js';

const suite = browserSuite();

const pages = ['/k/musterland/konzept', '/k/musterland/massnahmen/1.2.1', '/k/musterland/suche?q=Sprachkurs', '/k/musterland/umsetzung'];
const withLang = (path: string, lang: string) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

/** Every HTML element marked German on the page has dir="ltr" (charts draw left to right anyway); there is at least one. */
async function germanFragments(page: Page): Promise<number> {
  const marks = await page.locator('body [lang="de"]:not(svg *)').evaluateAll((els) => els.map((e) => e.getAttribute('dir')));
  assert.ok(marks.length > 0, 'German content is marked lang="de"');
  assert.deepEqual(marks.filter((d) => d !== 'ltr'), [], 'every German fragment carries dir="ltr"');
  return marks.length;
}

/** The page does not scroll sideways (a right-to-left page once scrolled to the hidden skip link). */
async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client + 1, `page ${scroll} px wide in a ${client} px window`);
}

suite.test('Eine Besucherin liest Konzept, Maßnahme, Suche und Umsetzung auf Arabisch: rechts nach links, gespiegelt, deutsche Inhalte markiert', async (page) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of pages) {
      await visit(page, withLang(path, 'ar'));
      assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      await germanFragments(page);
      await noSidewaysScroll(page);
      // Mirrored: the site's name and the navigation start at the right.
      const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link');
      const first = (await nav.first().boundingBox())!;
      const last = (await nav.last().boundingBox())!;
      if (Math.abs(first.y - last.y) < 4) assert.ok(first.x > last.x, `${path}: the first navigation item is right of the last`);
      const name = (await page.locator('.site-header__name').boundingBox())!;
      assert.ok(name.x + name.width > width - 60, `${path}: the site's name sits at the right edge`);
      const body = (await page.locator('main h1').boundingBox())!;
      assert.ok(body.x + body.width > width * 0.6, `${path}: the heading starts at the right`);
      await screenshot(page, `languages-ar-${width}-${path.split('/').slice(3).join('-').replace(/\?.*/, '')}`);
    }
  }
  // One note that the content is German only, in Arabic.
  assert.equal(await page.locator('.portal-content-note').count(), 1);
  assert.match(await page.locator('.portal-content-note').innerText(), /الألمانية/);
});

suite.test('Ein Besucher wechselt auf Ukrainisch und zurück: Seite und Filter bleiben, hreflang-Alternativen führen zu vorhandenen Seiten', async (page) => {
  await visit(page, '/k/musterland/konzept?status=umgesetzt');
  await submit(page, page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'Українська' }));
  const url = new URL(page.url());
  assert.equal(url.pathname, '/k/musterland/konzept');
  assert.equal(url.searchParams.get('status'), 'umgesetzt', 'the filter stays');
  assert.equal(url.searchParams.get('lang'), 'uk');
  assert.equal(await page.locator('html').getAttribute('lang'), 'uk');
  assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
  assert.equal(await page.getByRole('heading', { name: 'Фільтр заходів' }).count(), 1);
  await germanFragments(page);

  const alternates = await page.locator('head link[rel="alternate"]').evaluateAll((els) => els.map((e) => [e.getAttribute('hreflang')!, (e as HTMLLinkElement).href]));
  assert.deepEqual(alternates.map(([l]) => l), ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa', 'x-default']);
  for (const [lang, href] of alternates) {
    const u = new URL(href!);
    await visit(page, `${u.pathname}${u.search}`);
    assert.equal(await page.locator('html').getAttribute('lang'), lang === 'x-default' ? 'de' : lang);
    assert.equal(new URL(page.url()).searchParams.get('status'), 'umgesetzt');
  }

  for (const path of pages.slice(1)) {
    await visit(page, withLang(path, 'uk'));
    assert.equal(await page.locator('html').getAttribute('lang'), 'uk');
    await germanFragments(page);
  }
  await submit(page, page.getByRole('navigation', { name: 'Мова' }).getByRole('link', { name: 'Deutsch' }));
  assert.equal(new URL(page.url()).pathname, '/k/musterland/umsetzung');
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  assert.equal(await page.locator('.portal-content-note').count(), 0);
});

suite.test('Schriften kommen vom eigenen Server: Arabisch in Noto Sans Arabic, Kyrillisch in Noto Sans', async (page) => {
  const fonts: string[] = [];
  const foreign: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') foreign.push(r.url());
    if (u.pathname.startsWith('/assets/fonts/')) fonts.push(u.pathname);
  });
  await visit(page, '/k/musterland/konzept?lang=fa');
  await page.evaluate(() => document.fonts.ready);
  assert.ok(fonts.some((f) => f.includes('noto-sans-arabic-arabic-400')), `Arabic script font loaded (${fonts.join(', ')})`);
  assert.ok(await page.evaluate(() => document.fonts.check('16px "Noto Sans Arabic"', 'فارسی')));
  // Cyrillic: the base font (Fira Sans where installed, else Noto Sans, served here) covers it.
  await visit(page, '/k/musterland/konzept?lang=ru');
  const faces = await page.evaluate(async () => (await document.fonts.load('16px "Noto Sans"', 'Концепция')).length);
  assert.ok(faces > 0, 'Noto Sans has Cyrillic faces');
  assert.ok(fonts.some((f) => f.includes('noto-sans-cyrillic-400')), `Cyrillic font served by ikon (${fonts.join(', ')})`);
  assert.deepEqual(foreign, [], 'no request leaves the host');
});
