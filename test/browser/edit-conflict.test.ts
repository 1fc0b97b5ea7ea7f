import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, follow, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();
const draftTitle = 'Integrationskonzept 2026 (Fortschreibung)';
/** In the draft, led by "Fachdienst Soziales": the Redaktion account may edit it. */
const measureTitle = 'Pilotprojekt Video- und Telefondolmetschen für seltene Sprachen';

const save = (page: Page, status?: number) => submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }), { status });
const titleField = (page: Page) => page.getByLabel('Titel', { exact: true });

suite.test('Koordination und Redaktion bearbeiten dieselbe Maßnahme: die zweite Speicherung meldet den Konflikt, erneutes Speichern überschreibt bewusst', async (koordination) => {
  const redaktion = await suite.newPage();
  await Promise.all([signIn(koordination, 'koordination@musterland.example'), signIn(redaktion, 'redaktion@musterland.example')]);

  // Koordination finds the measure in the draft edition.
  await visit(koordination, '/app/k/musterland/fassungen');
  await follow(koordination, draftTitle);
  await follow(koordination, measureTitle);
  const measureUrl = new URL(koordination.url()).pathname;
  assert.equal(await koordination.getByRole('heading', { level: 1 }).innerText(), `1.5.3 ${measureTitle}`);
  assert.match(await mainText(koordination), /Federführung Fachdienst Soziales/);

  // Both open the edit form before either saves.
  await follow(koordination, 'Bearbeiten');
  await visit(redaktion, measureUrl);
  await follow(redaktion, 'Bearbeiten');
  assert.equal(await titleField(redaktion).inputValue(), measureTitle);

  // Koordination saves first.
  const theirs = 'Pilotprojekt Video- und Telefondolmetschen (erweitert)';
  await titleField(koordination).fill(theirs);
  await save(koordination);
  assert.equal(await koordination.getByRole('heading', { level: 1 }).innerText(), `1.5.3 ${theirs}`);
  assert.match(await koordination.getByRole('status').first().innerText(), /Die Maßnahme wurde gespeichert\./);

  // Redaktion saves its own title on the stale form: 409, nothing saved, the other change shown.
  const mine = 'Video- und Telefondolmetschen in allen Sprechstunden';
  await titleField(redaktion).fill(mine);
  await save(redaktion, 409);
  const notice = redaktion.locator('#conflict');
  assert.ok(await notice.isVisible(), 'the conflict notice is shown');
  const noticeText = (await notice.innerText()).replace(/\s+/g, ' ');
  assert.match(noticeText, /Ihre Änderung wurde nicht gespeichert/);
  assert.match(noticeText, /Katrin Koordination hat diese Maßnahme am/);
  const differences = notice.getByRole('table', { name: 'Unterschiede zwischen gespeichertem Stand und Ihrer Eingabe' });
  const titleRow = differences.getByRole('row').filter({ has: redaktion.getByRole('rowheader', { name: 'Titel' }) });
  assert.equal((await titleRow.innerText()).replace(/\s+/g, ' ').trim(), `Titel ${theirs} ${mine}`);
  assert.deepEqual(await differences.getByRole('rowheader').allInnerTexts(), ['Titel'], 'only the title differs between the saved state and the input');
  // The input is still in the form, and the saved title was not replaced.
  assert.equal(await titleField(redaktion).inputValue(), mine);
  await visit(koordination, measureUrl);
  assert.equal(await koordination.getByRole('heading', { level: 1 }).innerText(), `1.5.3 ${theirs}`);

  // Saving again is the deliberate decision to replace the other change.
  await save(redaktion);
  assert.equal(new URL(redaktion.url()).pathname, measureUrl);
  assert.equal(await redaktion.getByRole('heading', { level: 1 }).innerText(), `1.5.3 ${mine}`);
  assert.match(await redaktion.getByRole('status').first().innerText(), /Die Maßnahme wurde gespeichert\./);
  const changes = redaktion.locator('#verlauf').getByRole('row').filter({ hasText: 'geändert' });
  assert.equal(await changes.count(), 2);
  assert.match((await changes.allInnerTexts()).join('\n'), /Rainer Redaktion[\s\S]*Katrin Koordination/, 'newest first: Redaktion, then Koordination');
});

suite.test('Redaktion darf nur Maßnahmen bearbeiten, die ihr Fachdienst federführend verantwortet', async (page) => {
  await signIn(page, 'redaktion@musterland.example');
  await visit(page, '/app/k/musterland/fassungen');
  await follow(page, draftTitle);
  // Not led by Fachdienst Soziales: no edit button, and the form itself is refused.
  await follow(page, 'Sprachkurse für Eltern direkt in Kita und Grundschule');
  assert.equal(await page.locator('main').getByRole('link', { name: 'Bearbeiten' }).count(), 0);
  await visit(page, `${new URL(page.url()).pathname}/bearbeiten`, { status: 403 });
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Keine Berechtigung');
});
