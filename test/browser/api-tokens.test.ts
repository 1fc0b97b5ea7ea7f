import assert from 'node:assert/strict';
import { browserSuite, follow, mainText, screenshot, signIn, submit, visit } from '../support/browser.js';

const suite = browserSuite();

suite.test('Koordination legt einen API-Zugang an (Token einmal sichtbar), das Fachverfahren liest damit, nach dem Widerruf 401', async (page) => {
  await signIn(page, 'koordination@musterland.example');
  await visit(page, '/app/k/musterland');
  await follow(page, 'API-Zugänge', { scope: page.getByRole('navigation', { name: 'Hauptnavigation' }) });
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'API-Zugänge');

  const form = page.locator('form', { has: page.getByRole('button', { name: 'API-Zugang anlegen' }) });
  // Without a name: the error summary names the field.
  await submit(page, form.getByRole('button', { name: 'API-Zugang anlegen' }), { status: 422 });
  assert.match(await mainText(page), /Bezeichnung: Bitte/);

  await form.getByLabel('Bezeichnung').fill('Fachverfahren Sozialamt');
  await form.getByLabel('Rechte wie').selectOption('redaktion');
  await form.getByRole('combobox', { name: /^Akteur/ }).selectOption({ index: 1 });
  await form.getByLabel('Sachstände').check();
  await form.getByLabel('Messwerte').check();
  await submit(page, form.getByRole('button', { name: 'API-Zugang anlegen' }));
  const field = page.getByLabel('Token', { exact: true });
  const secret = await field.inputValue();
  assert.match(secret, /^ikon_[A-Za-z0-9_-]{43}$/, 'the token is shown once, ready to copy');
  assert.match(await mainText(page), /nur dieses eine Mal angezeigt/);
  await screenshot(page, 'api-zugang-angelegt');

  const api = (token: string) => fetch(`${suite.baseUrl}/api/v1/kommunen/musterland/editions`, { headers: { authorization: `Bearer ${token}` } });
  const read = await api(secret);
  assert.equal(read.status, 200, 'the department system reads with the token');
  const editions = ((await read.json()) as any).items;
  assert.ok(editions.some((e: any) => e.status === 'entwurf'), 'as a member: drafts included');

  await visit(page, '/app/k/musterland/einstellungen/api-zugaenge');
  assert.ok(!(await page.content()).includes(secret), 'on the next visit the token is gone');
  const row = page.getByRole('row', { name: /Fachverfahren Sozialamt/ });
  assert.match(await row.innerText(), /Sachstände, Messwerte/);
  await submit(page, row.getByRole('link', { name: /Widerrufen/ }));
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /API-Zugang «Fachverfahren Sozialamt» widerrufen\?/);
  await submit(page, page.getByRole('button', { name: 'Ja, widerrufen' }));
  assert.match(await mainText(page), /Der API-Zugang «Fachverfahren Sozialamt» ist widerrufen/);
  assert.match(await page.getByRole('row', { name: /Fachverfahren Sozialamt/ }).innerText(), /widerrufen am/);
  await screenshot(page, 'api-zugang-widerrufen');

  const refused = await api(secret);
  assert.equal(refused.status, 401);
  assert.equal(((await refused.json()) as any).code, 'invalid_token');
});
