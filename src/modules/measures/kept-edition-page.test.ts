import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { enableQueryStats, withQueryStats } from '../../db/query-stats.js';
import { noteChangeWithoutNotify } from '../../../test/support/content-changes.js';
import { describeEachDb, type TestClient } from '../../../test/support/harness.js';
import { editions, fields } from '../concepts/schema.js';
import { measures } from './schema.js';

// The edition page is kept per person and session while nothing in the Kommune changed
// (platform/http/kept-page.ts): opened again, it costs one check instead of a render.
describeEachDb('Fassungsseite: aufbewahrt, solange sich nichts geändert hat', (t) => {
  before(() => enableQueryStats());
  const draft = async () => (await t().db.select().from(editions).where(eq(editions.status, 'entwurf')))[0]!;
  const open = (c: TestClient, path: string) => withQueryStats(async () => (await c.get(path)).text());

  test('opened again: the same page after one check, not a render', async () => {
    const path = `/app/k/musterland/fassungen/${(await draft()).id}?seite=1`;
    const c = await t().signIn('koordination@musterland.example');
    const first = await open(c, path);
    const second = await open(c, path);
    assert.equal(second.result, first.result, 'the same page');
    // 7 queries, and one more when it is the first render since this process pruned old change rows (platform/public-changes.ts):
    // in a lane of test files (scripts/lanes.mjs) an earlier file's render may have pruned already.
    assert.ok(first.stats.count >= 7, `the first request renders (${first.stats.count} queries)`);
    assert.ok(second.stats.count <= first.stats.count - 6, `the second only checks (${second.stats.count} queries, the render took ${first.stats.count})`);
    // On PostgreSQL the frame's session query, which brings the Kommune's changes along for the check (the check was a query
    // of its own before session 14); on PGlite neither while nothing was written (this
    // process noted every write itself). A third visit: the first render of a process prunes old change rows, a write.
    const third = await open(c, path);
    assert.equal(third.result, first.result, 'the same page again');
    assert.equal(third.stats.count, t().kind === 'pglite' ? 0 : 1, 'on PostgreSQL the session with the changes, on PGlite nothing');
  });

  test('a change in the Kommune, by this person or anyone, shows at once', async () => {
    const edition = await draft();
    const path = `/app/k/musterland/fassungen/${edition.id}?seite=1`;
    const c = await t().signIn('koordination@musterland.example');
    const [m] = await t().db.select().from(measures).where(eq(measures.editionId, edition.id)).orderBy(asc(measures.number)).limit(1);
    await c.get(path);
    await c.get(path);
    const saved = await c.post(`/app/k/musterland/massnahmen/${m!.id}/bearbeiten`, { number: m!.number, title: 'Aufbewahrt? Nein: neu gezeigt', fieldId: m!.fieldId, horizon: m!.horizon, version: String(m!.version) });
    assert.equal(saved.status, 303, 'the measure is saved');
    const after = await (await c.get(path)).text();
    assert.match(after, /Aufbewahrt\? Nein: neu gezeigt/, 'own change at once');

    // Another instance's write whose NOTIFY has not arrived: the committed row is enough.
    await t().db.transaction(async (tx) => {
      await tx.update(measures).set({ title: 'Von woanders geändert' }).where(and(eq(measures.editionId, edition.id), eq(measures.id, m!.id)));
      await noteChangeWithoutNotify(tx, { id: edition.tenantId });
    });
    assert.match(await (await c.get(path)).text(), /Von woanders geändert/, 'another write at once');
  });

  test('each person gets her own page; a one-time message is shown once and not kept', async () => {
    const edition = await draft();
    const path = `/app/k/musterland/fassungen/${edition.id}`;
    const koordination = await t().signIn('koordination@musterland.example');
    const lesend = await t().signIn('lesend@musterland.example');
    const forCoordination = await (await koordination.get(path)).text();
    const forReader = await (await lesend.get(path)).text();
    assert.match(forCoordination, /massnahmen\/neu"/, 'Koordination may add measures');
    assert.doesNotMatch(forReader, /massnahmen\/neu"/, 'the reader is not offered what she may not do');
    assert.doesNotMatch(forReader, /Katrin Koordination/, 'nor shown as someone else');

    const [field] = await t().db.select().from(fields).where(and(eq(fields.editionId, edition.id), eq(fields.isCrossCutting, false))).orderBy(asc(fields.position)).limit(1);
    const stamp = /name="reihenfolge" value="([0-9a-f]+)"/.exec(forCoordination)?.[1] ?? '';
    const sorted = await koordination.post(`${path}/sortieren`, { themenfeld: field!.id, reihenfolge: stamp });
    assert.equal(sorted.status, 303, 'sorted, with a one-time message');
    const location = sorted.headers.get('location')!;
    const withMessage = await (await koordination.get(location)).text();
    const next = await (await koordination.get(location)).text();
    const message = /<div class="kern-alert[^"]*"[^>]*role="status"[\s\S]*?<\/div>/.exec(withMessage)?.[0];
    assert.ok(message, 'the one-time message is shown');
    assert.ok(!next.includes(message), 'and not again from a kept page');
  });
});
