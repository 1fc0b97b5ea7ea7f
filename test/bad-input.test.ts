import assert from 'node:assert/strict';
import { before, mock, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { describeEachDb } from './support/harness.js';
import { measures } from '../src/modules/measures/schema.js';
import { demoIds } from '../src/modules/api/test-helpers.js';

/**
 * The inputs of issue 8 point 5 that answered 500: a NUL byte in a slug, e-mail or text field, a
 * version past PostgreSQL's integer range, a body that is not what its content type says. Each
 * is the client's error: 400 or 422 with a German message, and no stack trace in the log.
 */
describeEachDb('Bad input is the client’s error, never a 500', (t) => {
  let measure: typeof measures.$inferSelect;
  before(async () => {
    const ids = await demoIds(t().db);
    [measure] = await t().db.select().from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.editionId, ids.draft.id))).orderBy(asc(measures.number)).limit(1) as [typeof measures.$inferSelect];
  });

  /** Runs the requests while watching console.error: client errors must not be logged. */
  const quietly = async <T>(fn: () => Promise<T>): Promise<T> => {
    const logged = mock.method(console, 'error', () => {});
    try {
      const result = await fn();
      assert.equal(logged.mock.callCount(), 0, `nothing logged for a client error, got: ${String(logged.mock.calls[0]?.arguments[0]).slice(0, 200)}`);
      return result;
    } finally {
      logged.mock.restore();
    }
  };

  test('a NUL byte in the path (slug, id): 400 page or problem, German', async () => {
    const anon = t().client();
    await quietly(async () => {
      for (const path of ['/k/%00', '/k/%00/konzept', '/app/k/%00', '/app/k/musterland/massnahmen/%00']) {
        const res = await anon.get(path);
        assert.equal(res.status, 400, `${path} answers 400`);
        assert.match(await res.text(), /Die Adresse enthält unzulässige Zeichen/, `${path} says why in German`);
      }
      const api = await anon.get('/api/v1/kommunen/%00');
      assert.equal(api.status, 400, 'API: 400');
      assert.equal(api.headers.get('content-type')?.split(';')[0], 'application/problem+json', 'API: problem+json');
      assert.match(((await api.json()) as any).title, /unzulässige Zeichen/, 'API: German title');
    });
  });

  test('a NUL byte in a query string: search and list filters answer normally, matching nothing', async () => {
    const k = await t().signIn('koordination@musterland.example');
    await quietly(async () => {
      for (const path of ['/k/musterland/suche?q=a%00b', '/k/musterland/konzept?zielgruppe=%00&status=%00', '/app/k/musterland/suche?q=%00', `/app/k/musterland/fassungen/${measure.editionId}?zielgruppe=a%00&zeithorizont=%00`]) {
        assert.equal((await k.get(path)).status, 200, `${path}: 200`);
      }
      const api = await k.get(`/api/v1/kommunen/musterland/editions/${measure.editionId}/measures?targetGroup=a%00b`);
      assert.equal(api.status, 422, 'API filter with NUL: 422');
    });
  });

  test('a slug that cannot be one names no Kommune (404, no query with it)', async () => {
    const res = await quietly(() => t().client().get(`/k/${encodeURIComponent('ä'.repeat(70))}/konzept`));
    assert.equal(res.status, 404, 'odd slug: 404');
  });

  test('sign-in with a NUL byte in the e-mail: 422 with the form again', async () => {
    const res = await quietly(() => t().client().post('/anmelden', { email: 'koordination\u0000@musterland.example', password: 'x' }));
    assert.equal(res.status, 422, 'sign-in: 422');
    assert.match(await res.text(), /<form/, 'the sign-in form is shown again');
  });

  test('a NUL byte in a text field: 422 naming the field, in the form and in the API', async () => {
    const k = await t().signIn('koordination@musterland.example');
    await quietly(async () => {
      const form = await k.post(`/app/k/musterland/massnahmen/${measure.id}/bearbeiten`, { number: measure.number, title: 'Sprach\u0000kurs', fieldId: measure.fieldId, horizon: 'kurz', version: measure.version });
      assert.equal(form.status, 422, 'form: 422');
      assert.match(await form.text(), /unzulässige Steuerzeichen/, 'form: German field message');
      const api = await k.json('PUT', `/api/v1/kommunen/musterland/measures/${measure.id}`, { number: measure.number, title: 'a\u0000b', fieldId: measure.fieldId, horizon: 'kurz', version: measure.version });
      assert.equal(api.status, 422, 'API: 422');
      const body = (await api.json()) as any;
      assert.ok(body.errors.some((e: any) => e.field === 'title' && /Steuerzeichen/.test(e.message)), `API names the field: ${JSON.stringify(body.errors)}`);
    });
  });

  test('"version": 2147483648 (past the integer column) and impossible dates: 422, nothing changed', async () => {
    const k = await t().signIn('koordination@musterland.example');
    await quietly(async () => {
      const put = await k.json('PUT', `/api/v1/kommunen/musterland/measures/${measure.id}`, { number: measure.number, title: measure.title, fieldId: measure.fieldId, horizon: 'kurz', version: 2147483648 });
      assert.equal(put.status, 422, 'PUT with an overflowing version: 422');
      const status = await k.json('PATCH', `/api/v1/kommunen/musterland/measures/${measure.id}/status`, { status: 'umgesetzt', version: 2147483648 });
      assert.equal(status.status, 422, 'PATCH status with an overflowing version: 422');
      const del = await k.json('DELETE', `/api/v1/kommunen/musterland/measures/${measure.id}?version=2147483648`);
      assert.equal(del.status, 422, 'DELETE with an overflowing version: 422');
      const date = await k.post(`/app/k/musterland/massnahmen/${measure.id}/bearbeiten`, { number: measure.number, title: measure.title, fieldId: measure.fieldId, horizon: 'kurz', startDate: '2026-02-30', version: measure.version });
      assert.equal(date.status, 422, 'an impossible date: 422');
    });
    const [after] = await t().db.select().from(measures).where(eq(measures.id, measure.id));
    assert.equal(after!.version, measure.version, 'the measure is unchanged');
  });

  test('a body that is not what "multipart/form-data" says: 400, also without a session, and no stack in the log', async () => {
    const anon = t().client();
    const k = await t().signIn('koordination@musterland.example');
    await quietly(async () => {
      for (const [client, path] of [[anon, '/anmelden'], [k, `/app/k/musterland/massnahmen/${measure.id}/bearbeiten`]] as const) {
        for (const type of ['multipart/form-data', 'multipart/form-data; boundary=xyz']) {
          const res = await client.request(path, { method: 'POST', body: 'title=kein-multipart', headers: { 'content-type': type } });
          assert.equal(res.status, 400, `${path} with ${type}: 400`);
          assert.match(await res.text(), /ließ sich nicht lesen/, 'German message');
        }
      }
      const api = await k.request(`/api/v1/kommunen/musterland/measures/${measure.id}`, { method: 'PUT', body: '{"title": ', headers: { 'content-type': 'application/json', 'x-csrf-token': k.csrf } });
      assert.ok(api.status === 400 || api.status === 422, `malformed JSON: 4xx (${api.status})`);
    });
  });
});
