import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { browserSuite, mainText, signIn, submit, visit } from '../../../../test/support/browser.js';
import { actors } from '../../actors/schema.js';
import { editions } from '../../concepts/schema.js';
import { measures } from '../schema.js';

const suite = browserSuite();

const file = (rows: string[][]) => ({ name: 'massnahmen.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`) });

suite.test('Koordination importiert eine Maßnahmentabelle: Fehlerliste, Vorschau, Häkchen, Bestätigung', async (page) => {
  const [draft] = await suite.database.db.select().from(editions).where(eq(editions.status, 'entwurf'));
  await signIn(page, 'koordination@musterland.example');
  await visit(page, `/app/k/musterland/fassungen/${draft!.id}/import`);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Maßnahmen importieren');

  // A file with a bad row: the error table names row and column, nothing is imported.
  await page.getByLabel('Maßnahmentabelle').setInputFiles(
    file([
      ['Nr.', 'Handlungsfeld', 'Maßnahme', 'Zeithorizont', 'Status'],
      ['95.1', 'Teilhabe durch Sprache', 'Sprachtreff am Samstag', 'kurz', 'fertig'],
    ]),
  );
  await submit(page, page.locator('main').getByRole('button', { name: 'Datei prüfen' }), { status: 422 });
  const table = page.getByRole('table', { name: /Fehler in der Datei/ });
  assert.match(await table.innerText(), /2\s+Status\s+„fertig“ ist kein zulässiger Wert/);

  // A good file naming an actor that does not exist yet: the preview offers to create it.
  await page.getByLabel('Maßnahmentabelle').setInputFiles(
    file([
      ['Nr.', 'Themenfeld', 'Titel', 'federführend', 'Zeithorizont', 'Status'],
      ['95.1', 'Teilhabe durch Sprache', 'Sprachtreff am Samstag', 'Sprachtreff-Initiative Heidewald', 'kurz', 'geplant'],
    ]),
  );
  await submit(page, page.locator('main').getByRole('button', { name: 'Datei prüfen' }));
  assert.match(await mainText(page), /Neue Maßnahmen 1/);
  assert.match(await mainText(page), /Neue Akteure \(1\) Sprachtreff-Initiative Heidewald/);

  // Confirming without the tick: the preview comes back with an error summary pointing at it.
  await submit(page, page.locator('main').getByRole('button', { name: 'Import bestätigen' }), { status: 422 });
  assert.match(await page.locator('#error-summary').innerText(), /Häkchen/);
  await page.getByLabel('Fehlende Akteure, Themenfelder und Ziele anlegen').check();
  await submit(page, page.locator('main').getByRole('button', { name: 'Import bestätigen' }));
  assert.match(new URL(page.url()).pathname, new RegExp(`/fassungen/${draft!.id}$`));
  assert.match(await mainText(page), /1 Maßnahme importiert: 1 neu, 0 geändert, 0 unverändert/);

  const [actor] = await suite.database.db.select().from(actors).where(eq(actors.name, 'Sprachtreff-Initiative Heidewald'));
  const [m] = await suite.database.db.select().from(measures).where(and(eq(measures.editionId, draft!.id), eq(measures.number, '95.1')));
  assert.equal(m?.leadActorId, actor?.id);
});
