import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { editions } from '../../src/modules/concepts/schema.js';
import { browserSuite, mainText, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();

suite.test('Koordination lädt eine Person ein (ohne Mailserver: Link auf der Seite), die Person nimmt an', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland/mitglieder');
  const invite = page.locator('form', { has: page.getByRole('button', { name: 'Einladung senden' }) });
  await invite.getByLabel('Name', { exact: true }).fill('Nora Neu');
  await invite.getByLabel('E-Mail-Adresse', { exact: true }).fill('nora.neu@musterland.example');
  await invite.getByLabel('Rolle').selectOption('lesend');
  await submit(page, invite.getByRole('button', { name: 'Einladung senden' }));
  const link = /\/einladung\/[A-Za-z0-9_-]+/.exec(await mainText(page));
  assert.ok(link, 'without SMTP the invitation link is shown to the coordinator');

  const invitee = await suite.newPage();
  await visit(invitee, link[0]);
  assert.equal(await invitee.getByRole('heading', { level: 1 }).innerText(), 'Einladung annehmen');
  await invitee.getByLabel('Ihr Name').fill('Nora Neu');
  await invitee.getByLabel('Passwort', { exact: true }).fill('kurz');
  await invitee.getByLabel('Passwort wiederholen').fill('kurz');
  await submit(invitee, invitee.locator('main').getByRole('button', { name: 'Konto anlegen und anmelden' }), { status: 422 });
  assert.match(await mainText(invitee), /mindestens 12 Zeichen/);
  await invitee.getByLabel('Passwort', { exact: true }).fill('Heidewald im Herbst 2026');
  await invitee.getByLabel('Passwort wiederholen').fill('Heidewald im Herbst 2026');
  await submit(invitee, invitee.locator('main').getByRole('button', { name: 'Konto anlegen und anmelden' }));
  assert.match(new URL(invitee.url()).pathname, /^\/app\/k\/musterland/);
});

suite.test('Koordination öffnet das Formular für einen neuen Indikator und den Werte-Import', async (page) => {
  const [adopted] = await suite.database.db.select().from(editions).where(eq(editions.status, 'beschlossen'));
  await signIn(page, 'koordination@musterland.example');
  await visit(page, `/app/k/musterland/fassungen/${adopted!.id}/indikatoren/neu`);
  await submit(page, page.locator('main').getByRole('button', { name: /speichern|anlegen/i }).first(), { status: 422 });
  await visit(page, `/app/k/musterland/fassungen/${adopted!.id}/indikatoren/import`);
});
