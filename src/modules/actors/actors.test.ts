import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { actors } from './schema.js';

describeEachDb('Akteursverzeichnis', (t) => {
  test('Koordination legt einen Akteur an, ein doppelter Name wird abgewiesen', async () => {
    const c = await t().signIn('koordination@musterland.example');
    assert.equal((await c.post('/app/k/musterland/akteure', { name: 'Nachbarschaftshilfe Heidewald e. V.', kind: 'ehrenamt' })).status, 303);
    const dup = await c.post('/app/k/musterland/akteure', { name: 'nachbarschaftshilfe heidewald e. V.', kind: 'ehrenamt' });
    assert.equal(dup.status, 422);
    assert.match(await dup.text(), /Einen Akteur mit diesem Namen gibt es schon/);
    const [row] = await t().db.select().from(actors).where(eq(actors.name, 'Nachbarschaftshilfe Heidewald e. V.'));
    const entries = await t().db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    assert.equal(entries.length, 1);
  });

  test('Akteure mit Maßnahmen oder Mitgliedern lassen sich nicht löschen, unbenutzte schon', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const [soziales] = await t().db.select().from(actors).where(eq(actors.name, 'Fachdienst Soziales'));
    const inUse = await c.post(`/app/k/musterland/akteure/${soziales!.id}/loeschen`, { version: soziales!.version });
    assert.equal(inUse.status, 409);
    // The redaktion account answers for the Fachdienst Soziales: even without measures it must stay.
    await t().db.execute(sql`delete from measure_partners where actor_id = ${soziales!.id}`);
    await t().db.execute(sql`update measures set lead_actor_id = null where lead_actor_id = ${soziales!.id}`);
    const linked = await c.post(`/app/k/musterland/akteure/${soziales!.id}/loeschen`, { version: soziales!.version });
    assert.equal(linked.status, 409);
    assert.match(await linked.text(), /Person(en)? oder Einladung(en)?/, 'names the people or invitations');
    const created = await c.post('/app/k/musterland/akteure', { name: 'Einmaliger Akteur', kind: 'sonstige' });
    assert.equal(created.status, 303);
    const [fresh] = await t().db.select().from(actors).where(eq(actors.name, 'Einmaliger Akteur'));
    assert.equal((await c.post(`/app/k/musterland/akteure/${fresh!.id}/loeschen`, { version: fresh!.version })).status, 303);
    assert.equal((await t().db.select().from(actors).where(eq(actors.id, fresh!.id))).length, 0);
  });

  test('Lesende sehen das Verzeichnis, dürfen es aber nicht ändern', async () => {
    const c = await t().signIn('lesend@musterland.example');
    assert.equal((await c.get('/app/k/musterland/akteure')).status, 200);
    assert.equal((await c.post('/app/k/musterland/akteure', { name: 'X', kind: 'sonstige' })).status, 403);
  });
});
