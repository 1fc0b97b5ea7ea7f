import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, asc, desc, eq } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/schema.js';
import { editions, fields } from '../concepts/schema.js';
import { describeEachDb, type TestApp } from '../../../test/support/harness.js';
import { measures } from './schema.js';

async function draftField(t: TestApp) {
  const [draft] = await t.db.select().from(editions).where(eq(editions.status, 'entwurf'));
  const [field] = await t.db.select().from(fields).where(and(eq(fields.editionId, draft!.id), eq(fields.isCrossCutting, false))).orderBy(asc(fields.position)).limit(1);
  const order = async () =>
    (await t.db.select({ id: measures.id, number: measures.number }).from(measures).where(and(eq(measures.editionId, draft!.id), eq(measures.fieldId, field!.id))).orderBy(asc(measures.position)));
  return { draft: draft!, field: field!, order };
}

/** The hidden order stamp of a page's form (`name="reihenfolge"`). */
const stampIn = (html: string) => /name="reihenfolge" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '';

describeEachDb('Reihenfolge der Maßnahmen', (t) => {
  test('eine Maßnahme wird in einem Schritt an Position N ihres Themenfelds verschoben (protokolliert)', async () => {
    const d = await draftField(t());
    const before = await d.order();
    assert.ok(before.length >= 4, 'the field has a few measures');
    const last = before.at(-1)!;
    const c = await t().signIn('koordination@musterland.example');
    const page = await (await c.get(`/app/k/musterland/massnahmen/${last.id}`)).text();
    assert.match(page, /Reihenfolge im Themenfeld/, 'the measure page offers the move');
    const res = await c.post(`/app/k/musterland/massnahmen/${last.id}/position`, { position: '2', reihenfolge: stampIn(page) });
    assert.equal(res.status, 303);
    const after = await d.order();
    assert.deepEqual(after.map((m) => m.id), [before[0]!.id, last.id, ...before.slice(1, -1).map((m) => m.id)], 'now second, the rest moved up by one');
    const [entry] = await t().db.select().from(auditLog).where(and(eq(auditLog.entityId, last.id), eq(auditLog.action, 'move'))).orderBy(desc(auditLog.at)).limit(1);
    assert.deepEqual(entry?.after, { position: 2 }, 'audited with the new position');

    // The same (now stale) form again: the order changed since, so nothing happens.
    const stale = await c.post(`/app/k/musterland/massnahmen/${last.id}/position`, { position: '1', reihenfolge: stampIn(page) });
    assert.equal(stale.status, 303);
    assert.deepEqual((await d.order()).map((m) => m.id), after.map((m) => m.id), 'a stale order is refused');
    const flash = await (await c.get(stale.headers.get('location')!)).text();
    assert.match(flash, /Reihenfolge wurde inzwischen geändert/);
  });

  test('ein Themenfeld wird nach Nummer sortiert (1.1.4 vor 1.10.2), nur von der Koordination', async () => {
    const d = await draftField(t());
    const c = await t().signIn('koordination@musterland.example');
    const editionPage = await (await c.get(`/app/k/musterland/fassungen/${d.draft.id}`)).text();
    // Scramble the order by hand first: the last measure to the top.
    const before = await d.order();
    const measurePage = await (await c.get(`/app/k/musterland/massnahmen/${before.at(-1)!.id}`)).text();
    await c.post(`/app/k/musterland/massnahmen/${before.at(-1)!.id}/position`, { position: '1', reihenfolge: stampIn(measurePage) });
    const scrambled = await d.order();
    assert.equal(scrambled[0]!.id, before.at(-1)!.id);

    // The edition page's stamp is from before the move: refused.
    const stale = await c.post(`/app/k/musterland/fassungen/${d.draft.id}/sortieren`, { themenfeld: d.field.id, reihenfolge: stampIn(editionPage) });
    assert.equal(stale.status, 303);
    assert.deepEqual((await d.order()).map((m) => m.id), scrambled.map((m) => m.id), 'stale stamp: nothing sorted');

    const lesend = await t().signIn('lesend@musterland.example');
    const fresh = stampIn(await (await c.get(`/app/k/musterland/fassungen/${d.draft.id}`)).text());
    assert.equal((await lesend.post(`/app/k/musterland/fassungen/${d.draft.id}/sortieren`, { themenfeld: d.field.id, reihenfolge: fresh })).status, 403);

    const ok = await c.post(`/app/k/musterland/fassungen/${d.draft.id}/sortieren`, { themenfeld: d.field.id, reihenfolge: fresh });
    assert.equal(ok.status, 303);
    const numbers = (await d.order()).map((m) => m.number);
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a.localeCompare(b, 'de', { numeric: true })), 'in number order');
    assert.match(await (await c.get(ok.headers.get('location')!)).text(), /Nach Nummer sortiert: \d+ Maßnahmen haben ihren Platz gewechselt/);
    const [entry] = await t().db.select().from(auditLog).where(and(eq(auditLog.entityId, d.field.id), eq(auditLog.action, 'move'))).orderBy(desc(auditLog.at)).limit(1);
    assert.ok(entry, 'sorting is audited on the Themenfeld');
  });

  test('die Gliederung der Fassung ist zugeklappt und nennt, was sie enthält', async () => {
    const d = await draftField(t());
    const c = await t().signIn('koordination@musterland.example');
    const html = await (await c.get(`/app/k/musterland/fassungen/${d.draft.id}`)).text();
    assert.match(html, /<details class="outline-fold" id="gliederung">\s*<summary>[\s\S]*?Leitlinien \(\d+\), Themenfelder \(\d+\) und Ziele \(\d+\)/, 'folded, with counts');
    const open = await (await c.get(`/app/k/musterland/fassungen/${d.draft.id}?gliederung=offen`)).text();
    assert.match(open, /<details class="outline-fold" id="gliederung" open/, 'open when coming back from editing it');
  });
});
