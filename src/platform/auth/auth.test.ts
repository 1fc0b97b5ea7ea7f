import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../../test/support/harness.js';
import { passwordProblem } from './password.js';

test('password rules: length over complexity, no common or e-mail-based passwords', () => {
  assert.equal(passwordProblem('kurz'), 'validation.password_too_short');
  assert.equal(passwordProblem('aaaaaaaaaaaaaa'), 'validation.password_too_simple');
  assert.equal(passwordProblem('Passwort1234'), 'validation.password_common');
  assert.equal(passwordProblem('katrin.mueller-2026!', 'katrin.mueller@kreis.de'), 'validation.password_contains_email');
  assert.equal(passwordProblem('Wiesen und Moore im Herbst'), undefined);
});

describeEachDb('Anmeldung', (t) => {
  test('falsches Passwort: deutsche Meldung; nach fünf Fehlversuchen gesperrt, auch mit richtigem Passwort', async () => {
    const c = t().client();
    const wrong = await c.post('/anmelden', { email: 'lesend@musterland.example', password: 'falsch-falsch-falsch' });
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /E-Mail-Adresse oder Passwort ist falsch/);
    for (let i = 0; i < 4; i++) await c.post('/anmelden', { email: 'lesend@musterland.example', password: 'falsch-falsch-falsch' });
    const locked = await c.post('/anmelden', { email: 'lesend@musterland.example', password: 'Musterland-Demo-2026' });
    assert.equal(locked.status, 429);
    assert.match(await locked.text(), /Zu viele fehlgeschlagene Anmeldeversuche/);
  });

  test('Formulare ohne passendes CSRF-Token werden abgewiesen', async () => {
    const c = t().client();
    const res = await c.post('/anmelden', { _csrf: 'anderes-token-0123456789', email: 'koordination@musterland.example', password: 'Musterland-Demo-2026' });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /Formular ist abgelaufen/);
  });

  test('Abmelden beendet die Sitzung', async () => {
    const c = await t().signIn('koordination@musterland.example');
    assert.equal((await c.get('/app/k/musterland/fassungen')).status, 200);
    await c.post('/abmelden', {});
    const after = await c.get('/app/k/musterland/fassungen');
    assert.equal(after.status, 303);
    assert.match(after.headers.get('location')!, /^\/anmelden/);
  });

  test('Fehlerseiten sind deutsch; Betriebsendpunkte antworten', async () => {
    const c = t().client();
    const missing = await c.get('/gibt-es-nicht');
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /Seite nicht gefunden/);
    const health = await (await c.get('/healthz')).json();
    assert.deepEqual(health, { status: 'ok', database: t().kind });
    // /metrics needs METRICS_TOKEN (src/platform/http/health.test.ts); the test app has none.
    assert.equal((await c.get('/metrics')).status, 404, 'metrics off without a token');
  });
});
