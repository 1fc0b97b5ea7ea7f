import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { browserSuite, demoPassword, follow, mainText, signIn, signOut, submit, visit } from '../support/browser.js';

const suite = browserSuite();
const coordinator = 'koordination@musterland.example';

/** After sign-in: /app lists the Kommunen (or sends a member of one straight to it). */
async function openMusterland(page: import('playwright-core').Page) {
  if (new URL(page.url()).pathname === '/app') await follow(page, 'Landkreis Musterland');
  assert.match(new URL(page.url()).pathname, /^\/app\/k\/musterland(\/|$)/);
}

suite.test('Koordination vertippt sich beim Passwort und bekommt eine deutsche Fehlermeldung', async (page) => {
  await visit(page, '/anmelden');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(coordinator);
  await page.getByLabel('Passwort', { exact: true }).fill('falsches-Passwort-123');
  await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden' }), { status: 401 });
  assert.equal(new URL(page.url()).pathname, '/anmelden');
  await page.getByRole('alert').filter({ hasText: 'E-Mail-Adresse oder Passwort ist falsch.' }).waitFor();
  assert.equal(await page.getByLabel('E-Mail-Adresse').inputValue(), coordinator, 'the e-mail address is kept');
  assert.equal(await page.getByLabel('Passwort', { exact: true }).inputValue(), '', 'the password is not sent back');
  // Not signed in: the internal app sends the person back to the sign-in page.
  await visit(page, '/app/k/musterland');
  assert.equal(new URL(page.url()).pathname, '/anmelden');
});

suite.test('Koordination meldet sich an, landet in der internen Ansicht und meldet sich wieder ab', async (page) => {
  await signIn(page, coordinator);
  await openMusterland(page);
  if (new URL(page.url()).pathname !== '/app/k/musterland') await visit(page, '/app/k/musterland');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Landkreis Musterland');
  assert.match(await page.locator('header').innerText(), /Katrin Koordination/);
  assert.match(await mainText(page), /Integrationskonzept 2026 \(Fortschreibung\)/);

  await signOut(page);
  assert.equal(new URL(page.url()).pathname, '/anmelden');
  assert.equal(await page.locator('header').getByRole('button', { name: 'Abmelden' }).count(), 0);
  // The session is gone: the internal overview asks for a sign-in again and remembers where to go.
  await visit(page, '/app/k/musterland');
  assert.equal(new URL(page.url()).pathname, '/anmelden');
  assert.equal(new URL(page.url()).searchParams.get('weiter'), '/app/k/musterland');
});

suite.test('Nach der Anmeldung führt „weiter“ zur ursprünglich aufgerufenen Seite', async (page) => {
  await visit(page, '/app/k/musterland/akteure');
  assert.equal(new URL(page.url()).pathname, '/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill('lesend@musterland.example');
  await page.getByLabel('Passwort', { exact: true }).fill(demoPassword);
  await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden' }));
  assert.equal(new URL(page.url()).pathname, '/app/k/musterland/akteure');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Akteure');
});

suite.test('Unbekannte Adressen zeigen die Seite „Seite nicht gefunden“ (angemeldet und abgemeldet)', async (page) => {
  await visit(page, '/gibt-es-nicht', { status: 404 });
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Seite nicht gefunden');
  await signIn(page, coordinator);
  await visit(page, '/app/k/gibt-es-nicht', { status: 404 });
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Seite nicht gefunden');
  await visit(page, '/app/k/musterland/massnahmen/00000000-0000-4000-8000-000000000000', { status: 404 });
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Seite nicht gefunden');
});

suite.test('Ein präparierter „weiter“-Link führt nach der Anmeldung nicht auf einen fremden Server', async (page) => {
  // A server on another port stands in for the phishing host: the browser must never reach it.
  const phishHits: string[] = [];
  const phish = http.createServer((req, res) => {
    phishHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html lang="de"><title>Phish</title><main><h1>Phish</h1></main></html>');
  });
  await new Promise<void>((resolve) => phish.listen(0, '127.0.0.1', () => resolve()));
  try {
    const phishHost = `127.0.0.1:${(phish.address() as AddressInfo).port}`;
    for (const weiter of [`/\t/${phishHost}/phish`, `/\n/${phishHost}/phish`, `/\\${phishHost}/phish`, `/.//${phishHost}/phish`]) {
      await visit(page, `/anmelden?weiter=${encodeURIComponent(weiter)}`);
      await page.getByLabel('E-Mail-Adresse').fill('lesend@musterland.example');
      await page.getByLabel('Passwort', { exact: true }).fill(demoPassword);
      await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden' }));
      const at = new URL(page.url());
      assert.equal(at.origin, suite.baseUrl, `after weiter=${JSON.stringify(weiter)} the browser is at ${page.url()}`);
      assert.match(at.pathname, /^\/app(\/|$)/, `after weiter=${JSON.stringify(weiter)} the browser is in the app: ${page.url()}`);
      await signOut(page);
    }
    assert.deepEqual(phishHits, [], 'the other server got no request');
  } finally {
    await new Promise<void>((resolve) => phish.close(() => resolve()));
  }
});
