import assert from 'node:assert/strict';
import { and, eq, ne } from 'drizzle-orm';
import { editions } from '../../src/modules/concepts/schema.js';
import { browserSuite, follow, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();
const newTitle = 'Integrationskonzept 2026 (Fortschreibung)';
/** Measure 1.5.3 of the adopted edition; on the first page of the edition's measure list. */
const measureTitle = 'Pilotprojekt Video- und Telefondolmetschen für seltene Sprachen';
const changedTitle = 'Video- und Telefondolmetschen in allen Sprachen';

suite.test('Koordination beginnt die Fortschreibung, ändert eine Maßnahme darin und sieht die Änderung im Vergleich', async (page) => {
  // The demo's draft 2026 is typed in without lineage; this test starts the Fortschreibung itself.
  await suite.database.db.delete(editions).where(and(ne(editions.status, 'beschlossen'), ne(editions.status, 'abgeloest')));

  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/fassungen/fortschreibung');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Fortschreibung beginnen');
  const explained = await mainText(page);
  assert.match(explained, /Kopie der beschlossenen Fassung „Integrationskonzept 2024“ \(beschlossen am 16\.12\.2024\)/);
  assert.match(explained, /Was übernommen wird/);
  assert.match(explained, /\d+ Maßnahmen mit allen Angaben/);
  assert.match(explained, /Nächste Fortschreibung fällig am 16\.12\.2026/);
  const title = page.getByLabel('Titel der neuen Fassung');
  assert.match(await title.inputValue(), /^Integrationskonzept \d{4} \(Fortschreibung\)$/, 'the default title: the new year, marked once');

  // Start it: the new draft opens, with every measure of the adopted edition.
  await title.fill(newTitle);
  await submit(page, page.locator('main').getByRole('button', { name: 'Fortschreibung anlegen' }));
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), newTitle);
  assert.match(await page.getByRole('status').first().innerText(), /Die Fortschreibung „Integrationskonzept 2026 \(Fortschreibung\)“ wurde angelegt: \d+ Maßnahmen übernommen\./);
  assert.match(await mainText(page), /Entwurf/);

  // Edit a measure in the new draft.
  await follow(page, measureTitle);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `1.5.3 ${measureTitle}`);
  await follow(page, 'Bearbeiten');
  await page.getByLabel('Titel', { exact: true }).fill(changedTitle);
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }));
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `1.5.3 ${changedTitle}`);

  // A second start is refused and points to the draft.
  await visit(page, '/app/k/musterland/fassungen/fortschreibung');
  assert.match(await mainText(page), /Es wird bereits eine Fortschreibung bearbeitet/);
  assert.equal(await page.locator('main').getByRole('button', { name: 'Fortschreibung anlegen' }).count(), 0);

  // The comparison: by default the new draft against the adopted edition it continues.
  await follow(page, 'Fassungen vergleichen', { exact: true });
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Fassungen vergleichen');
  assert.match(await mainText(page), /„Integrationskonzept 2024“ → „Integrationskonzept 2026 \(Fortschreibung\)“/);
  assert.match(await mainText(page), /über die Fortschreibung einander zugeordnet/);
  const changes = page.getByRole('table', { name: 'Maßnahmen' });
  const rows = (await changes.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
  assert.deepEqual(rows, [`geändert 1.5.3 ${changedTitle} Titel ${measureTitle} ${changedTitle}`]);
  const summary = page.getByRole('table', { name: 'Übersicht der Änderungen' });
  const measuresRow = (await summary.getByRole('row').filter({ hasText: 'Maßnahmen' }).innerText()).replace(/\s+/g, ' ').trim();
  assert.match(measuresRow, /^Maßnahmen 0 0 1 \d+$/);
  assert.equal(await page.locator('main').getByRole('link', { name: 'Änderungen für den Ausschuss als Excel (.xlsx)' }).count(), 1);

  // The other way round, chosen with the selects: the same measure, old and new swapped.
  await page.getByLabel('Bisherige Fassung').selectOption({ label: `${newTitle} (Entwurf)` });
  await page.getByLabel('Neue Fassung').selectOption({ label: 'Integrationskonzept 2024 (beschlossen)' });
  await submit(page, page.locator('main').getByRole('button', { name: 'Vergleichen' }));
  const back = (await page.getByRole('table', { name: 'Maßnahmen' }).locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
  assert.deepEqual(back, [`geändert 1.5.3 ${measureTitle} Titel ${changedTitle} ${measureTitle}`]);
});
