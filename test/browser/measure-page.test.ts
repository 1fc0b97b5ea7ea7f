import assert from 'node:assert/strict';
import { browserSuite, follow, mainText, visit } from '../support/browser.js';

const suite = browserSuite();
/** Led by the Kreisvolkshochschule, with a published structured indicator and values in the demo. */
const measureNumber = '1.2.1';

/** Heading levels of the main content in document order: no level may be skipped going down. */
async function headingLevels(page: Parameters<Parameters<typeof suite.test>[1]>[0]): Promise<number[]> {
  return page.locator('main').locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
}

suite.test('Eine Bürgerin öffnet eine Maßnahme aus dem Konzept: Status, Fortschritt, Verlauf, Indikator mit Diagramm und Tabelle, Beschluss', async (page) => {
  await visit(page, '/k/musterland/konzept');
  await follow(page, measureNumber, { exact: true });
  assert.equal(new URL(page.url()).pathname, `/k/musterland/massnahmen/${measureNumber}`);

  const levels = await headingLevels(page);
  assert.equal(levels[0], 1, 'the page starts with its h1');
  assert.equal(levels.filter((l) => l === 1).length, 1, 'one h1');
  for (let i = 1; i < levels.length; i++) assert.ok(levels[i]! <= levels[i - 1]! + 1, `heading levels in order: ${levels.join(' ')}`);

  for (const name of ['Stand der Umsetzung', 'Statusverlauf', 'Sachstandsmeldungen', 'Zuständigkeit', 'Indikatoren', 'Beschluss']) {
    assert.equal(await page.locator('main').getByRole('heading', { name, exact: true }).count(), 1, `section «${name}»`);
  }
  const bar = page.getByRole('progressbar', { name: new RegExp(`Fortschritt der Maßnahme ${measureNumber.replace(/\./g, '\\.')}: \\d+ %`) });
  assert.equal(await bar.count(), 1, 'a labelled progress bar');
  assert.ok(Number(await bar.getAttribute('value')) >= 0, 'with a value');

  // The chart is an image with a text alternative; the figures are also a table.
  const chart = page.locator('main svg[role="img"]').first();
  assert.ok((await chart.getAttribute('aria-labelledby'))?.includes('-desc'), 'the chart has a description');
  assert.match(await page.locator('main svg[role="img"] desc').first().textContent() ?? '', /Personen/, 'the description names the values');
  assert.equal(await page.getByRole('table', { name: /^Werte in Zahlen: / }).count(), 1, 'the figures as a table');

  const text = await mainText(page);
  assert.match(text, /Federführung\s+Kreisvolkshochschule Musterland/);
  assert.match(text, /das der Kreistag am 16\.12\.2024 beschlossen hat/);
  assert.ok(!text.includes('Anzahl Teilnehmerinnen mit erfolgreichem DTZ'), 'no contradicting free-text indicator');

  // The same page narrow (390 px) and in English.
  await page.setViewportSize({ width: 390, height: 844 });
  // Narrow, the navigation wraps: its links keep 24 px targets (WCAG 2.5.8, checked by axe on visit).
  await visit(page, `/k/musterland/massnahmen/${measureNumber}`);
  const goal = page.locator('main dd a[href*="#ziel-"]').first();
  const box = await goal.boundingBox();
  assert.ok(box && (await goal.innerText()).startsWith('Handlungsziel 1.2: '), 'the goal link reads as one line of text, not split into columns');
  await visit(page, `/k/musterland/massnahmen/${measureNumber}?lang=en`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  for (const name of ['Implementation', 'Status history', 'Progress reports', 'Indicators', 'Decision']) {
    assert.equal(await page.locator('main').getByRole('heading', { name, exact: true }).count(), 1, `English section «${name}»`);
  }
  assert.equal(await page.getByRole('progressbar', { name: /Progress of measure 1\.2\.1/ }).count(), 1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (${overflow} px too wide)`);
});

suite.test('Aus der Umsetzung und der Suche führt ein Link zur Maßnahme mit ihren öffentlichen Sachstandsmeldungen', async (page) => {
  await visit(page, '/k/musterland/umsetzung');
  const link = page.locator('main a[href="/k/musterland/massnahmen/1.1.1"]').first();
  await Promise.all([page.waitForURL('**/massnahmen/1.1.1'), link.click()]);
  await visit(page, page.url());
  assert.equal(await page.locator('main').getByRole('table', { name: /^Status der Maßnahme 1\.1\.1/ }).count(), 1, 'the status history');
  assert.ok((await page.locator('main ol.portal-results li').count()) > 0, 'public Sachstandsmeldungen');

  await visit(page, '/k/musterland/suche?q=Kinderbetreuung');
  await follow(page, /Sprachkurs mit Kinderbetreuung im Familienzentrum Heidewald/);
  assert.equal(new URL(page.url()).pathname, '/k/musterland/massnahmen/1.2.1');
});
