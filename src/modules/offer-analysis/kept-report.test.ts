import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { enableQueryStats, withQueryStats } from '../../db/query-stats.js';
import { noteChangeWithoutNotify } from '../../../test/support/content-changes.js';
import { describeEachDb, type TestClient } from '../../../test/support/harness.js';
import { offers } from '../offers/schema.js';

// The Doppelstrukturen report is kept while nothing in the Kommune changed (routes.tsx,
// platform/kept-derived.ts): opened again, the offers are not read and scored again; any committed
// write shows at once.
describeEachDb('Doppelstrukturen: aufbewahrt, solange sich nichts geändert hat', (t) => {
  before(() => enableQueryStats());
  const path = '/app/k/musterland/doppelstrukturen';
  const open = (c: TestClient) => withQueryStats(async () => (await c.get(path)).text());
  const pairOf = (html: string) => {
    const m = /name="a" value="([0-9a-f-]{36})"[\s\S]*?name="b" value="([0-9a-f-]{36})"/.exec(html);
    return { a: m![1]!, b: m![2]! };
  };

  test('opened again, by anyone: the same report without reading the offers again', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const first = await open(c);
    const second = await open(c);
    assert.equal(second.result, first.result, 'the same page');
    assert.ok(second.stats.count <= first.stats.count - 3, `not read again (${second.stats.count} queries, the first ${first.stats.count})`);
    const other = await open(await t().signIn('redaktion@musterland.example'));
    assert.ok(other.stats.count <= first.stats.count - 3, `another person: not read again either (${other.stats.count} queries)`);
  });

  test('a decision or a changed offer, by this person or anyone, shows at once', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const before = (await open(c)).result;
    const { a, b } = pairOf(before);
    const decided = await c.post(`${path}/kein-duplikat`, { a, b, note: 'Sofort sichtbar' });
    assert.equal(decided.status, 303, 'decided');
    const after = await (await c.get(path)).text();
    assert.match(after, /Sofort sichtbar/, 'own decision at once');

    // Another instance's write whose NOTIFY has not arrived: the committed row is enough.
    await t().db.transaction(async (tx) => {
      await tx.update(offers).set({ title: 'Von woanders umbenannt' }).where(eq(offers.id, a));
      const [row] = await tx.select({ tenantId: offers.tenantId }).from(offers).where(eq(offers.id, a));
      await noteChangeWithoutNotify(tx, { id: row!.tenantId });
    });
    assert.match(await (await c.get(path)).text(), /Von woanders umbenannt/, 'another write at once');
  });
});
