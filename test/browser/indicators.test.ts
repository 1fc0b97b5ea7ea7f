import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { editions } from '../../src/modules/concepts/schema.js';
import { tenants } from '../../src/platform/tenancy/schema.js';
import { browserSuite, follow, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();

async function adoptedEditionId(): Promise<string> {
  const db = suite.database.db;
  const [kommune] = await db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
  const [edition] = await db.select().from(editions).where(and(eq(editions.tenantId, kommune!.id), eq(editions.status, 'beschlossen')));
  return edition!.id;
}

const points = (page: Page) => page.locator('main svg[role="img"] circle[data-kind="value"]').count();
const valueRows = (page: Page) => page.locator('main table').filter({ hasText: 'Werte in Zahlen' }).getByRole('row').filter({ hasText: 'Messwert' });

suite.test('Koordination trägt einen Messwert ein und sieht Diagramm und Tabelle wachsen', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, `/app/k/musterland/fassungen/${await adoptedEditionId()}/indikatoren`);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Indikatoren');
  assert.match(await mainText(page), /Teilhabe durch Sprache/);
  await follow(page, 'Teilnehmende an Integrationskursen');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Teilnehmende an Integrationskursen');

  const chart = page.locator('main svg[role="img"]');
  assert.equal(await chart.count(), 1);
  const described = (await chart.getAttribute('aria-labelledby'))!.split(' ');
  assert.match(await page.locator(`[id="${described[1]}"]`).textContent() ?? '', /Der Wert ist von 905 Personen am 31\.12\.2024 auf 1\.030 Personen am 30\.06\.2026 gestiegen/);
  const before = await points(page);
  assert.equal(before, 3);
  assert.equal(await valueRows(page).count(), 3);

  // A value that is no number: the form comes back with the error, nothing saved.
  await page.getByLabel('Stichtag', { exact: true }).fill('2026-09-30');
  await page.getByLabel('Wert', { exact: true }).fill('ungefähr tausend');
  await submit(page, page.getByRole('button', { name: 'Messwert speichern' }), { status: 422 });
  const summary = page.locator('#error-summary');
  assert.match(await summary.innerText(), /Wert: Bitte eine Zahl eingeben, z\. B\. 0,5\./);
  assert.equal(await page.getByLabel('Wert', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await points(page), before);

  await page.getByLabel('Wert', { exact: true }).fill('1.050');
  await page.getByLabel('Anmerkung').fill('Stand September, vorläufig');
  await submit(page, page.getByRole('button', { name: 'Messwert speichern' }));
  assert.match(await page.getByRole('status').first().innerText(), /Der Messwert wurde gespeichert\./);
  assert.equal(await points(page), before + 1, 'the chart has one more point');
  const row = valueRows(page).filter({ hasText: '30.09.2026' });
  assert.equal(await row.count(), 1, 'the table has the new row');
  assert.match(await row.innerText(), /1\.050 Personen/);
  assert.match(await row.innerText(), /Stand September, vorläufig/);
  assert.match(await row.innerText(), /Katrin Koordination/);
  const desc = (await chart.getAttribute('aria-labelledby'))!.split(' ')[1]!;
  assert.match(await page.locator(`[id="${desc}"]`).textContent() ?? '', /auf 1\.050 Personen am 30\.09\.2026 gestiegen \(4 Messwerte\)/);

  // A wrong value is deleted again: the link leads to the confirmation page, its button deletes.
  await follow(page, /Löschen/, { scope: row });
  await submit(page, page.locator('main').getByRole('button', { name: 'Messwert löschen' }));
  assert.equal(await points(page), before);
});

suite.test('Eine Prozentzahl außerhalb von 0 bis 100 % (4.711 statt 47,11) wird nachgefragt, nicht gespeichert', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, `/app/k/musterland/fassungen/${await adoptedEditionId()}/indikatoren`);
  await follow(page, 'Abschlussquote Sprachkurse B1');
  const before = await points(page);
  await page.getByLabel('Stichtag', { exact: true }).fill('2026-09-30');
  await page.getByLabel('Wert', { exact: true }).fill('4.711');
  await submit(page, page.getByRole('button', { name: 'Messwert speichern' }), { status: 422 });
  assert.match(await page.locator('#error-summary').innerText(), /Wert: 4\.711 % liegt nicht zwischen 0 und 100 %\. Dezimalstellen trennen Sie mit Komma/);
  const confirm = page.getByRole('checkbox', { name: 'Ja, die Zahl stimmt so.' });
  assert.equal(await confirm.isChecked(), false, 'the confirmation is offered, not given');
  assert.equal(await points(page), before, 'nothing saved');

  // The typo corrected, the form saves without the confirmation.
  await page.getByLabel('Wert', { exact: true }).fill('47,11');
  await submit(page, page.getByRole('button', { name: 'Messwert speichern' }));
  assert.match(await page.getByRole('status').first().innerText(), /Der Messwert wurde gespeichert\./);
  assert.match(await valueRows(page).filter({ hasText: '30.09.2026' }).innerText(), /47,11 %/);
});

suite.test('Bürgerin sieht die Indikatoren auf der öffentlichen Seite, auch auf Englisch', async (page) => {
  await visit(page, '/k/musterland/indikatoren');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Indikatoren');
  const text = await mainText(page);
  assert.match(text, /Teilnehmende an Integrationskursen/);
  assert.ok(!text.includes('Aktiv vermittelte Ehrenamtliche'), 'internal indicators are not public');
  assert.equal(await page.locator('main svg[role="img"]').count(), 20);
  const table = page.getByRole('table').filter({ hasText: 'Teilnehmende an Integrationskursen' });
  assert.equal(await table.count(), 1);
  assert.equal(await table.getByRole('columnheader').first().innerText(), 'Stichtag');
  assert.match(await table.innerText(), /31\.12\.2025\s+990 Personen\s+Messwert/);
  await follow(page, 'Maßnahme 1.2.1: Sprachkurs mit Kinderbetreuung im Familienzentrum Heidewald');
  assert.match(new URL(page.url()).pathname, /^\/k\/musterland\/massnahmen\/1\.2\.1$/);

  await visit(page, '/k/musterland/indikatoren?lang=en');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Indicators');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.getByRole('heading', { name: 'Teilnehmende an Integrationskursen' }).getAttribute('lang'), 'de');
});
