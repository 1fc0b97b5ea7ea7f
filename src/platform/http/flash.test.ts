import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { redirectWithFlash, takeFlash } from './render.js';

test('a flash message with a literal "%" survives the redirect (was URIError → 500)', async () => {
  const app = new Hono();
  app.get('/set', (c) => redirectWithFlash(c as any, '/read', 'Fortschritt 50 % gespeichert'));
  app.get('/read', (c) => c.text(takeFlash(c as any) ?? '(none)'));
  const set = await app.request('/set');
  const cookie = set.headers.get('set-cookie')!.split(';')[0]!;
  const read = await app.request('/read', { headers: { cookie } });
  assert.equal(read.status, 200, `status ${read.status}`);
  assert.equal(await read.text(), 'Fortschritt 50 % gespeichert');
});
