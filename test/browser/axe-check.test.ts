import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, pageKey } from '../support/browser.js';

// The browser tests trust axeViolations to say "no violations": it must find them where they are,
// also on a second run in the same page (axe already injected).
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const faulty = `<!doctype html><html><head><title>Fehler</title></head><body><main>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <p style="color:#bbb;background:#fff">kaum lesbar</p>
  <input type="text">
</main></body></html>`;

test('axe finds missing alt text, language, label and contrast, and nothing on the mended page', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent(faulty);
  const rules = (found: string[]) => found.map((v) => /\[([a-z-]+)\]/.exec(v)![1]).sort();
  const expected = ['color-contrast', 'html-has-lang', 'image-alt', 'label'];
  assert.deepEqual(rules(await axeViolations(page)), expected);
  assert.deepEqual(rules(await axeViolations(page)), expected, 'the second run in the same page finds the same');
  await page.setContent(faulty.replace('<html>', '<html lang="de">').replace('<img ', '<img alt="Punkt" ').replace('#bbb', '#333').replace('<input type="text">', '<label>Name <input type="text"></label>'));
  assert.deepEqual(await axeViolations(page), [], 'the mended page has none');
  await context.close();
});

// Browser files reuse axe's findings for a page whose pageKey they already checked: the key must
// change with everything axe's findings depend on, and only ignore what no rule reads.
const form = (a: string, b: string, opts: { text?: string; csrf?: string; labelFor?: string } = {}) => `<!doctype html><html lang="de"><head><title>Maßnahme</title></head><body><main>
  <h1>${opts.text ?? 'Sprachkurs'}</h1><a href="/app/k/musterland/massnahmen/${a}">Zurück</a>
  <form method="post" action="/app/k/musterland/massnahmen/${a}"><input type="hidden" name="_csrf" value="${opts.csrf ?? 'token-1'}">
  <label for="titel-${opts.labelFor ?? a}">Titel</label><input id="titel-${a}" name="titel" value="Kurs">
  <label for="partner-${b}">Partner</label><input id="partner-${b}" name="partner"></form>
</main></body></html>`;

test('pageKey: the same rendered page under other ids is the same page; other texts, references, window sizes or media are not', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const keyOf = async (html: string) => (await page.setContent(html), pageKey(page));
  const u1 = '0f8fad5b-d9cb-469f-a165-70867728950e';
  const u2 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
  const u3 = 'a3bb189e-8bf9-3888-9912-ace4e6543002';
  const base = await keyOf(form(u1, u2));
  assert.equal(await keyOf(form(u3, u1)), base, 'other UUIDs in the same places, another CSRF token: the same page');
  assert.equal(await keyOf(form(u1, u2, { csrf: 'token-2' })), base, 'another CSRF token: the same page');
  assert.notEqual(await keyOf(form(u1, u2, { labelFor: u3 })), base, 'a label that points elsewhere is another page');
  assert.notEqual(await keyOf(form(u1, u2, { text: 'Sprachkurse' })), base, 'another text is another page');
  await page.setContent(form(u1, u2));
  await page.getByLabel('Partner').fill('Caritas');
  assert.notEqual(await pageKey(page), base, 'a typed value is another page');
  await page.setViewportSize({ width: 390, height: 844 });
  assert.notEqual(await keyOf(form(u1, u2)), base, 'another window size is another page');
  await page.setViewportSize({ width: 1280, height: 720 });
  assert.equal(await keyOf(form(u1, u2)), base, 'back to the first size');
  await page.emulateMedia({ media: 'print' });
  assert.notEqual(await keyOf(form(u1, u2)), base, 'printed is another page');
  await context.close();
});

test('pageKey: the same page from a server on another port is the same page; a link to another origin is not', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Every browser file runs its own server on a port of its own; pages carry their origin in absolute links.
  const html = (origin: string, other = origin) => `<!doctype html><html lang="de"><head><title>Konzept</title>
    <link rel="alternate" hreflang="en" href="${origin}/k/musterland/konzept?lang=en"></head><body><main>
    <h1>Konzept</h1><a href="${other}/k/musterland">Start</a></main></body></html>`;
  await context.route('http://127.0.0.1:*/**', (route) => {
    const { origin } = new URL(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: html(origin, origin.endsWith(':4003') ? 'http://127.0.0.1:4001' : origin) });
  });
  const keyAt = async (origin: string) => (await page.goto(`${origin}/k/musterland/konzept`), pageKey(page));
  const first = await keyAt('http://127.0.0.1:4001');
  assert.equal(await keyAt('http://127.0.0.1:4002'), first, 'its own origin in its links: the same page');
  assert.notEqual(await keyAt('http://127.0.0.1:4003'), first, 'a link to another origin is another page');
  await context.close();
});
