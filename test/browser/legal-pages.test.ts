import assert from 'node:assert/strict';
import { browserSuite, follow, mainText, screenshot, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();

suite.test('Pflichtseiten: vom Fuß jeder Seite erreichbar, Rückmeldung zur Barrierefreiheit kommt bei der Koordination an', async (page) => {
  const hosts = new Set<string>();
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  await visit(page, '/k/musterland');
  const footer = page.locator('footer');
  for (const [link, heading] of [
    ['Impressum', 'Impressum'],
    ['Datenschutz', 'Datenschutzerklärung'],
    ['Kontakt', 'Kontakt'],
    ['Barrierefreiheit', 'Erklärung zur Barrierefreiheit'],
  ] as const) {
    await follow(page, link, { scope: footer, exact: true });
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), heading);
    await screenshot(page, `pflichtseite-${link}`);
  }
  assert.match(await mainText(page), /teilweise mit den Anforderungen der BITV 2\.0 vereinbar/);

  const form = page.locator('form', { has: page.getByRole('button', { name: 'Nachricht senden' }) });
  await submit(page, form.getByRole('button', { name: 'Nachricht senden' }), { status: 422 });
  assert.match(await mainText(page), /Ihre Nachricht: Bitte ausfüllen/);
  await form.getByLabel('Ihr Name').fill('Maria Beispiel');
  await form.getByLabel('Ihre Nachricht').fill('Die Karte auf der Startseite hat keinen Textersatz.');
  await submit(page, form.getByRole('button', { name: 'Nachricht senden' }));
  assert.match(await mainText(page), /Ihre Nachricht ist bei der Koordinierungsstelle angekommen/);
  await screenshot(page, 'pflichtseite-rueckmeldung-gesendet');
  assert.deepEqual([...hosts], [new URL(suite.baseUrl).host], 'every request stayed on the ikon host');

  await visit(page, '/k/musterland/barrierefreiheit?lang=ar');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'بيان إمكانية الوصول');
  assert.equal(await page.locator('main p.portal-text').first().getAttribute('lang'), 'de', 'the Kommune’s German text is marked');
  await screenshot(page, 'pflichtseite-barrierefreiheit-ar');

  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/rueckmeldungen');
  assert.match(await mainText(page), /Maria Beispiel[\s\S]*keinen Textersatz/);
  await visit(page, '/app/k/musterland/einstellungen/pflichtseiten');
  await screenshot(page, 'pflichtseiten-einstellungen');
});

suite.test('Leichte Sprache: vom Fuß jeder Seite erreichbar (auch auf Arabisch), auf Deutsch, mit den festen Seiten', async (page) => {
  await visit(page, '/k/musterland/konzept?lang=ar');
  const link = page.locator('footer').getByRole('link', { name: 'Leichte Sprache' });
  assert.equal(await link.getAttribute('lang'), 'de', 'the link speaks German on the Arabic page');
  assert.equal(await link.locator('svg').getAttribute('aria-hidden'), 'true', 'its sign is decorative');
  await follow(page, 'Leichte Sprache', { scope: page.locator('footer'), exact: true });
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Leichte Sprache');
  assert.match(await mainText(page), /Der Plan heißt: Integrations·konzept\./);
  await screenshot(page, 'leichte-sprache');
  await follow(page, 'So benutzen Sie diese Internet·seite');
  assert.match(await mainText(page), /Oben auf jeder Seite ist ein Menü\./);
  await follow(page, 'Zurück zur Seite Leichte Sprache');
  await follow(page, 'Barriere·freiheit: Alle sollen die Seite benutzen können');
  await screenshot(page, 'leichte-sprache-barrierefreiheit');
});

suite.test('Leichte Sprache bearbeiten: die Lesbarkeit folgt dem Schreiben (Skript) und steht nach dem Speichern in der Meldung', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/leichte-sprache');
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Gesundheit und Pflege' }) });
  const score = section.locator('[data-readability-score]');
  assert.equal(await score.innerText(), '–', 'no text, no figure');
  await section.getByLabel('Gesundheit und Pflege in Leichter Sprache').fill('Gesundheit ist wichtig.\nSie sind krank?\nDann gehen Sie zum Arzt.');
  await page.waitForFunction((el) => el?.textContent !== '–', await score.elementHandle(), { timeout: 60_000 });
  assert.ok(Number(await score.innerText()) >= 80, 'the figure follows the typing: short sentences read easily');
  await submit(page, section.getByRole('button', { name: 'Speichern' }));
  assert.match(await mainText(page), /Der Text in Leichter Sprache wurde gespeichert\. Lesbarkeit des Textes: \d+/);
  await screenshot(page, 'leichte-sprache-bearbeiten');
});
