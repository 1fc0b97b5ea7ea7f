import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, follow, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();
const draftTitle = 'Integrationskonzept 2026 (Fortschreibung)';
const headings = 'Nr.;Handlungsfeld;Ziel;Maßnahme;Beschreibung;Zielgruppe;Federführung;Kooperationspartner;Zeithorizont;Priorität;Status';
const csv = (...rows: string[]) => Buffer.from([headings, ...rows].join('\r\n') + '\r\n', 'utf8');

/** "129 von 129 Maßnahmen" on an edition page → 129. */
async function measureTotal(page: Page): Promise<number> {
  const text = await page.locator('main').getByText(/\d+ von \d+ Maßnahmen/).innerText();
  return Number(/von (\d+) Maßnahmen/.exec(text)![1]);
}

async function upload(page: Page, name: string, content: Buffer, status: number) {
  await page.getByLabel('Maßnahmentabelle').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await submit(page, page.locator('main').getByRole('button', { name: 'Datei prüfen' }), { status });
}

suite.test('Koordination importiert Maßnahmen aus einer CSV-Datei: erst mit einer fehlerhaften Zeile (abgelehnt), dann fehlerfrei (Vorschau, Bestätigung)', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/fassungen');
  await follow(page, draftTitle);
  const editionUrl = new URL(page.url()).pathname;
  const before = await measureTotal(page);
  await follow(page, 'Maßnahmen aus Excel importieren');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Maßnahmen importieren');

  // Row 2 is fine, row 3 has a time horizon nobody knows: the whole file is refused.
  await upload(
    page,
    'massnahmen-fehlerhaft.csv',
    csv(
      '1.99.3;Teilhabe durch Sprache;1.1;Lesepatenschaften in Stadtteilbibliotheken;Ehrenamtliche lesen mit Kindern.;Kinder im Grundschulalter;Fachdienst Soziales;;mittelfristig;normal;geplant',
      '1.99.4;Teilhabe durch Sprache;;Deutsch-Stammtisch für Pflegekräfte;Monatlicher Stammtisch.;Pflegekräfte;Fachdienst Soziales;;irgendwann;normal;geplant',
    ),
    422,
  );
  assert.equal(new URL(page.url()).pathname, `${editionUrl}/import`);
  const text = await mainText(page);
  assert.match(text, /Die Datei wurde nicht importiert\. Es wurde nichts geändert\./);
  assert.ok(await page.locator('#error-summary').isVisible(), 'error summary is shown');
  const problems = page.getByRole('table', { name: /Fehler in der Datei/ });
  const rows = problems.locator('tbody tr');
  assert.equal(await rows.count(), 1, `exactly one problem: ${await problems.innerText()}`);
  const cells = (await rows.first().locator('th, td').allInnerTexts()).map((s) => s.trim());
  assert.equal(cells[0], '3', 'the row as Excel shows it (row 1 = headings)');
  assert.equal(cells[1], 'Zeithorizont');
  assert.ok(cells[2]!.length > 0, 'a reason is given');

  // Nothing changed, not even the good row.
  await visit(page, editionUrl);
  assert.equal(await measureTotal(page), before);
  assert.equal(await page.locator('main').getByRole('link', { name: 'Lesepatenschaften in Stadtteilbibliotheken' }).count(), 0);

  // A correct file with a new measure number: preview first, then confirm.
  await follow(page, 'Maßnahmen aus Excel importieren');
  await upload(
    page,
    'massnahmen.csv',
    csv('1.99.2;Teilhabe durch Sprache;1.1;Sprachpatenschaften für Auszubildende;Ehrenamtliche begleiten Auszubildende beim Deutschlernen.;Auszubildende;Fachdienst Soziales;Caritasverband Musterland e. V.;kurzfristig;Quick-Win;geplant'),
    200,
  );
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Import prüfen');
  assert.equal((await page.locator('[data-count="created"]').innerText()).trim(), '1');
  assert.equal((await page.locator('[data-count="updated"]').innerText()).trim(), '0');
  const preview = page.getByRole('table', { name: 'Neue Maßnahmen' });
  assert.match((await preview.innerText()).replace(/\s+/g, ' '), /1\.99\.2 Sprachpatenschaften für Auszubildende/);
  // Previewing changed nothing yet.
  assert.equal(await measureTotalOf(page, editionUrl), before);

  await submit(page, page.locator('main').getByRole('button', { name: 'Import bestätigen' }));
  assert.equal(new URL(page.url()).pathname, editionUrl);
  assert.match(await page.getByRole('status').first().innerText(), /1 Maßnahme importiert: 1 neu, 0 geändert, 0 unverändert\./);
  assert.equal(await measureTotal(page), before + 1);

  await follow(page, 'Sprachpatenschaften für Auszubildende');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), '1.99.2 Sprachpatenschaften für Auszubildende');
  const details = await mainText(page);
  assert.match(details, /Federführung Fachdienst Soziales/);
  assert.match(details, /Caritasverband Musterland e\. V\./);
  assert.match(details, /kurzfristig/);
});

/** The edition's measure count as another page would see it (without leaving this page). */
async function measureTotalOf(page: Page, editionUrl: string): Promise<number> {
  const html = await (await page.request.get(editionUrl)).text();
  return Number(/von (\d+) Maßnahmen/.exec(html)![1]);
}
