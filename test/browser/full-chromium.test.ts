// The browser files drive Debian's chromium-headless-shell where it is installed (test/support/browser.ts:
// testChromium). People use the full browser: on the same pages, signed out and signed in, it must
// find what the shell finds (the same DOM, the same axe findings), so the shell hides nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, demoPassword, fullChromium, headlessShell, launchBrowser, pageKey, startServer, type RunningApp } from '../support/browser.js';

const both = fs.existsSync(fullChromium) && fs.existsSync(headlessShell);
// CI installs both (.ci/run); a machine with only one of them has nothing to compare.
const skip = !both && !process.env.CI ? 'chromium-headless-shell or chromium is not installed' : false;

let app: RunningApp;
let browsers: Browser[] = [];
before(async () => {
  if (skip) return;
  assert.ok(both, `CI needs ${fullChromium} and ${headlessShell} (.ci/run installs them)`);
  [app, ...browsers] = await Promise.all([startServer(), launchBrowser(fullChromium), launchBrowser(headlessShell)]);
});
after(async () => {
  for (const b of browsers) await b.close();
  await app?.close();
});

/** What each page looks like to axe in one browser: its pageKey and its findings, page by page. */
async function walk(browser: Browser): Promise<{ path: string; key: string; found: string[] }[]> {
  const context = await browser.newContext({ baseURL: app.baseUrl, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  const seen: { path: string; key: string; found: string[] }[] = [];
  const look = async (p: Page) => {
    seen.push({ path: new URL(p.url()).pathname, key: await pageKey(p), found: await axeViolations(p) });
  };
  for (const path of ['/k/musterland/konzept', '/k/musterland/angebote', '/anmelden']) {
    await page.goto(path, { waitUntil: 'load' });
    await look(page);
  }
  await page.getByLabel('E-Mail-Adresse').fill('koordination@musterland.example');
  await page.getByLabel('Passwort', { exact: true }).fill(demoPassword);
  await Promise.all([page.waitForURL(/\/app(\/|$)/), page.locator('main').getByRole('button', { name: 'Anmelden' }).click()]);
  await page.waitForLoadState('load');
  await look(page);
  await page.goto('/app/k/musterland/fassungen', { waitUntil: 'load' });
  await look(page);
  await context.close();
  return seen;
}

test('the full Chromium sees the same pages and axe findings as the headless shell', { skip }, async () => {
  const [full, shell] = await Promise.all(browsers.map(walk));
  assert.deepEqual(
    shell!.map((s) => s.path),
    full!.map((s) => s.path),
  );
  assert.ok(full!.length >= 5);
  for (const [i, f] of full!.entries()) {
    assert.deepEqual(shell![i]!.found, f.found, `axe on ${f.path}`);
    assert.deepEqual(f.found, [], `axe on ${f.path} in the full Chromium`);
  }
  // The DOM as axe sees it, per page (ids renamed, the form token left out). The sign-in page and the
  // pages after it carry a form token and a session-dependent navigation; they must still match.
  assert.deepEqual(
    shell!.map((s) => s.key),
    full!.map((s) => s.key),
  );
});
