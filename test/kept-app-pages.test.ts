import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { enableQueryStats, withQueryStats } from '../src/db/query-stats.js';
import { systemUser } from '../src/platform/auth/current-user.js';
import { tenants } from '../src/platform/tenancy/schema.js';
import { createTenant } from '../src/modules/tenants/service.js';
import { editions } from '../src/modules/concepts/schema.js';
import { indicators } from '../src/modules/progress/schema.js';
import { noteChangeWithoutNotify } from './support/content-changes.js';
import { describeEachDb, type TestClient } from './support/harness.js';

// Internal pages marked `keptAppPage` (platform/ui/kept-app-page.ts) are served again while nothing in
// their Kommune changed: opened again they cost the frame's check, not a render (issue 9.2). Whatever
// changed in the Kommune, through ikon or another instance, shows at once.
describeEachDb('Interne Seiten: aufbewahrt, solange sich in der Kommune nichts geändert hat', (t) => {
  before(() => enableQueryStats());
  const open = (c: TestClient, path: string) => withQueryStats(async () => (await c.get(path)).text());
  const adopted = async () => (await t().db.select().from(editions).where(eq(editions.status, 'beschlossen')))[0]!;

  test('opened again: the same page after a check; a change by another instance at once', async () => {
    const edition = await adopted();
    const path = `/app/k/musterland/fassungen/${edition.id}/indikatoren`;
    const c = await t().signIn('koordination@musterland.example');
    const first = await open(c, path);
    const second = await open(c, path);
    assert.equal(second.result, first.result, 'the same page');
    assert.ok(first.stats.count >= 5, `the first visit renders (${first.stats.count} queries)`);
    assert.ok(second.stats.count <= 2, `opened again: the session and the check at most (${second.stats.count} queries)`);

    const [indicator] = await t().db.select().from(indicators).where(eq(indicators.editionId, edition.id)).limit(1);
    await t().db.transaction(async (tx) => {
      await tx.update(indicators).set({ name: 'Anderswo umbenannt' }).where(and(eq(indicators.tenantId, edition.tenantId), eq(indicators.id, indicator!.id)));
      await noteChangeWithoutNotify(tx, { id: edition.tenantId });
    });
    assert.match((await open(c, path)).result, /Anderswo umbenannt/, 'a write committed elsewhere shows at once');
  });

  test('another person gets her own page, not a kept one of someone else', async () => {
    const path = '/app/k/musterland/aufmerksamkeit';
    const koordination = await t().signIn('koordination@musterland.example');
    const redaktion = await t().signIn('redaktion@musterland.example');
    const forCoordination = await (await koordination.get(path)).text();
    const forEditor = await (await redaktion.get(path)).text();
    assert.match(forCoordination, /Katrin Koordination/);
    assert.doesNotMatch(forEditor, /Katrin Koordination/, 'not shown as someone else');
    assert.match(forEditor, /Rainer Redaktion/);
  });

  // On PostgreSQL the check is answered from the session query's snapshot and change rows (ContentState,
  // platform/public-changes.ts). A transaction still open when the page was rendered, committed after: the
  // next request must render again. (PGlite has one connection: a page cannot be rendered while it is open.)
  test('PostgreSQL: a change in progress while the page was rendered shows once it is committed', async (ctx) => {
    if (t().kind === 'pglite') return ctx.skip('one connection: no render while a transaction is open');
    const path = '/app/k/musterland/fassungen';
    const c = await t().signIn('koordination@musterland.example');
    await c.get('/app/k/musterland'); // the first page after signing in sets cookies: such a response is not kept
    const edition = await adopted();
    const renamed = `${edition.title} (während der Darstellung geändert)`;
    let release!: () => void;
    let began!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const running = new Promise<void>((r) => (began = r));
    const writing = t().db.transaction(async (tx) => {
      await tx.update(editions).set({ title: renamed }).where(eq(editions.id, edition.id));
      await noteChangeWithoutNotify(tx, { id: edition.tenantId });
      began();
      await held;
    });
    try {
      await running;
      // A later transaction that completes first: the open one is then "in progress" inside the page's snapshot (its xip list).
      await noteChangeWithoutNotify(t().db, { id: '00000000-0000-4000-8000-000000000000' });
      const during = await (await c.get(path)).text();
      assert.doesNotMatch(during, /während der Darstellung geändert/, 'not committed yet');
      const kept = await open(c, path);
      assert.equal(kept.stats.count, 1, 'the page rendered during the transaction is kept');
      release();
      await writing;
      const after = await open(c, path);
      assert.match(after.result, /während der Darstellung geändert/, 'committed: shown at once');
      const again = await open(c, path);
      assert.equal(again.result, after.result);
      assert.equal(again.stats.count, 1, 'opened again: the session query alone, the changes came with it');
    } finally {
      release();
      await writing.catch(() => undefined);
      await t().db.update(editions).set({ title: edition.title }).where(eq(editions.id, edition.id));
      await noteChangeWithoutNotify(t().db, { id: edition.tenantId });
    }
  });

  test("a new Gemeinde is on its Landkreis's gaps matrix at once", async () => {
    const path = '/app/k/musterland/luecken';
    const c = await t().signIn('koordination@musterland.example');
    const before = await (await c.get(path)).text();
    assert.equal((await open(c, path)).result, before, 'kept');
    const [landkreis] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    await createTenant({ db: t().db, user: systemUser }, { ags: `${landkreis!.ags.slice(0, 5)}999`, name: 'Neudorf am Test', kind: 'gemeinde', parentId: landkreis!.id, slug: 'neudorf-am-test' });
    assert.doesNotMatch(before, /Neudorf am Test/);
    assert.match(await (await c.get(path)).text(), /Neudorf am Test/, 'the new Gemeinde is a column at once');
  });
});
