import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from './support/harness.js';
import { adoptedEdition, editionOutline } from '../src/modules/concepts/index.js';
import { measureOptions } from '../src/modules/measures/options.js';
import { loadConcept } from '../src/modules/portal/data.js';
import { tenantBySlug } from '../src/platform/tenancy/service.js';

// A transaction is one connection: reads that run at once outside one must run one after another
// inside (node-postgres warned "already executing a query" while the demo was seeded; pg@9 refuses).
// The warning comes once per process, so this file holds only this test.
describeEachDb('reads inside a transaction', (t) => {
  test('the outline, the measure form options and the public concept read inside a transaction send one query at a time', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const tenant = (await tenantBySlug(t().db, 'musterland'))!;
      const edition = (await adoptedEdition(t().db, tenant.id))!;
      const inside = await t().db.transaction(async (tx) => [await editionOutline(tx, tenant.id, edition.id), await measureOptions(tx, tenant.id, edition.id), await loadConcept(tx, tenant.id, {})] as const);
      const outside = [await editionOutline(t().db, tenant.id, edition.id), await measureOptions(t().db, tenant.id, edition.id), await loadConcept(t().db, tenant.id, {})];
      assert.deepEqual(inside, outside, 'the same data inside a transaction and outside');
      assert.ok(inside[0].fields.length > 0, 'the demo edition has Themenfelder');
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      assert.deepEqual(warnings.filter((w) => /already executing a query/.test(w)), [], 'no query sent while another ran on the connection');
    } finally {
      process.off('warning', onWarning);
    }
  });

});
