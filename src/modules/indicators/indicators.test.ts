import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { editions, fields, goals } from '../concepts/schema.js';
import { indicators, indicatorValues } from '../progress/schema.js';
import { demo, indicatorForm } from './test-helpers.js';

const app = '/app/k/musterland';
const koordination = 'koordination@musterland.example';
const redaktion = 'redaktion@musterland.example';
const partner = 'partner@musterland.example';
const lesend = 'lesend@musterland.example';

describeEachDb('Indikatoren im internen Bereich', (t) => {
  test('Koordination legt einen Indikator zu einem Ziel an: German numbers and dates, audit entry, detail page with chart and table', async () => {
    const d = await demo(t().db);
    const goal = await d.goal('1.3');
    const c = await t().signIn(koordination);
    const res = await c.post(`${app}/fassungen/${d.adopted.id}/indikatoren`, indicatorForm({ goalId: goal.id, name: 'Beratungen Sprachangebote' }));
    assert.equal(res.status, 303);
    const created = await d.indicator('Beratungen Sprachangebote');
    assert.equal(created.goalId, goal.id);
    assert.equal(created.measureId, null);
    assert.equal(Number(created.baselineValue), 1200);
    assert.equal(created.baselineDate, '2023-12-31');
    assert.equal(Number(created.targetValue), 1500);
    assert.equal(created.targetYear, 2027);
    assert.equal(created.isPublic, true);
    assert.equal(res.headers.get('location'), `${app}/indikatoren/${created.id}`);
    const audit = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'indicator'), eq(auditLog.entityId, created.id)));
    assert.deepEqual(audit.map((a) => a.action), ['create']);
    assert.equal(audit[0]!.userName, 'Katrin Koordination');

    const page = await c.get(res.headers.get('location')!);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Der Indikator „Beratungen Sprachangebote“ wurde angelegt\./);
    assert.match(html, /<svg [^>]*role="img"/);
    assert.match(html, /<caption class="kern-title"[^>]*>Werte in Zahlen: <span>Beratungen Sprachangebote<\/span><\/caption>/, "the values table has its caption");
    assert.match(html, /1\.200 Beratungen/);
    assert.match(html, /Ziel 1\.3: Sprachangebote transparent machen/);
    assert.match(html, /Messwert eintragen/);
  });

  test('validation: exactly one of goal and measure, numbers and years, baseline and target in pairs; German messages, nothing saved', async () => {
    const d = await demo(t().db);
    const c = await t().signIn(koordination);
    const goal = await d.goal('1.1');
    const measure = await d.measure('1.1.1');
    const before = await d.counts();
    const none = await c.post(`${app}/fassungen/${d.adopted.id}/indikatoren`, indicatorForm({ goalId: '', measureId: '' }));
    assert.equal(none.status, 422);
    const noneHtml = await none.text();
    assert.match(noneHtml, /Bitte prüfen Sie Ihre Eingaben/);
    assert.match(noneHtml, /Ziel: Bitte ein Ziel oder eine Maßnahme wählen\./);

    const both = await c.post(`${app}/fassungen/${d.adopted.id}/indikatoren`, indicatorForm({ goalId: goal.id, measureId: measure.id }));
    assert.equal(both.status, 422);
    assert.match(await both.text(), /Bitte entweder ein Ziel oder eine Maßnahme wählen, nicht beides\./);

    const bad = await c.post(`${app}/fassungen/${d.adopted.id}/indikatoren`, indicatorForm({ goalId: goal.id, name: '', baselineValue: 'viele', targetValue: '12,5', targetYear: '27', baselineDate: '31.02.2024' }));
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /Name des Indikators: Bitte ausfüllen\./);
    assert.match(html, /Ausgangswert: Bitte eine Zahl eingeben, z\. B\. 0,5\./);
    assert.match(html, /Stichtag des Ausgangswerts: Bitte ein Datum im Format TT\.MM\.JJJJ eingeben\./);
    assert.match(html, /Zieljahr: Bitte eine Jahreszahl zwischen 2000 und 2100 eingeben/);
    assert.match(html, /value="viele"/, 'what was typed is kept');

    const half = await c.post(`${app}/fassungen/${d.adopted.id}/indikatoren`, indicatorForm({ goalId: goal.id, baselineDate: '', targetYear: '' }));
    assert.equal(half.status, 422);
    const halfHtml = await half.text();
    assert.match(halfHtml, /Bitte den Stichtag des Ausgangswerts angeben\./);
    assert.match(halfHtml, /Bitte das Jahr angeben, bis zu dem der Zielwert erreicht sein soll\./);

    // A goal of another edition is not a goal of this one.
    const draftGoal = await d.goal('1.1', d.draft.id);
    const foreign = await c.post(`${app}/fassungen/${d.adopted.id}/indikatoren`, indicatorForm({ goalId: draftGoal.id }));
    assert.equal(foreign.status, 422);
    assert.match(await foreign.text(), /Bitte ein Ziel oder eine Maßnahme dieser Fassung wählen\./);
    assert.deepEqual(await d.counts(), before);
  });

  test('roles: Redaktion keeps indicators of the measures its Fachdienst leads, nothing else; Partner and Lesend only read', async () => {
    const d = await demo(t().db);
    const own = await d.measure('5.1.1'); // Wohnungslotsen, led by Fachdienst Soziales
    const other = await d.measure('1.1.1'); // led by the Koordinierungsstelle
    const goal = await d.goal('5.1');
    const ownIndicator = await d.indicator('Vermittelte Mietverhältnisse aus Gemeinschaftsunterkünften');
    const goalIndicator = await d.indicator('Verweildauer in Gemeinschaftsunterkünften');

    const r = await t().signIn(redaktion);
    assert.equal((await r.post(`${app}/fassungen/${d.adopted.id}/indikatoren`, indicatorForm({ measureId: own.id, name: 'Beratene Haushalte' }))).status, 303);
    assert.ok(await d.indicator('Beratene Haushalte'));
    assert.equal((await r.post(`${app}/fassungen/${d.adopted.id}/indikatoren`, indicatorForm({ measureId: other.id, name: 'Fremd' }))).status, 403);
    assert.equal((await r.post(`${app}/fassungen/${d.adopted.id}/indikatoren`, indicatorForm({ goalId: goal.id, name: 'Fremd' }))).status, 403);
    assert.equal((await r.post(`${app}/indikatoren/${ownIndicator.id}/werte`, { measuredOn: '2026-09-30', value: '60' })).status, 303);
    assert.equal((await r.post(`${app}/indikatoren/${goalIndicator.id}/werte`, { measuredOn: '2026-09-30', value: '16' })).status, 403);
    assert.equal((await r.get(`${app}/indikatoren/${goalIndicator.id}/bearbeiten`)).status, 403);
    // Handing its own indicator over to a goal is not allowed either.
    const ownEdit = await r.post(`${app}/indikatoren/${ownIndicator.id}/bearbeiten`, indicatorForm({ goalId: goal.id, name: ownIndicator.name, version: String(ownIndicator.version) }));
    assert.equal(ownEdit.status, 403);
    // The form offers only its own measures and no goals.
    const form = await (await r.get(`${app}/fassungen/${d.adopted.id}/indikatoren/neu`)).text();
    assert.ok(!form.includes('name="goalId"'));
    assert.match(form, /5\.1\.1 Wohnungslotsen/);
    assert.ok(!form.includes(`value="${other.id}"`));

    for (const email of [partner, lesend]) {
      const c = await t().signIn(email);
      assert.equal((await c.get(`${app}/fassungen/${d.adopted.id}/indikatoren`)).status, 200, `${email} reads the list`);
      const detail = await c.get(`${app}/indikatoren/${ownIndicator.id}`);
      assert.equal(detail.status, 200);
      assert.ok(!(await detail.text()).includes('Messwert eintragen'), `${email} gets no value form`);
      assert.equal((await c.get(`${app}/fassungen/${d.adopted.id}/indikatoren/neu`)).status, 403);
      assert.equal((await c.post(`${app}/indikatoren/${ownIndicator.id}/werte`, { measuredOn: '2026-09-30', value: '1' })).status, 403);
      assert.equal((await c.post(`${app}/fassungen/${d.adopted.id}/indikatoren`, indicatorForm({ measureId: own.id }))).status, 403);
    }
    // Not signed in: to the sign-in page.
    const anonymous = await t().client().get(`${app}/fassungen/${d.adopted.id}/indikatoren`);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location')!, /^\/anmelden/);
  });

  test('the second of two editors gets 409 and sees the other change; nothing is overwritten', async () => {
    const d = await demo(t().db);
    const ind = await d.indicator('Teilnehmende an Integrationskursen');
    const a = await t().signIn(koordination);
    const b = await t().signIn(koordination);
    const form = (name: string) => indicatorForm({ goalId: ind.goalId!, name, unit: 'Personen', version: String(ind.version) });
    assert.equal((await a.post(`${app}/indikatoren/${ind.id}/bearbeiten`, form('Teilnehmende an Integrationskursen (alle Träger)'))).status, 303);
    const second = await b.post(`${app}/indikatoren/${ind.id}/bearbeiten`, form('Teilnehmende an Integrationskursen (nur Kreis)'));
    assert.equal(second.status, 409);
    const html = await second.text();
    assert.match(html, /Jemand anderes hat diesen Indikator inzwischen geändert/);
    assert.match(html, /Teilnehmende an Integrationskursen \(alle Träger\)/, 'shows the saved change');
    assert.match(html, /value="Teilnehmende an Integrationskursen \(nur Kreis\)"/, 'keeps the own input');
    assert.match(html, new RegExp(`name="version" value="${ind.version + 1}"`), 'the form now carries the current version');
    const [row] = await t().db.select().from(indicators).where(eq(indicators.id, ind.id));
    assert.equal(row!.name, 'Teilnehmende an Integrationskursen (alle Träger)');
    assert.equal(row!.version, ind.version + 1);
    // Deleting with a stale version is refused too.
    assert.equal((await b.post(`${app}/indikatoren/${ind.id}/loeschen`, { version: String(ind.version) })).status, 409);
  });

  test('values by hand: German numbers, one per date, not in the future; a wrong one is deleted; both logged', async () => {
    const d = await demo(t().db);
    const ind = await d.indicator('Abschlussquote Sprachkurse B1');
    const c = await t().signIn(koordination);
    const before = (await d.valuesOf(ind.id)).length;
    const ok = await c.post(`${app}/indikatoren/${ind.id}/werte`, { measuredOn: '2026-09-30', value: '1.234,5', note: 'vorläufig', confirmOutOfRange: 'true' }); // per cent: percent.test.ts
    assert.equal(ok.status, 303);
    const values = await d.valuesOf(ind.id);
    assert.equal(values.length, before + 1);
    const added = values.find((v) => v.measuredOn === '2026-09-30')!;
    assert.equal(Number(added.value), 1234.5);
    assert.equal(added.note, 'vorläufig');
    assert.equal(added.createdBy, 'Katrin Koordination');
    const page = await (await c.get(`${app}/indikatoren/${ind.id}`)).text();
    assert.match(page, /1\.234,5 %/);
    assert.equal((page.match(/<circle data-kind="value"/g) ?? []).length, before + 1);

    const twice = await c.post(`${app}/indikatoren/${ind.id}/werte`, { measuredOn: '30.09.2026', value: '55' });
    assert.equal(twice.status, 422);
    assert.match(await twice.text(), /Für dieses Datum ist schon ein Wert eingetragen/);
    const future = await c.post(`${app}/indikatoren/${ind.id}/werte`, { measuredOn: '2099-01-01', value: 'abc' });
    assert.equal(future.status, 422);
    const futureHtml = await future.text();
    assert.match(futureHtml, /Stichtag: Das Datum darf nicht in der Zukunft liegen\./);
    assert.match(futureHtml, /Wert: Bitte eine Zahl eingeben, z\. B\. 0,5\./);
    const missing = await c.post(`${app}/indikatoren/${ind.id}/werte`, { measuredOn: '', value: '' });
    assert.equal(missing.status, 422);
    assert.match(await missing.text(), /Stichtag: Bitte ausfüllen\./);
    assert.equal((await d.valuesOf(ind.id)).length, before + 1);

    const del = await c.post(`${app}/indikatoren/${ind.id}/werte/${added.id}/loeschen`, {});
    assert.equal(del.status, 303);
    assert.equal((await d.valuesOf(ind.id)).length, before);
    const audit = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'indicator_value'), eq(auditLog.entityId, added.id)));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['create', 'delete']);
    // A value of another indicator is not found under this one.
    const other = await d.indicator('Wartezeit bis zum Beginn eines Integrationskurses');
    const [foreignValue] = await d.valuesOf(other.id);
    assert.equal((await c.post(`${app}/indikatoren/${ind.id}/werte/${foreignValue!.id}/loeschen`, {})).status, 404);
  });

  test('monitoring goes on in the adopted edition, but a superseded edition is closed (409)', async () => {
    const d = await demo(t().db);
    const db = t().db;
    const [old] = await db.insert(editions).values({ tenantId: d.tenantId, title: 'Integrationskonzept 2019', status: 'abgeloest' }).returning();
    const [field] = await db.insert(fields).values({ tenantId: d.tenantId, editionId: old!.id, position: 1, title: 'Sprache' }).returning();
    const [goal] = await db.insert(goals).values({ tenantId: d.tenantId, editionId: old!.id, fieldId: field!.id, kind: 'handlungsziel', number: '1.1', position: 1, title: 'Kurse' }).returning();
    const [ind] = await db.insert(indicators).values({ tenantId: d.tenantId, editionId: old!.id, goalId: goal!.id, name: 'Alte Kennzahl', kind: 'output' }).returning();
    const c = await t().signIn(koordination);
    assert.equal((await c.post(`${app}/indikatoren/${ind!.id}/werte`, { measuredOn: '2025-12-31', value: '3' })).status, 409);
    assert.equal((await c.post(`${app}/fassungen/${old!.id}/indikatoren`, indicatorForm({ goalId: goal!.id }))).status, 409);
    assert.equal((await c.get(`${app}/fassungen/${old!.id}/indikatoren/neu`)).status, 409);
    assert.equal((await c.get(`${app}/fassungen/${old!.id}/indikatoren`)).status, 200, 'still readable');
    assert.equal((await db.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, ind!.id))).length, 0);
  });

  test('the list groups by Themenfeld with owner and status; deleting an indicator removes its values', async () => {
    const d = await demo(t().db);
    const c = await t().signIn(koordination);
    const list = await (await c.get(`${app}/fassungen/${d.adopted.id}/indikatoren`)).text();
    assert.match(list, /<h2 [^>]*>Teilhabe durch Sprache<\/h2>/);
    assert.match(list, /Ziel 1\.1: Wartezeiten auf Integrationskurse verkürzen/);
    assert.match(list, /Maßnahme 1\.2\.1: Sprachkurs mit Kinderbetreuung/);
    assert.match(list, /hinter dem Plan/);
    assert.match(list, /im Plan/);
    assert.match(list, /Aktiv vermittelte Ehrenamtliche in Integrationsprojekten<\/a><span class="muted"> \(nicht öffentlich\)/);

    const ind = await d.indicator('Begleitete Kita-Anmeldungen');
    const res = await c.post(`${app}/indikatoren/${ind.id}/loeschen`, { version: String(ind.version) });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${app}/fassungen/${d.adopted.id}/indikatoren`);
    assert.equal((await t().db.select().from(indicators).where(eq(indicators.id, ind.id))).length, 0);
    assert.equal((await d.valuesOf(ind.id)).length, 0);
    assert.equal((await c.get(`${app}/indikatoren/${ind.id}`)).status, 404);
  });

  test('the values download is a re-importable CSV with German numbers and dates', async () => {
    const d = await demo(t().db);
    const c = await t().signIn(lesend);
    const res = await c.get(`${app}/fassungen/${d.adopted.id}/indikatoren/werte.csv`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition')!, /indikatorwerte-integrationskonzept-2024\.csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM, for Excel');
    const text = new TextDecoder().decode(bytes);
    assert.match(text, /^Indikator-ID;Indikator;Datum;Wert;Anmerkung\r\n/);
    assert.match(text, /;Wartezeit bis zum Beginn eines Integrationskurses;31\.12\.2025;11;\r\n/);
    assert.match(text, /;Wartezeit bis zum Beginn eines Integrationskurses;30\.06\.2026;10,5;\r\n/);
  });
});
