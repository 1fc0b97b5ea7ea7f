import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/schema.js';
import { actors } from '../actors/schema.js';
import { editions, fields } from '../concepts/schema.js';
import { describeEachDb, type TestApp } from '../../../test/support/harness.js';
import { measures } from './schema.js';
import { measureById } from './service.js';

async function demo(t: TestApp) {
  const [draft] = await t.db.select().from(editions).where(eq(editions.status, 'entwurf'));
  const [adopted] = await t.db.select().from(editions).where(eq(editions.status, 'beschlossen'));
  const [field] = await t.db.select().from(fields).where(and(eq(fields.editionId, draft!.id), eq(fields.isCrossCutting, false))).limit(1);
  const [soziales] = await t.db.select().from(actors).where(eq(actors.name, 'Fachdienst Soziales'));
  const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(measures))[0]!.n;
  const audits = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
  return { draft: draft!, adopted: adopted!, field: field!, soziales: soziales!, count, audits };
}

describeEachDb('Maßnahmen im internen Bereich', (t) => {
  test('Koordination legt eine Maßnahme an: erst mit Fehlern (nichts gespeichert), dann richtig', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const [measuresBefore, auditsBefore] = [await d.count(), await d.audits()];
    const bad = await c.post(`/app/k/musterland/fassungen/${d.draft.id}/massnahmen`, { number: '', title: '', fieldId: d.field.id, horizon: 'kurz', staffFte: 'viel', endDate: '2020-01-01', startDate: '2021-01-01' });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /Bitte prüfen Sie Ihre Eingaben/);
    assert.match(html, /Bitte ausfüllen\./);
    assert.match(html, /Bitte eine Zahl eingeben/);
    assert.equal(await d.count(), measuresBefore);
    assert.equal(await d.audits(), auditsBefore);

    const ok = await c.post(`/app/k/musterland/fassungen/${d.draft.id}/massnahmen`, {
      number: '9.1.1', title: 'Sprachcafé für Seniorinnen', fieldId: d.field.id, horizon: 'kurz', staffFte: '0,25', costEur: '1.500', targetGroups: 'Seniorinnen, Neuzugewanderte', leadActorId: d.soziales.id, sdgs: ['4', '10'],
    });
    assert.equal(ok.status, 303);
    const [created] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.number, '9.1.1')));
    assert.ok(created);
    assert.equal(created.staffFte, '0.25');
    assert.equal(created.costEur, '1500.00');
    assert.deepEqual((await measureById(t().db, created.tenantId, created.id)).targetGroups, ['Neuzugewanderte', 'Seniorinnen']);
    assert.deepEqual(created.sdgs, [4, 10]);
    const page = await c.get(ok.headers.get('location')!);
    assert.match(await page.text(), /Sprachcafé für Seniorinnen[\s\S]*angelegt/);
  });

  test('dieselbe neue Maßnahme fünfmal zugleich gesendet (Doppelklick): eine wird angelegt, die anderen klar abgelehnt, keine 5xx', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const form = { number: '9.4.4', title: 'Doppelt gesendet', fieldId: d.field.id, horizon: 'kurz' };
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => c.post(`/app/k/musterland/fassungen/${d.draft.id}/massnahmen`, form)));
    const statuses = answers.map((r) => r.status).sort();
    assert.ok(statuses.every((s) => s < 500), `no server error: ${statuses.join(', ')}`);
    assert.equal(statuses.filter((s) => s === 303).length, 1, `one created: ${statuses.join(', ')}`);
    assert.equal(statuses.filter((s) => s === 422).length, 4, `the others refused: ${statuses.join(', ')}`);
    for (const refused of answers.filter((r) => r.status === 422)) assert.match(await refused.text(), /Diese Nummer ist in dieser Fassung schon vergeben\./);
    const [{ n }] = (await t().db.select({ n: sql<number>`count(*)::int` }).from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.number, '9.4.4')))) as [{ n: number }];
    assert.equal(n, 1);
  });

  test('ein Formular nennt alle Probleme auf einmal, jedes beim Namen des Feldes', async () => {
    const d = await demo(t());
    const [existing] = await t().db.select().from(measures).where(eq(measures.editionId, d.draft.id)).limit(1);
    const c = await t().signIn('koordination@musterland.example');
    const bad = await c.post(`/app/k/musterland/fassungen/${d.draft.id}/massnahmen`, {
      number: existing!.number, title: 'Neu', fieldId: '', horizon: 'kurz', costEur: 'teuer', startDate: '2026-05-01', endDate: '2026-01-01',
    });
    assert.equal(bad.status, 422, 'refused');
    const html = await bad.text();
    const summary = /<div[^>]*id="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
    assert.match(summary, /Kosten[^<]*: Bitte eine Zahl eingeben/, 'cost problem named');
    assert.match(summary, /Nr\.[^<]*: Diese Nummer ist in dieser Fassung schon vergeben/, 'duplicate number in the same round');
    assert.match(summary, /Ende[^<]*: Das Ende darf nicht vor dem Beginn liegen/, 'end before start in the same round');
    assert.match(summary, /Themenfeld[^<]*: Bitte ausfüllen/, 'an empty Themenfeld is missing, not invalid');
    assert.doesNotMatch(summary, /Der Wert ist ungültig/, 'no nameless "invalid value"');

    const edit = await c.post(`/app/k/musterland/massnahmen/${existing!.id}/bearbeiten`, {
      number: existing!.number, title: existing!.title, fieldId: existing!.fieldId, horizon: existing!.horizon, costEur: 'teuer', startDate: '2026-05-01', endDate: '2026-01-01', version: String(existing!.version),
    });
    assert.equal(edit.status, 422, 'edit refused');
    const editHtml = await edit.text();
    assert.match(editHtml, /Bitte eine Zahl eingeben/, 'edit: cost problem');
    assert.match(editHtml, /Das Ende darf nicht vor dem Beginn liegen/, 'edit: date order in the same round');
  });

  test('eine neue Maßnahme steht bei ihrer Nummer (1.1.4 vor 1.10.1), nicht am Ende', async () => {
    const d = await demo(t());
    const [first] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.number, '1.1.1')));
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.post(`/app/k/musterland/fassungen/${d.draft.id}/massnahmen`, { number: '1.1.44', title: 'Einsortiert', fieldId: first!.fieldId, horizon: 'kurz' });
    assert.equal(res.status, 303, 'created');
    const inField = await t().db.select({ number: measures.number }).from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.fieldId, first!.fieldId))).orderBy(measures.position);
    const numbers = inField.map((m) => m.number);
    const at = numbers.indexOf('1.1.44');
    assert.ok(at >= 0 && at < numbers.length - 1, `not at the end: ${numbers.join(' ')}`);
    assert.ok(numbers.slice(0, at).every((n) => n.localeCompare('1.1.44', 'de', { numeric: true }) < 0), `everything before sorts before: ${numbers.join(' ')}`);
    assert.ok(numbers[at + 1]!.localeCompare('1.1.44', 'de', { numeric: true }) > 0, `the next one sorts after: ${numbers.join(' ')}`);
  });

  test('der zweite von zwei gleichzeitigen Bearbeitern wird abgewiesen und sieht die andere Änderung', async () => {
    const d = await demo(t());
    // A seeded measure (not one created by another test in this suite): its history starts empty.
    const [m] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.number, '1.1.1')));
    const a = await t().signIn('koordination@musterland.example');
    const b = await t().signIn('koordination@musterland.example');
    const form = (title: string) => ({ number: m!.number, title, fieldId: m!.fieldId, horizon: m!.horizon, priority: m!.priority, status: m!.status, version: String(m!.version) });
    assert.equal((await a.post(`/app/k/musterland/massnahmen/${m!.id}/bearbeiten`, form('Titel von A'))).status, 303);
    const second = await b.post(`/app/k/musterland/massnahmen/${m!.id}/bearbeiten`, form('Titel von B'));
    assert.equal(second.status, 409);
    const html = await second.text();
    assert.match(html, /Ihre Änderung wurde nicht gespeichert/);
    assert.match(html, /Titel von A/, 'shows the saved change');
    assert.match(html, /value="Titel von B"/, 'keeps what B typed');
    const [now] = await t().db.select().from(measures).where(eq(measures.id, m!.id));
    assert.equal(now!.title, 'Titel von A');
    // Saving again (the form now carries the current version) is a deliberate overwrite.
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    assert.equal((await b.post(`/app/k/musterland/massnahmen/${m!.id}/bearbeiten`, { ...form('Titel von B'), version })).status, 303);
    const history = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'measure'), eq(auditLog.entityId, m!.id)));
    assert.equal(history.length, 2);
  });

  test('Rollen: Redaktion bearbeitet nur eigene, Partner nur den Status, Lesend nichts', async () => {
    const d = await demo(t());
    const own = (await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.leadActorId, d.soziales.id))))[0]!;
    const foreign = (await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), sql`${measures.leadActorId} <> ${d.soziales.id}`)))[0]!;
    const form = (m: typeof own, title: string) => ({ number: m.number, title, fieldId: m.fieldId, horizon: m.horizon, leadActorId: m.leadActorId ?? '', version: String(m.version) });
    const redaktion = await t().signIn('redaktion@musterland.example');
    assert.equal((await redaktion.post(`/app/k/musterland/massnahmen/${own.id}/bearbeiten`, form(own, 'Eigene Maßnahme geändert'))).status, 303);
    assert.equal((await redaktion.post(`/app/k/musterland/massnahmen/${foreign.id}/bearbeiten`, form(foreign, 'Fremd'))).status, 403);
    assert.equal((await redaktion.post(`/app/k/musterland/fassungen/${d.draft.id}/massnahmen`, { number: '9.9.9', title: 'x', fieldId: d.field.id, horizon: 'kurz' })).status, 403);

    const lesend = await t().signIn('lesend@musterland.example');
    assert.equal((await lesend.get(`/app/k/musterland/massnahmen/${foreign.id}`)).status, 200);
    assert.equal((await lesend.post(`/app/k/musterland/massnahmen/${foreign.id}/status`, { status: 'umgesetzt', version: String(foreign.version) })).status, 403);

    // The partner account works for the Kreisvolkshochschule: status only, of its own measures.
    const [kvhs] = await t().db.select().from(actors).where(eq(actors.name, 'Kreisvolkshochschule Musterland'));
    const partnerOwn = (await t().db.select().from(measures).where(and(eq(measures.editionId, d.adopted.id), eq(measures.leadActorId, kvhs!.id))))[0]!;
    const partner = await t().signIn('partner@musterland.example');
    assert.equal((await partner.post(`/app/k/musterland/massnahmen/${partnerOwn.id}/status`, { status: 'verstetigt', version: String(partnerOwn.version) })).status, 303);
    assert.equal((await partner.post(`/app/k/musterland/massnahmen/${partnerOwn.id}/bearbeiten`, form(partnerOwn, 'Neu'))).status, 403);
    const [after] = await t().db.select().from(measures).where(eq(measures.id, partnerOwn.id));
    assert.equal(after!.status, 'verstetigt');
  });

  test('Lesend sieht auf der Maßnahmenseite nur, was Lesend tun darf', async () => {
    const d = await demo(t());
    const [m] = await t().db.select().from(measures).where(eq(measures.editionId, d.adopted.id)).limit(1);
    const lesend = await t().signIn('lesend@musterland.example');
    const html = await (await lesend.get(`/app/k/musterland/massnahmen/${m!.id}`)).text();
    assert.doesNotMatch(html, /Sachstände melden/, 'no offer to report');
    assert.doesNotMatch(html, /Nur der Status kann noch geändert werden/, 'no talk of changing the status');
    assert.doesNotMatch(html, /\/status"/, 'no status form');
    assert.match(html, /Umsetzung: Stand und Verlauf ansehen/, 'the implementation page is still linked for reading');
    const coord = await t().signIn('koordination@musterland.example');
    const coordHtml = await (await coord.get(`/app/k/musterland/massnahmen/${m!.id}`)).text();
    assert.match(coordHtml, /Sachstände melden/, 'Koordination is offered to report');
    assert.match(coordHtml, /Nur der Status kann noch geändert werden/, 'Koordination is told what is locked');
  });

  test('eine beschlossene Fassung ist inhaltlich festgeschrieben', async () => {
    const d = await demo(t());
    const [m] = await t().db.select().from(measures).where(eq(measures.editionId, d.adopted.id)).limit(1);
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.post(`/app/k/musterland/massnahmen/${m!.id}/bearbeiten`, { number: m!.number, title: 'geändert', fieldId: m!.fieldId, horizon: m!.horizon, version: String(m!.version) });
    assert.equal(res.status, 409);
    assert.match(await res.text(), /festgeschrieben|nicht mehr geändert/);
  });

  test('Verschieben tauscht die Reihenfolge mit dem Nachbarn', async () => {
    const d = await demo(t());
    const inField = await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.fieldId, d.field.id))).orderBy(measures.position);
    const [first, second] = inField;
    const c = await t().signIn('koordination@musterland.example');
    assert.equal((await c.post(`/app/k/musterland/massnahmen/${second!.id}/verschieben`, { richtung: 'hoch' })).status, 303);
    const [a] = await t().db.select().from(measures).where(eq(measures.id, first!.id));
    const [b] = await t().db.select().from(measures).where(eq(measures.id, second!.id));
    assert.equal(b!.position, first!.position);
    assert.equal(a!.position, second!.position);
  });
});
