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
