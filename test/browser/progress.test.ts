import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { editions } from '../../src/modules/concepts/schema.js';
import { measures } from '../../src/modules/measures/schema.js';
import { browserSuite, follow, mainText, signIn, signOut, submit, visit } from '../support/browser.js';

const suite = browserSuite();
/** In the adopted edition, led by the Kreisvolkshochschule: the partner account reports on it. */
const measureNumber = '1.2.1';
const measureTitle = 'Sprachkurs mit Kinderbetreuung im Familienzentrum Heidewald';

async function measureId() {
  const db = suite.database.db;
  const [adopted] = await db.select().from(editions).where(eq(editions.status, 'beschlossen'));
  const [m] = await db.select().from(measures).where(and(eq(measures.editionId, adopted!.id), eq(measures.number, measureNumber)));
  return m!.id;
}

suite.test('Die Partnerin meldet einen Sachstand mit Fortschritt für ihre Maßnahme; die Koordination gibt ihn frei', async (page) => {
  await signIn(page, 'partner@musterland.example');
  const path = `/app/k/musterland/massnahmen/${await measureId()}/umsetzung`;
  await visit(page, path);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Umsetzung: ${measureNumber} ${measureTitle}`);

  // First without text: the form says what is missing and keeps the input.
  await page.getByLabel('Fortschritt (%)').fill('65');
  await submit(page, page.locator('main').getByRole('button', { name: 'Sachstand speichern' }), { status: 422 });
  assert.match(await page.locator('#error-summary').innerText(), /Sachstand: Bitte ausfüllen\./);
  assert.equal(await page.getByLabel('Fortschritt (%)').inputValue(), '65');

  const text = 'Zweiter Kurs läuft seit September, 14 Teilnehmerinnen; die Kinderbetreuung ist voll ausgelastet.';
  await page.getByLabel('Status', { exact: true }).selectOption('in_umsetzung');
  await page.getByLabel('Sachstand', { exact: true }).fill(text);
  await page.getByLabel('Öffentlich sichtbar').check();
  await submit(page, page.locator('main').getByRole('button', { name: 'Sachstand speichern' }));
  assert.equal(new URL(page.url()).pathname, path);
  assert.match(await page.getByRole('status').first().innerText(), /Der Sachstand vom \d\d\.\d\d\.\d{4} wurde gespeichert\. Er erscheint öffentlich – und Status und Fortschritt der Maßnahme ändern sich –, sobald die Koordination ihn freigegeben hat\./);

  const newest = page.locator('#verlauf li').first();
  const entry = (await newest.innerText()).replace(/\s+/g, ' ');
  assert.match(entry, /in Umsetzung, 65 %/);
  assert.ok(entry.includes(text), 'the report is in the timeline');
  assert.match(entry, /gemeldet von Paula Partner · nur intern/);
  assert.match(entry, /wartet auf Prüfung durch die Koordination \(noch nicht öffentlich\)/);
  // Pending: the measure keeps its status and progress until the Koordination approves (issue 7.7).
  assert.doesNotMatch(await mainText(page), /Fortschritt der Maßnahme 1\.2\.1: 65 %/);

  // The Koordination finds it in the queue (navigation «Prüfung (1)») and approves it.
  await signOut(page);
  await signIn(page, 'koordination@musterland.example');
  await follow(page, 'Prüfung (1)', { scope: page.locator('nav.site-nav') });
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Prüfung von Partner-Meldungen');
  assert.ok((await mainText(page)).includes(text), 'the queue shows the report');
  assert.equal(await page.getByLabel(`Begründung bei Ablehnung (optional, für die meldende Person sichtbar) – ${measureNumber} ${measureTitle}`).count(), 1, 'a labelled reason field');
  await submit(page, page.locator('main').getByRole('button', { name: `Freigeben ${measureNumber} ${measureTitle}` }));
  assert.match(await page.getByRole('status').first().innerText(), /ist freigegeben und jetzt öffentlich/);
  assert.ok(!(await mainText(page)).includes(text), 'no longer in the queue');
  await signOut(page);
  await visit(page, `/k/musterland/umsetzung?frisch=${Date.now()}`);
  assert.ok((await mainText(page)).includes(text), 'approved: on the portal');
  await visit(page, `/k/musterland/massnahmen/${measureNumber}?frisch=${Date.now()}`);
  assert.equal(await page.getByRole('progressbar', { name: /Fortschritt/ }).getAttribute('value'), '65', 'approved: the measure page shows the reported progress');
  assert.ok((await mainText(page)).includes(text), 'approved: the Sachstand is on the measure page');
});

suite.test('Eine Bürgerin sieht den Stand der Umsetzung und öffentliche Sachstandsmeldungen, auch auf Englisch', async (page) => {
  await visit(page, '/k/musterland/umsetzung');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Stand der Umsetzung');
  const overall = page.getByRole('progressbar', { name: /Umsetzung insgesamt/ });
  assert.equal(await overall.count(), 1);
  const value = Number(await overall.getAttribute('value'));
  assert.ok(value > 0 && value < 100, `overall progress ${value}`);
  const text = await mainText(page);
  assert.match(text, /gewichtete Mittelwert des Fortschritts der Maßnahmen, ohne Maßnahmen mit Status entfallen/);
  assert.match(text, /Sachstandsmeldungen im Themenfeld/);
  assert.equal(await page.getByRole('table', { name: 'Anzahl der Maßnahmen je Status' }).count(), 1);
  // The indicators page is another module's: only the link is checked here.
  assert.equal(await page.locator('main').getByRole('link', { name: 'Indikatoren ansehen' }).getAttribute('href'), '/k/musterland/indikatoren');

  await visit(page, '/k/musterland/umsetzung?lang=en');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Implementation progress');
  assert.ok(await page.getByRole('progressbar', { name: /Implementation overall/ }).count());
});

suite.test('Koordination sieht den Umsetzungsstand der Fassung und die Status-Regeln', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  const db = suite.database.db;
  const [adopted] = await db.select().from(editions).where(eq(editions.status, 'beschlossen'));
  await visit(page, `/app/k/musterland/fassungen/${adopted!.id}/umsetzung`);
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /^Umsetzungsstand: Integrationskonzept 2024$/);
  assert.ok((await page.getByRole('progressbar').count()) > 10, 'bars for the edition, its fields and goals');
  await follow(page, 'Status-Regeln ändern');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Status und Fortschritt');
  await page.getByLabel('„zurückgestellt“ zählt in der Gesamtsicht').uncheck();
  await submit(page, page.locator('main').getByRole('button', { name: 'Speichern' }));
  assert.match(await mainText(page), /ohne Maßnahmen mit Status zurückgestellt und entfallen\./);
});
