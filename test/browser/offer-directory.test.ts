import assert from 'node:assert/strict';
import { browserSuite, follow, mainText, screenshot, signIn, submit, visit } from '../support/browser.js';

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

suite.test('Die Koordination prüft Doppelstrukturen (Speichern mit Rückfrage, Zusammenführen bestätigen) und Lücken mit Einwohnerzahlen und Sprache', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  // Saving a planted duplicate asks first, with the similar offers, their score and reasons.
  await visit(page, '/app/k/musterland/angebote?q=Internationales+Caf%C3%A9+in+Heidewald');
  await follow(page, 'Internationales Café in Heidewald');
  await follow(page, 'Angebot bearbeiten');
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }));
  assert.match(await page.getByRole('heading', { level: 2, name: /ähnliche/ }).innerText(), /Es gibt schon/);
  assert.match(await mainText(page), /Integrationscafé Heidewald – Ähnlichkeit \d+ von 100: ähnlicher Text/);
  await screenshot(page, 'angebot-aehnliche');

  await visit(page, '/app/k/musterland/doppelstrukturen');
  assert.match(await mainText(page), /Angebotsnetze: dasselbe Programm eines Trägers in mehreren Gemeinden/);
  await submit(page, page.locator('main').getByRole('link', { name: /^Zusammenführen/ }).first());
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Zwei Angebote zusammenführen?');
  await submit(page, page.locator('main').getByRole('button', { name: 'Zusammenführen' }), { status: 422 });
  assert.match(await mainText(page), /Bitte wählen Sie, welches der beiden Angebote bleibt\./);
  await follow(page, 'Abbrechen');

  await visit(page, '/app/k/musterland/luecken/einwohner');
  await submit(page, page.locator('main').getByRole('link', { name: /^Bearbeiten Heidewald/ }));
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }), { status: 422 });
  assert.match(await mainText(page), /Bitte ausfüllen\./);
  await page.getByLabel('Einwohnerzahl').fill('12.400');
  await page.getByLabel('Stichtag').fill('2025-12-31');
  await page.getByLabel('Quelle').fill('LSN, Bevölkerungsfortschreibung');
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }));
  assert.match(await mainText(page), /12\.400/);
  await follow(page, 'Zurück zur Lückenmatrix');
  const form = page.getByRole('search');
  await form.getByLabel('Sprache').selectOption({ value: 'ar' });
  await submit(page, form.getByRole('button', { name: 'Anzeigen' }));
  assert.match(await mainText(page), /je 1\.000 Einw\./);
  assert.match(await mainText(page), /Gezählt sind nur Angebote, in denen/);
  await screenshot(page, 'luecken-arabisch');
});
