import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { enableQueryStats, withQueryStats } from '../../db/query-stats.js';
import { noteChangeWithoutNotify } from '../../../test/support/content-changes.js';
import { describeEachDb, type TestClient } from '../../../test/support/harness.js';
import { editions } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';

// The comparison of two editions is kept while nothing in the Kommune changed (snapshot.ts,
// platform/kept-derived.ts): opened again, it is not loaded again; any committed write shows at once.
describeEachDb('Vergleich zweier Fassungen: aufbewahrt, solange sich nichts geändert hat', (t) => {
  before(() => enableQueryStats());
  const pair = async () => {
    const [draft] = await t().db.select().from(editions).where(eq(editions.status, 'entwurf'));
    const [adopted] = await t().db.select().from(editions).where(eq(editions.status, 'beschlossen'));
    return { draft: draft!, path: `/app/k/musterland/fassungen/vergleich?von=${adopted!.id}&zu=${draft!.id}` };
  };
  const open = (c: TestClient, path: string) => withQueryStats(async () => (await c.get(path)).text());

  test('opened again, by anyone: the same page without loading the editions again; the export uses it too', async () => {
    const { path } = await pair();
    const c = await t().signIn('koordination@musterland.example');
    const first = await open(c, path);
    const second = await open(c, path);
    assert.equal(second.result, first.result, 'the same page');
    assert.ok(second.stats.count <= first.stats.count - 5, `not loaded again (${second.stats.count} queries, the first ${first.stats.count})`);
    const other = await t().signIn('lesend@musterland.example');
    const theirs = await open(other, path);
    assert.ok(theirs.stats.count <= first.stats.count - 5, `another person: not loaded again either (${theirs.stats.count} queries)`);
    const { stats } = await withQueryStats(async () => (await c.get(path.replace('vergleich?', 'vergleich.xlsx?'))).arrayBuffer());
    assert.ok(stats.count <= 4, `the export of the same comparison loads nothing again (${stats.count} queries)`);
  });

  test('a change in the Kommune, by this person or anyone, shows at once', async () => {
    const { draft, path } = await pair();
    const c = await t().signIn('koordination@musterland.example');
    const [m] = await t().db.select().from(measures).where(eq(measures.editionId, draft.id)).orderBy(asc(measures.number)).limit(1);
    await c.get(path);
    await c.get(path);
    const saved = await c.post(`/app/k/musterland/massnahmen/${m!.id}/bearbeiten`, { number: m!.number, title: 'Im Vergleich sofort sichtbar', fieldId: m!.fieldId, horizon: m!.horizon, version: String(m!.version) });
    assert.equal(saved.status, 303, 'the measure is saved');
    assert.match(await (await c.get(path)).text(), /Im Vergleich sofort sichtbar/, 'own change at once');

    // Another instance's write whose NOTIFY has not arrived: the committed row is enough.
    await t().db.transaction(async (tx) => {
      await tx.update(measures).set({ title: 'Von woanders geändert' }).where(and(eq(measures.editionId, draft.id), eq(measures.id, m!.id)));
      await noteChangeWithoutNotify(tx, { id: draft.tenantId });
    });
    assert.match(await (await c.get(path)).text(), /Von woanders geändert/, 'another write at once');
  });
});
