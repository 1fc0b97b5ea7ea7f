import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/harness.js';

const token = 'metrics-token-0123456789abcdef';

describe('/metrics and frame headers', () => {
  let withToken: TestApp;
  let withoutToken: TestApp;
  before(async () => {
    withToken = await startTestApp('pglite', 'empty', { env: { METRICS_TOKEN: token } });
    withoutToken = await startTestApp('pglite', 'empty');
  });
  after(async () => {
    await withToken?.close();
    await withoutToken?.close();
  });

  test('without METRICS_TOKEN /metrics is off: 404 problem+json, no figures', async () => {
    const res = await withoutToken.client().get('/metrics', { authorization: `Bearer ${token}` });
    assert.equal(res.status, 404, 'metrics without a configured token');
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, 'problem+json');
    const body = await res.text();
    assert.doesNotMatch(body, /process_resident_memory_bytes|heap/, 'no figures leak');
    assert.match(body, /METRICS_TOKEN/, 'the problem says how to switch it on');
  });

  test('with METRICS_TOKEN only the right Bearer token gets the figures', async () => {
    const c = withToken.client();
    for (const authorization of [undefined, 'Bearer falsch', `Basic ${token}`, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`]) {
      const res = await c.get('/metrics', authorization ? { authorization } : {});
      assert.equal(res.status, 401, `refused for ${authorization}`);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, 'problem+json');
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/, 'says which scheme');
      assert.doesNotMatch(await res.text(), /process_resident_memory_bytes/, 'no figures leak');
    }
    const ok = await c.get('/metrics', { authorization: `Bearer ${token}` });
    assert.equal(ok.status, 200, 'the right token');
    assert.match(await ok.text(), /process_resident_memory_bytes \d+/, 'figures with the token');
  });

  test('X-Frame-Options agrees with the CSP: no framing at all', async () => {
    const res = await withoutToken.client().get('/anmelden');
    assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, 'CSP forbids framing');
    assert.equal(res.headers.get('x-frame-options'), 'DENY', 'X-Frame-Options says the same');
  });
});
