import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../../test/support/harness.js';
import { openSignInForm, postSignIn, serveOverHttp } from '../../../test/support/http-server.js';
import { demoPassword } from './demo-accounts.js';
import {
  accountAttempts,
  addressFreeFailures,
  addressMaxWaitMs,
  addressSpacingMs,
  recordAddressFailure,
  reserveAddressSlot,
  takeAccountAttempt,
  windowMinutes,
} from './throttle.js';

describeEachDb('Anmeldedrosselung', (t) => {
  test('40 parallele Fehlversuche: höchstens 5 werden geprüft; ein anderes Konto an derselben Adresse meldet sich an', async () => {
    const server = await serveOverHttp(t().app);
    try {
      const form = await openSignInForm(server.baseUrl);
      const guesses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => postSignIn(server.baseUrl, form, 'redaktion@musterland.example', `falsch-geraten-${i}`)),
      );
      const statuses = guesses.map((r) => r.status);
      const evaluated = statuses.filter((s) => s === 401).length;
      assert.equal(evaluated, accountAttempts, `evaluated ${evaluated} of 40 parallel guesses (statuses: ${statuses.join(',')})`);
      assert.equal(statuses.filter((s) => s === 429).length, 40 - accountAttempts, 'the rest is refused before the password is checked');
      const right = await postSignIn(server.baseUrl, form, 'redaktion@musterland.example', demoPassword);
      assert.equal(right.status, 429, 'the guessed account stays locked, even with the right password');
      assert.match(await right.text(), /Zu viele fehlgeschlagene Anmeldeversuche/, 'German message for the locked account');
      // Same client address (127.0.0.1), another account: not locked out.
      const other = await postSignIn(server.baseUrl, await openSignInForm(server.baseUrl), 'partner@musterland.example', demoPassword);
      assert.equal(other.status, 303, `another account behind the same address signs in (got ${other.status})`);
    } finally {
      await server.close();
    }
  });

  test('Konto: der Zähler gilt je Zeitfenster; nach dem Fenster wird wieder geprüft', async () => {
    const start = new Date('2026-11-30T08:00:00Z');
    const email = 'fenster@musterland.example';
    for (let i = 0; i < accountAttempts; i++) assert.equal(await takeAccountAttempt(t().db, email, start), 0, `attempt ${i + 1} may be checked`);
    const locked = await takeAccountAttempt(t().db, email, new Date(start.getTime() + 60_000));
    assert.equal(locked, windowMinutes - 1, 'the sixth attempt waits until the window ends');
    const later = new Date(start.getTime() + windowMinutes * 60_000 + 1);
    assert.equal(await takeAccountAttempt(t().db, email, later), 0, 'a new window starts after the old one');
  });

  test('Adresse: keine Sperre, sondern Abstand zwischen Versuchen; jeder Platz wird genau einmal vergeben', async () => {
    const now = new Date('2026-11-30T09:00:00Z');
    const address = '198.51.100.7';
    for (let i = 0; i < addressFreeFailures - 1; i++) await recordAddressFailure(t().db, address, now);
    assert.deepEqual(await reserveAddressSlot(t().db, address, now), { waitMs: 0 }, 'below the free failures: no wait');
    await recordAddressFailure(t().db, address, now);
    // Parallel attempts from the throttled address each get their own slot, one spacing apart.
    const queue = Math.floor(addressMaxWaitMs / addressSpacingMs) + 1;
    const slots = await Promise.all(Array.from({ length: queue + 3 }, () => reserveAddressSlot(t().db, address, now)));
    const waits = slots.flatMap((s) => ('waitMs' in s ? [s.waitMs] : [])).sort((a, b) => a - b);
    assert.deepEqual(waits, Array.from({ length: queue }, (_, i) => i * addressSpacingMs), 'distinct slots, one spacing apart');
    assert.equal(slots.filter((s) => 'busy' in s).length, 3, 'beyond the longest wait the attempt is turned away for now');
    // Time passes: the queue drains, and attempts are accepted again (no lock-out).
    const later = new Date(now.getTime() + addressMaxWaitMs + addressSpacingMs);
    assert.deepEqual(await reserveAddressSlot(t().db, address, later), { waitMs: 0 }, 'after the queue drained the next attempt waits no longer');
    const nextWindow = new Date(now.getTime() + windowMinutes * 60_000 + 1);
    await recordAddressFailure(t().db, address, nextWindow);
    assert.deepEqual(await reserveAddressSlot(t().db, address, nextWindow), { waitMs: 0 }, 'a new window starts without a wait');
  });
});
