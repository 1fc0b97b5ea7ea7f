import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { enableQueryStats, withQueryStats } from '../../db/query-stats.js';
import { noteChangeWithoutNotify } from '../../../test/support/content-changes.js';
import { describeEachDb, type TestClient } from '../../../test/support/harness.js';
import { offers } from '../offers/schema.js';

// The translation units of a language are kept while nothing in the Kommune changed (units.ts,
// platform/kept-derived.ts): the overview's pages and filters do not read and hash every text again;
// a saved translation or a changed German text shows at once.
describeEachDb('Übersetzungen: Einheiten aufbewahrt, solange sich nichts geändert hat', (t) => {
  before(() => enableQueryStats());
  const path = '/app/k/musterland/uebersetzungen?sprache=en&art=offer';
  const open = (c: TestClient, p = path) => withQueryStats(async () => (await c.get(p)).text());
  const firstRow = (html: string) => ({
    key: /name="key" value="([^"]+)"/.exec(html)![1]!,
    sourceHash: /name="sourceHash" value="([^"]+)"/.exec(html)![1]!,
  });

  test('another page or filter of the same language: the texts are not read again', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const first = await open(c);
    const second = await open(c, '/app/k/musterland/uebersetzungen?sprache=en&seite=2');
    assert.ok(second.stats.count <= first.stats.count - 2, `not read again (${second.stats.count} queries, the first ${first.stats.count})`);
    assert.equal((await open(c)).result, first.result, 'the same page again');
  });

  test('a saved translation or another instance’s change of a German text shows at once', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const { key, sourceHash } = firstRow((await open(c)).result);
    const saved = await c.post('/app/k/musterland/uebersetzungen/speichern', { lang: 'en', key, text: 'Shown at once', sourceHash, version: '0', zurueck: path });
    assert.equal(saved.status, 303, 'saved');
    assert.match((await open(c)).result, /Shown at once/, 'own translation at once');

    const offerId = key.split(':')[1]!;
    await t().db.transaction(async (tx) => {
      await tx.update(offers).set({ title: 'Anderswo umbenannt' }).where(and(eq(offers.id, offerId)));
      const [row] = await tx.select({ tenantId: offers.tenantId }).from(offers).where(eq(offers.id, offerId));
      await noteChangeWithoutNotify(tx, { id: row!.tenantId });
    });
    assert.match((await open(c)).result, /Anderswo umbenannt/, 'another write at once');
  });
});
