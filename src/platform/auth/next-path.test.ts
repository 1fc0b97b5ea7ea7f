import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../../test/support/harness.js';
import { defaultNext, safeNext } from './next-path.js';

/** `weiter` values an attacker may try: none may lead a browser away from the app's origin. */
const hostile = [
  '/\t/127.0.0.1:3399/phish',
  '/\n/127.0.0.1:3399/phish',
  '/\r\n/evil.example',
  '/\u0000',
  '/app\u0000',
  '/app\r\nSet-Cookie: x=1',
  '/\u000b/evil.example',
  '/\u007f/evil.example',
  '/\u0085/evil.example',
  '/\u2028/evil.example',
  '//evil.example',
  '///evil.example',
  '//evil.example/app',
  '/\\evil.example',
  '/\\/evil.example',
  '\\/evil.example',
  '\\\\evil.example',
  'https://evil.example',
  'http:evil.example',
  'HTTPS://evil.example/app',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  ' /app',
  '\t/app',
  'app',
  '.',
  '/.//evil.example',
  '/app/../..//evil.example',
  '/%2e//evil.example',
  '',
  '/' + 'a'.repeat(2500),
];

/** Paths of the app that must survive (in their parsed, ASCII form). */
const kept: [string, string][] = [
  ['/app', '/app'],
  ['/app/k/musterland', '/app/k/musterland'],
  ['/app/k/musterland/akteure?seite=2#liste', '/app/k/musterland/akteure?seite=2#liste'],
  ['/app/k/musterland/suche?q=Sprachkurs für Frauen', '/app/k/musterland/suche?q=Sprachkurs%20f%C3%BCr%20Frauen'],
  ['/einladung/abc', '/einladung/abc'],
  ['/%09/evil.example', '/%09/evil.example'],
  ['/app/./k/../k/musterland', '/app/k/musterland'],
];

const appOrigin = 'http://127.0.0.1:3000';
/** Where a browser goes when it follows `Location: value` from the app. */
const browserTarget = (location: string) => new URL(location, appOrigin);

test('weiter: hostile values fall back to /app, app paths are kept (table)', () => {
  for (const value of hostile) assert.equal(safeNext(value), defaultNext, `weiter=${JSON.stringify(value)}`);
  for (const [value, expected] of kept) assert.equal(safeNext(value), expected, `weiter=${JSON.stringify(value)}`);
  for (const value of [undefined, null, 42, ['/app', '//evil.example'], {}]) assert.equal(safeNext(value), defaultNext, `weiter=${JSON.stringify(value)}`);
  for (const value of [...hostile, ...kept.map(([v]) => v)]) {
    const next = safeNext(value);
    assert.equal(browserTarget(next).origin, appOrigin, `weiter=${JSON.stringify(value)} leads to ${next}`);
    assert.match(next, /^\/[\x21-\x7e]*$/, `weiter=${JSON.stringify(value)} gives printable ASCII only: ${JSON.stringify(next)}`);
  }
});

describeEachDb('Anmeldung mit „weiter“', (t) => {
  test('jeder Wert von weiter: Formular und Weiterleitung bleiben in der Anwendung, nie 500', async () => {
    for (const value of [...hostile, ...kept.map(([v]) => v)]) {
      const c = t().client();
      const form = await c.get(`/anmelden?weiter=${encodeURIComponent(value)}`);
      assert.equal(form.status, 200, `GET /anmelden with weiter=${JSON.stringify(value)}`);
      const hidden = /name="weiter" value="([^"]*)"/.exec(await form.text());
      assert.equal(hidden?.[1]?.replace(/&amp;/g, '&'), safeNext(value), `hidden weiter for ${JSON.stringify(value)}`);
      const res = await c.post('/anmelden', { email: 'lesend@musterland.example', password: 'Musterland-Demo-2026', weiter: value });
      assert.equal(res.status, 303, `POST /anmelden with weiter=${JSON.stringify(value)} answered ${res.status}`);
      const location = res.headers.get('location') ?? '';
      assert.equal(location, safeNext(value), `Location for weiter=${JSON.stringify(value)}`);
      assert.equal(browserTarget(location).origin, appOrigin, `weiter=${JSON.stringify(value)} redirects to ${location}`);
    }
  });
});
