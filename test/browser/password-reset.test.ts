import assert from 'node:assert/strict';
import { browserSuite, demoPassword, follow, mainText, submit, visit } from '../support/browser.js';
import { decodedMail, smtpServer } from '../support/smtp.js';

const smtp = smtpServer();
const suite = browserSuite({ env: async () => (await smtp.ready(), smtp.env()) });
const email = 'lesend@musterland.example';
const newPassword = 'Heidewald im Herbst 2026';

suite.test('Lesend hat das Passwort vergessen, fordert einen Link an und setzt ein neues Passwort', async (page) => {
  await visit(page, '/anmelden');
  await follow(page, 'Passwort vergessen?');
  assert.equal(new URL(page.url()).pathname, '/passwort-vergessen');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Passwort vergessen');

  const mail = smtp.nextMailTo(email);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await submit(page, page.locator('main').getByRole('button', { name: 'Link anfordern' }));
  assert.match(await mainText(page), /Wenn zu dieser E-Mail-Adresse ein Zugang besteht/);
  const body = decodedMail(await mail);
  assert.match(body, /Neues Passwort festlegen/, 'German mail subject');
  const link = /https?:\/\/[^\s]+(\/passwort-neu\/[A-Za-z0-9_-]+)/.exec(body);
  assert.ok(link, `the mail carries the link:\n${body}`);

  await visit(page, link[1]!);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Neues Passwort festlegen');
  await page.getByLabel('Neues Passwort').fill(newPassword);
  await page.getByLabel('Passwort wiederholen').fill('etwas ganz anderes');
  await submit(page, page.locator('main').getByRole('button', { name: 'Passwort speichern' }), { status: 422 });
  assert.match(await mainText(page), /stimmen nicht überein/);
  await page.getByLabel('Neues Passwort').fill(newPassword);
  await page.getByLabel('Passwort wiederholen').fill(newPassword);
  await submit(page, page.locator('main').getByRole('button', { name: 'Passwort speichern' }));
  assert.equal(new URL(page.url()).pathname, '/anmelden');
  assert.match(await mainText(page), /Ihr Passwort wurde geändert/);

  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(demoPassword);
  await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden' }), { status: 401 });
  await page.getByLabel('Passwort', { exact: true }).fill(newPassword);
  await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden' }));
  assert.match(new URL(page.url()).pathname, /^\/app(\/|$)/, `signed in with the new password: ${page.url()}`);

  // The link worked once.
  const other = await suite.newPage();
  await visit(other, link[1]!, { status: 410 });
  assert.equal(await other.getByRole('heading', { level: 1 }).innerText(), 'Link nicht mehr gültig');
  await follow(other, 'Neuen Link anfordern');
  assert.equal(new URL(other.url()).pathname, '/passwort-vergessen');
});
