import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, follow, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();
const draftTitle = 'Integrationskonzept 2026 (Fortschreibung)';

/** "129 von 129 Maßnahmen" on an edition page → 129. */
async function measureTotal(page: Page): Promise<number> {
  const text = await page.locator('main').getByText(/\d+ von \d+ Maßnahmen/).innerText();
  return Number(/von (\d+) Maßnahmen/.exec(text)![1]);
}

suite.test('Koordination legt in der Fortschreibung eine Maßnahme an (erst ohne Titel, dann vollständig)', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/fassungen');
  await follow(page, draftTitle);
  const editionUrl = page.url();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), draftTitle);
  const before = await measureTotal(page);
  assert.ok(before > 0);

  await follow(page, 'Neue Maßnahme');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Neue Maßnahme');
  await page.getByLabel('Nr.', { exact: true }).fill('1.99.1');
  await page.getByLabel('Themenfeld', { exact: true }).selectOption({ label: 'Teilhabe durch Sprache' });

  // Without a title: the form comes back with an error summary and the error at the field.
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }), { status: 422 });
  const summary = page.locator('#error-summary');
  assert.ok(await summary.isVisible(), 'error summary is shown');
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.match(await summary.innerText(), /Bitte prüfen Sie Ihre Eingaben/);
  const summaryLink = summary.getByRole('link', { name: 'Titel: Bitte ausfüllen.' });
  assert.equal(await summaryLink.getAttribute('href'), '#f-title');
  const title = page.getByLabel('Titel', { exact: true });
  assert.equal(await title.getAttribute('aria-invalid'), 'true');
  assert.ok(await page.locator('#f-title-error').isVisible(), 'field error is shown');
  assert.match(await page.locator('#f-title-error').innerText(), /Bitte ausfüllen\./);
  assert.match((await title.getAttribute('aria-describedby')) ?? '', /\bf-title-error\b/);
  // What was typed is kept.
  assert.equal(await page.getByLabel('Nr.', { exact: true }).inputValue(), '1.99.1');
  assert.equal(await page.getByLabel('Themenfeld', { exact: true }).locator('option:checked').innerText(), 'Teilhabe durch Sprache');
  // The link in the summary takes keyboard users to the field.
  await summaryLink.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-title');

  // Nothing was created.
  await visit(page, editionUrl);
  assert.equal(await measureTotal(page), before);
  assert.equal(await page.locator('main').getByRole('link', { name: /Sprachcafé für Seniorinnen/ }).count(), 0);

  // Now completely.
  await follow(page, 'Neue Maßnahme');
  await page.getByLabel('Nr.', { exact: true }).fill('1.99.1');
  await page.getByLabel('Titel', { exact: true }).fill('Sprachcafé für Seniorinnen und Senioren');
  await page.getByLabel('Themenfeld', { exact: true }).selectOption({ label: 'Teilhabe durch Sprache' });
  await page.getByLabel('Beschreibung').fill('Wöchentliches Gesprächsangebot in der Stadtbibliothek.');
  // Ziele and Kooperationspartner: long checkbox lists in a scrolling box, narrowed by a filter.
  const goals = page.getByRole('group', { name: /^Ziele/ });
  const goalBoxes = goals.getByRole('checkbox');
  const allGoals = await goalBoxes.count();
  assert.ok(allGoals > 20, `all goals are offered as checkboxes (${allGoals})`);
  const box = await page.locator('#f-goalIds-choices').evaluate((el) => ({ overflowY: getComputedStyle(el).overflowY, border: getComputedStyle(el).borderTopWidth, scrolls: el.scrollHeight > el.clientHeight }));
  assert.equal(box.overflowY, 'auto', 'the list scrolls');
  assert.notEqual(box.border, '0px', 'the list has a border');
  assert.ok(box.scrolls, 'the list is taller than its box');
  await page.getByLabel('Ziele filtern').fill('sprach');
  await page.locator('#f-goalIds-choices .kern-form-check:not([hidden])').first().waitFor();
  const visibleGoals = goals.locator('.kern-form-check:not([hidden])');
  const shownGoals = await visibleGoals.count();
  assert.ok(shownGoals > 0 && shownGoals < allGoals, `the filter narrows the goals (${shownGoals} of ${allGoals})`);
  const firstGoal = (await visibleGoals.first().innerText()).trim();
  await visibleGoals.first().getByRole('checkbox').check();
  const partners = page.getByRole('group', { name: /^Kooperationspartner/ });
  await page.getByLabel('Kooperationspartner filtern').fill('volkshoch');
  await partners.getByRole('checkbox', { name: 'Kreisvolkshochschule Musterland' }).check();
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }));

  assert.match(new URL(page.url()).pathname, /^\/app\/k\/musterland\/massnahmen\/[0-9a-f-]{36}$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), '1.99.1 Sprachcafé für Seniorinnen und Senioren');
  assert.match(await page.getByRole('status').first().innerText(), /Die Maßnahme 1\.99\.1 wurde angelegt\./);
  const text = await mainText(page);
  assert.match(text, /Themenfeld Teilhabe durch Sprache/);
  assert.match(text, /Wöchentliches Gesprächsangebot in der Stadtbibliothek\./);
  assert.match(text, /Kreisvolkshochschule Musterland/, 'the partner chosen in the filtered list is saved');
  assert.ok(text.includes(firstGoal.replace(/\s+/g, ' ').split(' ').slice(1).join(' ')), `the goal chosen in the filtered list is saved (${firstGoal})`);
  const history = page.locator('#verlauf');
  const created = history.getByRole('row').filter({ hasText: 'angelegt' });
  assert.equal(await created.count(), 1, 'history shows one "angelegt" entry');
  assert.match(await created.innerText(), /Katrin Koordination/);

  // The edition lists it, and only once.
  await visit(page, editionUrl);
  assert.equal(await measureTotal(page), before + 1);
  assert.equal(await page.locator('main').getByRole('link', { name: 'Sprachcafé für Seniorinnen und Senioren' }).count(), 1);
});

suite.test('Koordination sieht Übersicht, Akteure, Protokoll und Mitglieder (alle barrierefrei)', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Landkreis Musterland');
  await follow(page, 'Akteure', { scope: page.getByRole('navigation', { name: 'Hauptnavigation' }) });
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Akteure');
  assert.match(await mainText(page), /Fachdienst Soziales/);
  await follow(page, 'Protokoll', { scope: page.getByRole('navigation', { name: 'Hauptnavigation' }) });
  assert.equal(new URL(page.url()).pathname, '/app/k/musterland/protokoll');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Protokoll');
  await follow(page, 'Mitglieder', { scope: page.getByRole('navigation', { name: 'Hauptnavigation' }) });
  assert.equal(new URL(page.url()).pathname, '/app/k/musterland/mitglieder');
  assert.match(await mainText(page), /Rainer Redaktion/);
  await follow(page, 'Suche', { scope: page.getByRole('navigation', { name: 'Hauptnavigation' }) });
  await page.getByLabel('Suchbegriff').fill('Sprachkurs');
  await submit(page, page.locator('main').getByRole('button', { name: /Suchen/ }));
  assert.match(await mainText(page), /Sprachkurse/);
});
