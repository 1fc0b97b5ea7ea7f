import assert from 'node:assert/strict';
import { browserSuite, follow, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();

suite.test('Koordination: Vorlagen, Vorlage mit Beratungsfolge, Gremien, Einstellungen, neue Vorlage mit Fehlern (axe auf jeder Seite)', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/vorlagen');
  await follow(page, 'Integrationskonzept 2024 der Koordinierungsstelle Migration und Teilhabe');
  const adopted = await mainText(page);
  assert.match(adopted, /Beschlussvorlage Nr\. 2024\/FD91\/457/);
  assert.match(adopted, /Beschlusskontrolle/);
  const steps = page.getByRole('table', { name: 'Beratungsfolge der Vorlage 2024/FD91/457' });
  assert.equal(await steps.locator('tbody tr').count(), 3, 'the three steps of the Beratungsfolge');
  await visit(page, `${new URL(page.url()).pathname}/versionen`);

  // A paper in preparation: upload an Anlage, compare versions, remove the Anlage (asked first).
  await visit(page, '/app/k/musterland/vorlagen');
  await follow(page, /Integrationskonzept 2026 \(Fortschreibung\) der Koordinierungsstelle/);
  const draftPath = new URL(page.url()).pathname;
  await page.getByLabel('Datei', { exact: true }).setInputFiles({ name: 'Stellungnahme Beirat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
  await submit(page, page.locator('main').getByRole('button', { name: 'Anlage hochladen' }));
  assert.match(await mainText(page), /Anlage „Stellungnahme Beirat“ hinzugefügt/);
  await follow(page, /Anlage entfernen/);
  assert.match(await mainText(page), /Anlage „Stellungnahme Beirat“ entfernen\?/);
  await submit(page, page.locator('main').getByRole('button', { name: 'Anlage entfernen' }));
  assert.match(await mainText(page), /Anlage „Stellungnahme Beirat“ entfernt/);
  await visit(page, `${draftPath}/versionen`);

  await visit(page, '/app/k/musterland/gremien');
  await visit(page, '/app/k/musterland/einstellungen/vorlagen');
  await visit(page, '/app/k/musterland/vorlagen/neu');
  await page.getByLabel('Betreff').fill('');
  await page.getByLabel('Sachverhalt').fill('Es gibt {{sterne}} Sterne.');
  await submit(page, page.locator('main').getByRole('button', { name: 'Vorlage speichern' }), { status: 422 });
  const errors = await mainText(page);
  assert.match(errors, /Betreff: Bitte ausfüllen/);
  assert.match(errors, /Diese Platzhalter kennt ikon nicht/);

});

suite.test('Koordination: die Vorlage der Fortschreibung wird endgültig, der Kreistag beschließt; öffentlich „einstimmig beschlossen am“ (axe)', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/vorlagen');
  await follow(page, /Integrationskonzept 2026 \(Fortschreibung\) der Koordinierungsstelle/);
  await follow(page, 'Endgültig machen');
  await submit(page, page.locator('main').getByRole('button', { name: 'Endgültig machen' }));
  assert.match(await mainText(page), /ist endgültig/);
  const draftSteps = page.getByRole('table', { name: /Beratungsfolge der Vorlage 2026\/FD91\/512/ });
  await follow(page, /Ergebnis eintragen\s+Kreistag/, { scope: draftSteps });
  assert.match(await mainText(page), /abgelöst/);
  await page.getByLabel('beschlossen', { exact: true }).check();
  await page.getByLabel('einstimmig', { exact: true }).check();
  await submit(page, page.locator('main').getByRole('button', { name: 'Ergebnis speichern' }));
  assert.match(await mainText(page), /Die Fassung ist beschlossen/);

  await visit(page, '/k/musterland/beschluesse');
  assert.match(await mainText(page), /einstimmig beschlossen am 18\.03\.2027/);
  await follow(page, 'Integrationskonzept 2024 der Koordinierungsstelle Migration und Teilhabe');
  assert.match(await mainText(page), /Beschlusskontrolle/);
  await visit(page, '/k/musterland/beschluesse?lang=ar');
});
