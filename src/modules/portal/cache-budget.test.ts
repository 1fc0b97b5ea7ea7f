import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from '../../../test/support/harness.js';
import { publicCacheBudget } from '../../platform/http/page-cache.js';

// Query strings are chosen by visitors: 500 made-up ones on the Arabic concept page grew the
// server from 247 to 475 MB, since each was kept as a page of its own (session 10). The public
// caches of a process now hold at most `publicCacheBudget` bytes together.
describeEachDb('Öffentliche Seiten: erfundene Abfragen füllen den Speicher nicht', (t) => {
  test('the public caches stay within their byte budget, and every visitor still gets the page', async () => {
    const maxBytes = publicCacheBudget.maxBytes;
    const visitor = t().client();
    const first = await (await visitor.get('/k/musterland/konzept')).text();
    publicCacheBudget.maxBytes = publicCacheBudget.usedBytes + 4 * Buffer.byteLength(first);
    try {
      for (let i = 0; i < 30; i++) {
        const res = await visitor.get(`/k/musterland/konzept?x=${i}`);
        assert.equal(res.status, 200);
        assert.ok((await res.text()).includes('<h1'), 'the page itself');
        assert.ok(publicCacheBudget.usedBytes <= publicCacheBudget.maxBytes, `${publicCacheBudget.usedBytes} bytes kept, at most ${publicCacheBudget.maxBytes}`);
      }
    } finally {
      publicCacheBudget.maxBytes = maxBytes;
    }
  });
});
