import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser } from '../support/browser.js';

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
