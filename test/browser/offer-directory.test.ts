import assert from 'node:assert/strict';
import { browserSuite, mainText, screenshot, submit, visit } from '../support/browser.js';

const suite = browserSuite();

suite.test('Eine Neuzugewanderte findet das Integrationscafé in Heidewald, mit Sprache, Zeit und Kalender – auf Deutsch und Arabisch', async (page) => {
  await visit(page, '/k/musterland');
  await submit(page, page.getByRole('navigation').getByRole('link', { name: 'Angebote', exact: true }));
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Angebote für Zugewanderte');
  const form = page.getByRole('search');
  await form.getByLabel('Gemeinde').selectOption({ label: 'Heidewald' });
  await form.getByLabel('Kategorie').selectOption({ label: 'Treff/Café' });
  await form.getByLabel('weibliche Ansprechperson').check();
  await submit(page, form.getByRole('button', { name: 'Anzeigen' }));
  assert.match(page.url(), /gemeinde=heidewald/);
  const text = await mainText(page);
  assert.match(text, /Integrationscafé Heidewald/);
  assert.match(text, /jeden \w+, 15:00–17:00/);
  await screenshot(page, 'angebote-gefiltert');
  await submit(page, page.getByRole('link', { name: 'Integrationscafé Heidewald' }));
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Integrationscafé Heidewald');
  assert.match(await mainText(page), /Nächste Termine/);
  const ics = await fetch(`${suite.baseUrl}${await page.getByRole('link', { name: 'In den Kalender (iCal)' }).getAttribute('href')}`);
  assert.equal(ics.status, 200);
  assert.match(await ics.text(), /BEGIN:VEVENT/);

  await visit(page, '/k/musterland/angebote?lang=ar&gemeinde=heidewald&kategorie=treff');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'عروض للقادمين الجدد');
  assert.match(await mainText(page), /Integrationscafé Heidewald/);
  await screenshot(page, 'angebote-arabisch');
});
