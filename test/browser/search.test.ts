import assert from 'node:assert/strict';
import { browserSuite, follow, mainText, submit, visit } from '../support/browser.js';

const suite = browserSuite();

suite.test('Eine Bürgerin sucht öffentlich nach „Sprachkurs“ und findet die Sprachkurse für Eltern', async (page) => {
  await visit(page, '/k/musterland');
  await follow(page, 'Suche', { scope: page.getByRole('navigation', { name: 'Hauptnavigation' }) });
  assert.equal(new URL(page.url()).pathname, '/k/musterland/suche');
  await page.getByLabel('Suchbegriff').fill('Sprachkurs');
  await submit(page, page.getByRole('search').getByRole('button', { name: 'Suchen' }));
  assert.equal(new URL(page.url()).searchParams.get('q'), 'Sprachkurs');
  assert.match(await page.getByRole('heading', { level: 2 }).first().innerText(), /Treffer für „Sprachkurs“/);
  const hit = page.locator('main').getByRole('link', { name: /Sprachkurse/ }).first();
  assert.ok(await hit.count(), 'a measure whose title contains "Sprachkurse" is found');
  const title = await hit.innerText();
  await submit(page, hit);
  assert.match(new URL(page.url()).pathname, /^\/k\/musterland\/massnahmen\/\d+\.\d+\.\d+$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), title);
});

suite.test('Ein Besucher liest das Portal auf Englisch (?lang=en): Suche, Konzept und Maßnahme', async (page) => {
  await visit(page, '/k/musterland/suche?lang=en&q=Sprachkurs');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await mainText(page), /Sprachkurse/);
  const german = page.locator('header').getByRole('link', { name: 'Deutsch', exact: true });
  assert.equal(await german.getAttribute('href'), '/k/musterland/suche?q=Sprachkurs', 'a link to the same page in German');
  assert.equal(await german.getAttribute('lang'), 'de');
  await visit(page, '/k/musterland/konzept?lang=en');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await visit(page, '/k/musterland/massnahmen/1.1.1?lang=en');
  await visit(page, '/k/musterland?lang=en');
});

suite.test('Eine Bürgerin liest das beschlossene Konzept und eine Maßnahme', async (page) => {
  await visit(page, '/k/musterland/konzept');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Integrationskonzept 2024');
  assert.match(await mainText(page), /Teilhabe durch Sprache/);
  await follow(page, 'Sprachkurse für Eltern direkt in Kita und Grundschule');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Sprachkurse für Eltern direkt in Kita und Grundschule');
  assert.match(await mainText(page), /Kita/);
  // Nothing internal leaks: no sign-out button, no internal note heading.
  assert.equal(await page.getByRole('button', { name: 'Abmelden' }).count(), 0);
  await visit(page, '/k/musterland/massnahmen/9.9.9', { status: 404 });
  await visit(page, '/k/gibt-es-nicht', { status: 404 });
});
