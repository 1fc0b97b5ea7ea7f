import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { searchEdition } from '../search/service.js';
import { editions, guidelines } from './schema.js';

describeEachDb('Fassungen und Leitlinien', (t) => {
  test('Beschluss einer Fassung löst die bisher beschlossene ab (immer nur eine beschlossen)', async () => {
    const [draft] = await t().db.select().from(editions).where(eq(editions.status, 'entwurf'));
    const c = await t().signIn('koordination@musterland.example');
    const base = `/app/k/musterland/fassungen/${draft!.id}`;
    assert.equal((await c.post(`${base}/status`, { to: 'beschlossen', adoptedOn: '2026-12-14', version: String(draft!.version) })).status, 409, 'Entwurf cannot jump to beschlossen');
    assert.equal((await c.post(`${base}/status`, { to: 'zur_beschlussfassung', version: String(draft!.version) })).status, 303);
    const missingDate = await c.post(`${base}/status`, { to: 'beschlossen', version: String(draft!.version + 1) });
    assert.equal(missingDate.status, 422);
    assert.match(await missingDate.text(), /Datum des Beschlusses/);
    assert.equal((await c.post(`${base}/status`, { to: 'beschlossen', adoptedOn: '2026-12-14', version: String(draft!.version + 1) })).status, 303);
    const all = await t().db.select().from(editions);
    assert.deepEqual(all.filter((e) => e.status === 'beschlossen').map((e) => e.id), [draft!.id]);
    assert.equal(all.filter((e) => e.status === 'abgeloest').length, 1);
  });

  test('Leitlinien anlegen, umsortieren, löschen – jeweils mit Protokolleintrag', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.post('/app/k/musterland/fassungen', { title: 'Integrationskonzept 2028' });
    assert.equal(res.status, 303);
    const editionId = res.headers.get('location')!.split('/').pop()!;
    for (const title of ['Erste', 'Zweite']) assert.equal((await c.post(`/app/k/musterland/fassungen/${editionId}/leitlinien`, { title })).status, 303);
    assert.equal((await c.post(`/app/k/musterland/fassungen/${editionId}/leitlinien`, { title: '' })).status, 422);
    const rows = await t().db.select().from(guidelines).where(eq(guidelines.editionId, editionId)).orderBy(guidelines.position);
    assert.deepEqual(rows.map((r) => r.title), ['Erste', 'Zweite']);
    await c.post(`/app/k/musterland/leitlinien/${rows[1]!.id}/verschieben`, { richtung: 'hoch' });
    const moved = await t().db.select().from(guidelines).where(eq(guidelines.editionId, editionId)).orderBy(guidelines.position);
    assert.deepEqual(moved.map((r) => r.title), ['Zweite', 'Erste']);
    assert.equal((await c.post(`/app/k/musterland/leitlinien/${rows[0]!.id}/loeschen`, { version: rows[0]!.version })).status, 303);
    assert.equal((await t().db.select().from(guidelines).where(eq(guidelines.editionId, editionId))).length, 1);
    const lesend = await t().signIn('lesend@musterland.example');
    assert.equal((await lesend.post(`/app/k/musterland/fassungen/${editionId}/leitlinien`, { title: 'x' })).status, 403);
  });

  test('die Suche findet „Sprachkurse“ für „Sprachkurs“ und verzeiht Tippfehler', async () => {
    const [adopted] = await t().db.select().from(editions).where(eq(editions.status, 'beschlossen'));
    const tenantId = adopted!.tenantId;
    const hits = await searchEdition(t().db, tenantId, adopted!.id, 'Sprachkurs');
    assert.ok(hits.some((h) => /Sprachkurse/.test(h.title)), 'stemmed match');
    const typo = await searchEdition(t().db, tenantId, adopted!.id, 'Sprahkurs');
    assert.ok(typo.some((h) => /Sprachkurs/.test(h.title)), 'typo-tolerant match');
    assert.deepEqual(await searchEdition(t().db, tenantId, adopted!.id, '   '), []);
  });
});
