import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actors } from '../actors/schema.js';
import { editions } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';
import { demoInterviews } from './demo.js';
import { interviewActors, interviewMeasures, interviews } from './schema.js';

const app = '/app/k/musterland';

describeEachDb('Gespräche der Bestandsaufnahme', (t) => {
  const county = async () => (await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland')))[0]!;
  const municipality = async (name: string) => (await t().db.select().from(tenants).where(eq(tenants.name, name)))[0]!;
  const actor = async (name: string) => (await t().db.select().from(actors).where(eq(actors.name, name)))[0]!;
  const adoptedMeasure = async (number: string) => {
    const [row] = await t().db.select({ id: measures.id }).from(measures).innerJoin(editions, and(eq(editions.id, measures.editionId), eq(editions.tenantId, measures.tenantId))).where(and(eq(measures.number, number), eq(editions.status, 'beschlossen')));
    return row!;
  };

  test('the demo has an interview for every Gemeinde of Musterland, with actors and measures', async () => {
    const gemeinden = await t().db.select().from(tenants).where(eq(tenants.parentId, (await county()).id));
    const rows = await t().db.select().from(interviews);
    assert.equal(rows.length, demoInterviews.length);
    for (const g of gemeinden) assert.ok(rows.some((r) => r.municipalityId === g.id), `an interview in ${g.name}`);
    assert.ok((await t().db.select().from(interviewActors)).length >= demoInterviews.length, 'actors are linked');
    assert.ok((await t().db.select().from(interviewMeasures)).length >= 10, 'measures are linked');
  });

  test('bad input gets clear German messages and stores nothing', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const before = (await t().db.select().from(interviews)).length;
    const valid = { title: 'Test', heldOn: '2026-02-03', findings: 'Erkenntnis' };
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [{ ...valid, title: '' }, /Bitte ausfüllen/],
      [{ ...valid, heldOn: '' }, /Bitte ausfüllen/],
      [{ ...valid, heldOn: '31.02.2026' }, /Datum/],
      [{ ...valid, findings: '' }, /Bitte ausfüllen/],
      [{ ...valid, municipalityId: (await county()).id }, /angebotenen Werte/],
      [{ ...valid, actorIds: ['00000000-0000-4000-8000-000000000000'] }, /Akteur ist nicht bekannt/],
      [{ ...valid, measureIds: ['nicht-eine-id'] }, /ungültig/],
      [{ ...valid, title: 'x\u0000y' }, /Steuerzeichen/],
    ];
    for (const [form, message] of cases) {
      const res = await c.post(`${app}/gespraeche`, form);
      assert.equal(res.status, 422, `422 for ${JSON.stringify(form)}`);
      assert.match(await res.text(), message);
    }
    assert.equal((await c.post(`${app}/gespraeche`, { ...valid, _csrf: 'falsch' })).status, 403);
    assert.equal((await t().db.select().from(interviews)).length, before, 'nothing stored');
    const reader = await t().signIn('lesend@musterland.example');
    assert.equal((await reader.post(`${app}/gespraeche`, valid)).status, 403, 'readers may not write');
  });

  test('an interview is recorded with actors and measures, found by the internal search only, filtered by Gemeinde, and deleted after asking', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const heidewald = await municipality('Heidewald');
    const jmd = await actor('Jugendmigrationsdienst Musterland');
    const measure = await adoptedMeasure('1.1.1');
    const created = await c.post(`${app}/gespraeche`, {
      title: 'Zweites Gespräch Heidewald', heldOn: '2026-02-03', municipalityId: heidewald.id, participants: 'Leitung JMD', actorIds: [jmd.id],
      themes: 'Wohnungssuche, Zitronenfalterprojekt', findings: 'Die Wohnungssuche dauert über ein Jahr.', conflictPotential: 'Vermieter lehnen ab.', measureIds: [measure.id],
    });
    assert.equal(created.status, 303);
    const [row] = await t().db.select().from(interviews).where(eq(interviews.title, 'Zweites Gespräch Heidewald'));
    assert.ok(row, 'stored');
    const detail = await (await c.get(`${app}/gespraeche/${row.id}`)).text();
    assert.match(detail, /Jugendmigrationsdienst Musterland/);
    assert.match(detail, new RegExp(`href="${app}/massnahmen/${measure.id}"`), 'links the measure');
    const [entry] = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'interview'), eq(auditLog.entityId, row.id)));
    assert.deepEqual((entry!.after as { measureIds: string[] }).measureIds, [measure.id], 'the audit keeps the links');

    const internal = await (await c.get(`${app}/suche?q=Zitronenfalterprojekt`)).text();
    assert.ok(internal.includes(`${app}/gespraeche/${row.id}`), 'the internal search finds the interview');
    const portal = await (await t().client().get('/k/musterland/suche?q=Zitronenfalterprojekt')).text();
    assert.ok(!portal.includes('Zweites Gespräch Heidewald'), 'the portal search does not');

    const filtered = await (await c.get(`${app}/gespraeche?gemeinde=${heidewald.id}`)).text();
    assert.ok(filtered.includes('Zweites Gespräch Heidewald') && filtered.includes('Runder Tisch Ehrenamt Heidewald'), 'both Heidewald interviews');
    assert.ok(!filtered.includes('Netzwerktreffen Integration Musterstadt'), 'not those of Musterstadt');

    const edit = await c.post(`${app}/gespraeche/${row.id}/bearbeiten`, { title: 'Zweites Gespräch Heidewald', heldOn: '2026-02-03', findings: 'Neu', version: '1' });
    assert.equal(edit.status, 303);
    assert.equal((await t().db.select().from(interviewMeasures).where(eq(interviewMeasures.interviewId, row.id))).length, 0, 'links removed on save');
    assert.equal((await c.post(`${app}/gespraeche/${row.id}/bearbeiten`, { title: 'X', heldOn: '2026-02-03', findings: 'Alt', version: '1' })).status, 409, 'an old version is refused');

    assert.match(await (await c.get(`${app}/gespraeche/${row.id}/loeschen`)).text(), /löschen\?/);
    assert.equal((await c.post(`${app}/gespraeche/${row.id}/loeschen`, { version: '2' })).status, 303);
    assert.equal((await t().db.select().from(interviews).where(eq(interviews.id, row.id))).length, 0);
  });

  test('an actor named in interview notes cannot be deleted', async () => {
    const c = await t().signIn('koordination@musterland.example');
    assert.equal((await c.post(`${app}/akteure`, { name: 'Gesprächspartner ohne Maßnahme', kind: 'verein' })).status, 303);
    const a = await actor('Gesprächspartner ohne Maßnahme');
    assert.equal((await c.post(`${app}/gespraeche`, { title: 'Mit Verein', heldOn: '2026-01-10', findings: 'Gut', actorIds: [a.id] })).status, 303);
    const refused = await c.post(`${app}/akteure/${a.id}/loeschen`, { version: String(a.version) });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /Gespräch der Bestandsaufnahme eingetragen/);
  });
});
