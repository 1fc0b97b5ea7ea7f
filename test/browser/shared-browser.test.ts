// The browser files of a lane share one Chromium (test/support/browser.ts: sharedBrowser): the
// same browser for every caller, and a new one when it went away (a crash must not fail the
// lane's later files).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sharedBrowser } from '../support/browser.js';

test('one browser per process, launched again after it went away', async () => {
  const [first, second] = await Promise.all([sharedBrowser(), sharedBrowser()]);
  assert.equal(first, second, 'callers at the same time get the same browser');
  assert.equal(await sharedBrowser(), first, 'a later caller too');
  const context = await first.newContext();
  const page = await context.newPage();
  await page.setContent('<p>eins</p>');
  await context.close();
  await first.close(); // as if it had crashed
  const next = await sharedBrowser();
  assert.notEqual(next, first, 'a new browser');
  assert.ok(next.isConnected());
  const again = await next.newContext();
  const p = await again.newPage();
  await p.setContent('<p>zwei</p>');
  assert.equal(await p.textContent('p'), 'zwei');
  await again.close();
});
