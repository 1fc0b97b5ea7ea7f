import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { and, desc, eq, getTableName, inArray, ne, sql } from 'drizzle-orm';
import { describeEachDb, type TestApp } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { AppError } from '../../platform/errors.js';
import { actors } from '../actors/schema.js';
import { measureCrossCutting, measureGoals, measureMunicipalities, measurePartners, measures } from '../measures/schema.js';
import { indicators, indicatorValues } from '../progress/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { editions, fields, goals, guidelines } from '../concepts/schema.js';
import { diffEditions } from './diff.js';
import { startFortschreibung } from './service.js';
import { editionSnapshot } from './snapshot.js';

const base = '/app/k/musterland';
const startPath = `${base}/fassungen/fortschreibung`;

async function demo(t: TestApp) {
  const [tenant] = await t.db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
  const [adopted] = await t.db.select().from(editions).where(and(eq(editions.tenantId, tenant!.id), eq(editions.status, 'beschlossen')));
  return { tenant: tenant!, adopted: adopted! };
}

/** Removes every edition still in the works (the seeded draft, earlier test copies). */
async function removeDrafts(t: TestApp, tenantId: string) {
  await t.db.delete(editions).where(and(eq(editions.tenantId, tenantId), ne(editions.status, 'beschlossen'), ne(editions.status, 'abgeloest')));
}

/** A fresh Fortschreibung of the adopted edition, started through the form by Koordination. */
async function freshCopy(t: TestApp, title = 'Integrationskonzept 2026 (Fortschreibung)') {
  const { tenant, adopted } = await demo(t);
  await removeDrafts(t, tenant.id);
  const c = await t.signIn('koordination@musterland.example');
  const started = performance.now();
  const res = await c.post(startPath, { title, from: adopted.id });
  const ms = performance.now() - started;
  assert.equal(res.status, 303, await res.text());
  const id = res.headers.get('location')!.split('/').pop()!;
  const [edition] = await t.db.select().from(editions).where(eq(editions.id, id));
  return { tenant, adopted, edition: edition!, client: c, ms };
}

const idsOf = async (t: TestApp, table: typeof guidelines | typeof fields | typeof goals | typeof measures | typeof indicators, editionId: string) =>
  t.db.select().from(table as typeof guidelines).where(eq((table as typeof guidelines).editionId, editionId));

/** Copy: change 1.1.1's title and lead, delete 1.1.2, add 9.9.9. */
async function changedCopy(t: TestApp) {
  const copy = await freshCopy(t);
  const ms = await t.db.select().from(measures).where(eq(measures.editionId, copy.edition.id)).orderBy(measures.number);
  const changed = ms.find((m) => m.leadActorId)!;
  const removed = ms.find((m) => m.id !== changed.id)!;
  const [oldLead] = await t.db.select().from(actors).where(eq(actors.id, changed.leadActorId!));
  const [newLead] = await t.db.select().from(actors).where(and(eq(actors.tenantId, copy.tenant.id), ne(actors.id, changed.leadActorId!))).limit(1);
  const newTitle = `${changed.title} – erweitert`;
  await t.db.update(measures).set({ title: newTitle, leadActorId: newLead!.id }).where(eq(measures.id, changed.id));
  await t.db.delete(measures).where(eq(measures.id, removed.id));
  const [field] = await t.db.select().from(fields).where(and(eq(fields.editionId, copy.edition.id), eq(fields.isCrossCutting, false))).limit(1);
  const [added] = await t.db
    .insert(measures)
    .values({ tenantId: copy.tenant.id, editionId: copy.edition.id, fieldId: field!.id, number: '9.9.9', position: 999, title: 'Neue Lotsen für Neuzugewanderte', horizon: 'kurz' })
    .returning();
  return { ...copy, changed, removed, added: added!, oldTitle: changed.title, newTitle, oldLead: oldLead!.name, newLead: newLead!.name };
}

describeEachDb('Fortschreibung', (t) => {
  test('die Kopie ist vollständig: jede Tabelle gleich groß, jede Kopie kennt ihr Original, Verknüpfungen, Status und Fortschritt übernommen', async () => {
    const { tenant, adopted } = await demo(t());
    // Give the adopted edition what the demo lacks: progress, weights, indicators with values.
    const someMeasures = await t().db.select().from(measures).where(eq(measures.editionId, adopted.id)).orderBy(measures.number).limit(5);
    for (const [i, m] of someMeasures.entries()) await t().db.update(measures).set({ progress: 10 * (i + 1), weight: String(i + 1) }).where(eq(measures.id, m.id));
    const [goal] = await t().db.select().from(goals).where(eq(goals.editionId, adopted.id)).limit(1);
    const made = await t()
      .db.insert(indicators)
      .values([
        { tenantId: tenant.id, editionId: adopted.id, goalId: goal!.id, name: 'Teilnehmende an Sprachkursen', kind: 'output', baselineValue: '120', targetValue: '200', targetYear: 2028 },
        { tenantId: tenant.id, editionId: adopted.id, measureId: someMeasures[0]!.id, name: 'Beratungen pro Jahr', kind: 'output', baselineValue: '40', targetValue: '80' },
      ])
      .returning();
    await t().db.insert(indicatorValues).values({ tenantId: tenant.id, indicatorId: made[0]!.id, measuredOn: '2025-06-30', value: '150', createdBy: 'Test' });

    const copy = await freshCopy(t());
    const [measureCount] = await t().db.select({ n: sql<number>`count(*)::int` }).from(measures).where(eq(measures.editionId, copy.edition.id));
    console.log(`[fortschreibung] ${t().kind}: copied ${measureCount!.n} measures with links and indicators in ${copy.ms.toFixed(0)} ms (whole POST)`);

    assert.equal(copy.edition.status, 'entwurf');
    assert.equal(copy.edition.predecessorId, adopted.id);
    assert.equal(copy.edition.title, 'Integrationskonzept 2026 (Fortschreibung)');
    assert.equal(copy.edition.introduction, adopted.introduction);

    // Every table: same number of rows; predecessors are exactly the originals.
    const oldToNew = new Map<string, string>();
    for (const table of [guidelines, fields, goals, measures, indicators] as const) {
      const before = await idsOf(t(), table, adopted.id);
      const after = await idsOf(t(), table, copy.edition.id);
      assert.ok(before.length > 0, `the adopted edition has rows in ${String(table)}`);
      assert.equal(after.length, before.length);
      const originals = new Set(before.map((r) => r.id));
      assert.ok(after.every((r) => r.predecessorId && originals.has(r.predecessorId)), 'every copy has its predecessor in the adopted edition');
      assert.equal(new Set(after.map((r) => r.predecessorId)).size, after.length, 'one copy per original');
      for (const r of after) oldToNew.set(r.predecessorId!, r.id);
    }

    // Measures: every column carried over (status, progress, weight included), the field mapped.
    const oldMeasures = await t().db.select().from(measures).where(eq(measures.editionId, adopted.id));
    const newMeasures = new Map((await t().db.select().from(measures).where(eq(measures.editionId, copy.edition.id))).map((m) => [m.predecessorId, m]));
    const ignored = new Set(['id', 'editionId', 'fieldId', 'predecessorId', 'createdAt', 'updatedAt', 'version', 'searchVector']);
    for (const m of oldMeasures) {
      const n = newMeasures.get(m.id)!;
      assert.equal(n.fieldId, oldToNew.get(m.fieldId));
      for (const [k, v] of Object.entries(m)) if (!ignored.has(k)) assert.deepEqual((n as any)[k], v, `${m.number}.${k}`);
    }
    assert.deepEqual(
      someMeasures.map((m) => [newMeasures.get(m.id)!.progress, Number(newMeasures.get(m.id)!.weight)]),
      [[10, 1], [20, 2], [30, 3], [40, 4], [50, 5]],
    );
    assert.ok(oldMeasures.some((m) => m.status !== 'geplant'), 'the demo has measures beyond "geplant"');

    // Goals point at the copied fields.
    const newGoals = await t().db.select().from(goals).where(eq(goals.editionId, copy.edition.id));
    const oldGoals = new Map((await t().db.select().from(goals).where(eq(goals.editionId, adopted.id))).map((g) => [g.id, g]));
    for (const g of newGoals) assert.equal(g.fieldId, oldToNew.get(oldGoals.get(g.predecessorId!)!.fieldId));

    // Link tables: the same pairs, mapped to the copies (actors and Gemeinden stay the same).
    const oldIds = oldMeasures.map((m) => m.id);
    const newIds = [...newMeasures.values()].map((m) => m.id);
    const pairs = async (table: typeof measureGoals | typeof measurePartners | typeof measureCrossCutting | typeof measureMunicipalities, other: string, ids: string[], map: (id: string) => string) => {
      const rows = (await t().db.select().from(table as typeof measureGoals).where(inArray((table as typeof measureGoals).measureId, ids))) as any[];
      return rows.map((r) => `${map(r.measureId)}→${map(r[other])}`).sort();
    };
    const newToOld = new Map([...oldToNew].map(([o, n]) => [n, o]));
    const back = (id: string) => newToOld.get(id) ?? id;
    for (const [table, other] of [[measureGoals, 'goalId'], [measurePartners, 'actorId'], [measureCrossCutting, 'fieldId'], [measureMunicipalities, 'municipalityId']] as const) {
      const before = await pairs(table, other, oldIds, (x) => x);
      const after = await pairs(table, other, newIds, back);
      assert.ok(before.length > 0, `the demo has ${other} links`);
      assert.deepEqual(after, before, `${other} links copied`);
    }

    // Indicators: definitions copied onto the copied goal/measure; values stay with the original.
    const newIndicators = await t().db.select().from(indicators).where(eq(indicators.editionId, copy.edition.id));
    const byName = new Map(newIndicators.map((i) => [i.name, i]));
    assert.equal(byName.get('Teilnehmende an Sprachkursen')!.goalId, oldToNew.get(goal!.id));
    assert.equal(Number(byName.get('Teilnehmende an Sprachkursen')!.baselineValue), 120);
    assert.equal(Number(byName.get('Teilnehmende an Sprachkursen')!.targetValue), 200);
    assert.equal(byName.get('Beratungen pro Jahr')!.measureId, oldToNew.get(someMeasures[0]!.id));
    const copiedValues = await t().db.select().from(indicatorValues).where(inArray(indicatorValues.indicatorId, newIndicators.map((i) => i.id)));
    assert.equal(copiedValues.length, 0);

    // The adopted edition is untouched, and nothing changed in the comparison.
    const diff = diffEditions(await editionSnapshot(t().db, tenant.id, adopted.id), await editionSnapshot(t().db, tenant.id, copy.edition.id));
    assert.equal(diff.matchedBy, 'lineage');
    assert.deepEqual(diff.items, { guidelines: [], fields: [], goals: [], measures: [] });
    assert.equal(diff.unchanged.measures, oldMeasures.length);
  });

  test('eine zweite Fortschreibung derselben Fassung wird abgelehnt, mit Verweis auf die vorhandene', async () => {
    const copy = await freshCopy(t());
    const again = await copy.client.post(startPath, { title: 'Noch eine', from: copy.adopted.id });
    assert.equal(again.status, 409);
    const html = await again.text();
    assert.match(html, /bereits eine Fortschreibung in Arbeit: „Integrationskonzept 2026 \(Fortschreibung\)“/);
    assert.ok(html.includes(`href="${base}/fassungen/${copy.edition.id}"`), 'links to the edition in the works');
    // Also while the draft is in Beteiligung.
    await t().db.update(editions).set({ status: 'beteiligung' }).where(eq(editions.id, copy.edition.id));
    const page = await copy.client.get(startPath);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Es wird bereits eine Fortschreibung bearbeitet/);
    const user: CurrentUser = { id: null, email: 'k@example.org', name: 'K', isPlatformAdmin: false, memberships: [{ tenantId: copy.tenant.id, tenantSlug: 'musterland', tenantName: 'x', role: 'koordination', actorId: null }] };
    await assert.rejects(
      startFortschreibung({ db: t().db, user }, copy.tenant.id, {}),
      (e: unknown) => e instanceof AppError && e.code === 'conflict' && e.messageKey === 'fortschreibung.error.draft_exists' && e.options.detail?.editionId === copy.edition.id,
    );
    const count = await t().db.select().from(editions).where(eq(editions.predecessorId, copy.adopted.id));
    assert.equal(count.length, 1);
  });

  test('nur die Koordination legt eine Fortschreibung an; ansehen und vergleichen darf jedes Mitglied', async () => {
    const { tenant, adopted } = await demo(t());
    await removeDrafts(t(), tenant.id);
    for (const email of ['redaktion@musterland.example', 'partner@musterland.example', 'lesend@musterland.example']) {
      const c = await t().signIn(email);
      assert.equal((await c.get(startPath)).status, 403, `${email} GET`);
      assert.equal((await c.post(startPath, { title: 'X', from: adopted.id })).status, 403, `${email} POST`);
      assert.equal((await c.get(`${base}/einstellungen/fortschreibung`)).status, 403, `${email} settings`);
      assert.equal((await c.post(`${base}/einstellungen/fortschreibung`, { updateIntervalMonths: '12', version: '1' })).status, 403);
    }
    assert.equal((await t().db.select().from(editions).where(eq(editions.predecessorId, adopted.id))).length, 0, 'nothing was created');
    const lesend = await t().signIn('lesend@musterland.example');
    assert.equal((await lesend.get(`${base}/fassungen/vergleich`)).status, 200);
    assert.equal((await t().client().get(startPath)).status, 303, 'signed out: to the sign-in page');
    const k = await t().signIn('koordination@musterland.example');
    const form = await k.get(startPath);
    assert.equal(form.status, 200);
    const html = await form.text();
    assert.match(html, /Was übernommen wird/);
    assert.match(html, /168 Maßnahmen|\d+ Maßnahmen mit allen Angaben/);
    assert.match(html, /value="Integrationskonzept \d{4} \(Fortschreibung\)"/);
    assert.match(html, /Nächste Fortschreibung fällig am \d\d\.\d\d\.\d{4}/);
  });

  test('das Anlegen steht im Protokoll (eine Zeile mit Herkunft und Umfang)', async () => {
    const copy = await freshCopy(t(), 'Integrationskonzept 2027');
    const entries = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'edition'), eq(auditLog.entityId, copy.edition.id)));
    assert.equal(entries.length, 1);
    const entry = entries[0]!;
    assert.equal(entry.action, 'create');
    assert.equal(entry.userName, 'Katrin Koordination');
    assert.equal(entry.tenantId, copy.tenant.id);
    const after = entry.after as any;
    assert.equal(after.title, 'Integrationskonzept 2027');
    assert.equal(after.predecessorId, copy.adopted.id);
    assert.deepEqual(after.fortschreibungOf, { id: copy.adopted.id, title: 'Integrationskonzept 2024' });
    const [n] = await t().db.select({ n: sql<number>`count(*)::int` }).from(measures).where(eq(measures.editionId, copy.adopted.id));
    assert.equal(after.copied.measures, n!.n);
  });

  test('der Vergleich zeigt genau die Änderungen: Titel und Federführung geändert, eine gestrichen, eine neu', async () => {
    const x = await changedCopy(t());
    const diff = diffEditions(await editionSnapshot(t().db, x.tenant.id, x.adopted.id), await editionSnapshot(t().db, x.tenant.id, x.edition.id));
    assert.equal(diff.matchedBy, 'lineage');
    assert.deepEqual(diff.items.guidelines, []);
    assert.deepEqual(diff.items.fields, []);
    assert.deepEqual(diff.items.goals, []);
    const byChange = (c: string) => diff.items.measures.filter((i) => i.change === c);
    assert.equal(diff.items.measures.length, 3);
    assert.deepEqual(byChange('changed').map((i) => ({ number: i.number, idAfter: i.idAfter, fields: i.fields })), [
      {
        number: x.changed.number,
        idAfter: x.changed.id,
        fields: [
          { field: 'title', before: x.oldTitle, after: x.newTitle },
          { field: 'lead', before: x.oldLead, after: x.newLead },
        ],
      },
    ]);
    assert.deepEqual(byChange('removed').map((i) => [i.number, i.title, i.idBefore]), [[x.removed.number, x.removed.title, x.removed.predecessorId]]);
    assert.deepEqual(byChange('added').map((i) => [i.number, i.title, i.idAfter]), [['9.9.9', 'Neue Lotsen für Neuzugewanderte', x.added.id]]);
    assert.deepEqual(byChange('added')[0]!.fields.map((f) => f.field), ['number', 'field', 'title', 'horizon', 'priority', 'status', 'weight']);

    // The page: by default the newest edition against its predecessor; the same with ids.
    for (const path of [`${base}/fassungen/vergleich`, `${base}/fassungen/vergleich?von=${x.adopted.id}&zu=${x.edition.id}`]) {
      const res = await x.client.get(path);
      assert.equal(res.status, 200, path);
      const html = await res.text();
      assert.ok(html.includes(`„Integrationskonzept 2024“ → „Integrationskonzept 2026 (Fortschreibung)“`), path);
      assert.ok(html.includes(x.newTitle) && html.includes(x.oldLead) && html.includes(x.newLead), 'the changed title and both leads are shown');
      assert.ok(html.includes('Neue Lotsen für Neuzugewanderte') && html.includes(x.removed.title), 'the added and the removed measure are shown');
      assert.match(html, /über die Fortschreibung einander zugeordnet/);
      assert.ok(html.includes(`vergleich.xlsx?von=${x.adopted.id}&amp;zu=${x.edition.id}`), 'download link');
      assert.match(html, /Nächste Fortschreibung fällig am/);
    }
    // Unknown or foreign ids: 404.
    assert.equal((await x.client.get(`${base}/fassungen/vergleich?von=${x.adopted.id}&zu=00000000-0000-0000-0000-000000000000`)).status, 404);
    assert.equal((await x.client.get(`${base}/fassungen/vergleich?von=kaputt&zu=${x.edition.id}`)).status, 404);
  });

  test('der Export für den Ausschuss (.xlsx): ein Blatt je Bereich, Art der Änderung, Nr., Titel, Feld, bisher, neu', async () => {
    const x = await changedCopy(t());
    const res = await x.client.get(`${base}/fassungen/vergleich.xlsx?von=${x.adopted.id}&zu=${x.edition.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(res.headers.get('content-disposition')!, /aenderungen-integrationskonzept-2024-zu-integrationskonzept-2026-fortschreibung\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Leitlinien', 'Themenfelder', 'Ziele', 'Maßnahmen', 'Umsetzungsstand']);
    const rows = (name: string) => {
      const out: string[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
      return out;
    };
    const header = ['Art der Änderung', 'Nr.', 'Titel', 'Feld', 'bisher', 'neu'];
    for (const name of ['Leitlinien', 'Themenfelder', 'Ziele']) assert.deepEqual(rows(name), [header], `${name}: no changes`);
    const sheet = rows('Maßnahmen');
    assert.deepEqual(sheet[0], header);
    const body = sheet.slice(1).map((r) => [...r, '', '', '', '', '', ''].slice(0, 6));
    assert.deepEqual(body.filter((r) => r[0] === 'geändert'), [
      ['geändert', x.changed.number, x.newTitle, 'Titel', x.oldTitle, x.newTitle],
      ['geändert', x.changed.number, x.newTitle, 'Federführung', x.oldLead, x.newLead],
    ]);
    assert.ok(body.some((r) => r[0] === 'neu' && r[1] === '9.9.9' && r[3] === 'Titel' && r[4] === '' && r[5] === 'Neue Lotsen für Neuzugewanderte'), 'added: title row');
    assert.ok(body.some((r) => r[0] === 'neu' && r[1] === '9.9.9' && r[3] === 'Zeithorizont' && r[5] === 'kurzfristig'), 'added: horizon row');
    assert.ok(body.some((r) => r[0] === 'gestrichen' && r[1] === x.removed.number && r[3] === 'Titel' && r[4] === x.removed.title && r[5] === ''), 'removed: title row');
    assert.deepEqual([...new Set(body.map((r) => r[0]))].sort(), ['geändert', 'gestrichen', 'neu'].sort());
  });

  test('Vergleich für den Ausschuss: Inhalt und Umsetzungsstand getrennt, Beträge als „14.000 €“ – auf der Seite und im .xlsx', async () => {
    const copy = await freshCopy(t());
    const [m] = await t().db.select().from(measures).where(and(eq(measures.editionId, copy.edition.id), eq(measures.status, 'in_umsetzung'))).orderBy(measures.number).limit(1);
    const [original] = await t().db.select().from(measures).where(eq(measures.id, m!.predecessorId!));
    const cost = Number(original!.costEur) === 14000 ? '15000' : '14000';
    const progress = original!.progress === 60 ? 70 : 60;
    await t().db.update(measures).set({ costEur: cost, progress }).where(eq(measures.id, m!.id));
    const expectCost = cost === '14000' ? '14.000 €' : '15.000 €';

    const diff = diffEditions(await editionSnapshot(t().db, copy.tenant.id, copy.adopted.id), await editionSnapshot(t().db, copy.tenant.id, copy.edition.id));
    assert.deepEqual(diff.items.measures.map((i) => [i.number, i.fields.map((f) => f.field)]), [[m!.number, ['costEur']]], 'content: only the cost');
    assert.equal(diff.items.measures[0]!.fields[0]!.after, expectCost, 'the amount formatted');
    assert.deepEqual(diff.implementation.map((i) => [i.number, i.fields]), [[m!.number, [{ field: 'progress', before: original!.progress == null ? '' : `${original!.progress} %`, after: `${progress} %` }]]], 'implementation: the progress');

    const html = await (await copy.client.get(`${base}/fassungen/vergleich?von=${copy.adopted.id}&zu=${copy.edition.id}`)).text();
    const section = (id: string) => new RegExp(`id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
    assert.ok(section('changes-measures').includes(expectCost), 'the cost in the content section');
    assert.doesNotMatch(section('changes-measures'), /Fortschritt/, 'no progress among the content changes');
    assert.match(section('changes-implementation'), new RegExp(`Fortschritt[\\s\\S]*${progress} %`), 'the progress in its own section');

    const res = await copy.client.get(`${base}/fassungen/vergleich.xlsx?von=${copy.adopted.id}&zu=${copy.edition.id}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const rows = (name: string) => {
      const out: string[][] = [];
      workbook.getWorksheet(name)!.eachRow((row, i) => i > 1 && out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
      return out;
    };
    assert.deepEqual(rows('Maßnahmen').map((r) => [r[1], r[3], r[5]]), [[m!.number, 'Kosten (EUR)', expectCost]], 'the export: the formatted cost');
    assert.deepEqual(rows('Umsetzungsstand').map((r) => [r[0], r[2], r[4]]), [[m!.number, 'Fortschritt', `${progress} %`]], 'the export: implementation on its own sheet');
  });

  test('Abstand der Fortschreibungen: 1–60 Monate, deutsche Fehlermeldung, Versionsprüfung, Protokoll, Fälligkeit', async () => {
    const { tenant } = await demo(t());
    const [current] = await t().db.select().from(tenants).where(eq(tenants.id, tenant.id));
    const k = await t().signIn('koordination@musterland.example');
    const path = `${base}/einstellungen/fortschreibung`;
    const form = await k.get(path);
    assert.equal(form.status, 200);
    assert.match(await form.text(), new RegExp(`name="updateIntervalMonths"[^>]*value="${current!.updateIntervalMonths}"`));
    for (const bad of ['0', '61', '1,5', 'zwölf', '']) {
      const res = await k.post(path, { updateIntervalMonths: bad, version: String(current!.version) });
      assert.equal(res.status, 422, `"${bad}" rejected`);
      const html = await res.text();
      assert.match(html, /Bitte eine ganze Zahl von 1 bis 60 Monaten angeben\./);
      assert.match(html, /aria-invalid="true"/);
    }
    const ok = await k.post(path, { updateIntervalMonths: '12', version: String(current!.version) });
    assert.equal(ok.status, 303);
    const [saved] = await t().db.select().from(tenants).where(eq(tenants.id, tenant.id));
    assert.equal(saved!.updateIntervalMonths, 12);
    assert.equal(saved!.version, current!.version + 1);
    const stale = await k.post(path, { updateIntervalMonths: '36', version: String(current!.version) });
    assert.equal(stale.status, 409);
    assert.equal((await t().db.select().from(tenants).where(eq(tenants.id, tenant.id)))[0]!.updateIntervalMonths, 12);
    const [entry] = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'tenant'), eq(auditLog.entityId, tenant.id), eq(auditLog.action, 'update'))).orderBy(desc(auditLog.id)).limit(1);
    assert.deepEqual([entry!.before, entry!.after], [{ updateIntervalMonths: current!.updateIntervalMonths }, { updateIntervalMonths: 12 }]);
    // Adopted 16.12.2024 + 12 months.
    assert.match(await (await k.get(path)).text(), /Nächste Fortschreibung fällig am 16\.12\.2025/);
    assert.match(await (await k.get(`${base}/fassungen/vergleich`)).text(), /Nächste Fortschreibung fällig am 16\.12\.2025/);
    const start = await (await k.get(startPath)).text();
    assert.match(start, /Nächste Fortschreibung fällig am 16\.12\.2025/);
  });
});

describeEachDb('Die Demo-Fortschreibung (mit Abstammung)', (t) => {
  test('der Demo-Entwurf ist eine echte Fortschreibung: jede Kopie kennt ihr Original, der Vergleich zeigt nur die Statuswechsel', async () => {
    const { tenant, adopted } = await demo(t());
    const [draft] = await t().db.select().from(editions).where(and(eq(editions.tenantId, tenant.id), eq(editions.status, 'entwurf')));
    assert.equal(draft!.predecessorId, adopted.id, 'the draft continues the adopted edition');
    for (const table of [guidelines, fields, goals, measures, indicators] as const) {
      const copies = await idsOf(t(), table, draft!.id);
      const originals = new Set((await idsOf(t(), table, adopted.id)).map((r) => r.id));
      assert.ok(copies.length > 0 && copies.length === originals.size, `every row copied (${getTableName(table)})`);
      assert.ok(copies.every((r) => r.predecessorId && originals.has(r.predecessorId)), `every copy points at its original (${getTableName(table)})`);
    }
    const diff = diffEditions(await editionSnapshot(t().db, tenant.id, adopted.id), await editionSnapshot(t().db, tenant.id, draft!.id));
    assert.equal(diff.matchedBy, 'lineage');
    assert.deepEqual([diff.items.guidelines, diff.items.fields, diff.items.goals], [[], [], []]);
    assert.deepEqual(diff.items.measures, [], 'no content changes: the copy carried everything over');
    assert.ok(diff.implementation.length > 0, 'the demo draft moved some measures on');
    for (const item of diff.implementation) {
      assert.deepEqual(item.fields, [{ field: 'status', before: 'geplant', after: 'in Umsetzung' }], `${item.number}: only the status moved on`);
    }
    const c = await t().signIn('lesend@musterland.example');
    const html = await (await c.get(`${base}/fassungen/vergleich`)).text();
    assert.doesNotMatch(html, /nicht durch eine Fortschreibung verbunden/);
    assert.ok(html.includes('„Integrationskonzept 2024“ → „Integrationskonzept 2026 (Fortschreibung)“'), 'by default the draft against the adopted edition');
  });

  test('der Demo-Entwurf gilt als Fortschreibung in Arbeit: Anlegen wird abgelehnt, das Formular verweist darauf', async () => {
    const { tenant, adopted } = await demo(t());
    const [draft] = await t().db.select().from(editions).where(and(eq(editions.tenantId, tenant.id), eq(editions.status, 'entwurf')));
    const k = await t().signIn('koordination@musterland.example');
    const page = await (await k.get(startPath)).text();
    assert.ok(page.includes(`href="${base}/fassungen/${draft!.id}"`), 'the start page links to the draft');
    const res = await k.post(startPath, { title: 'Zweite', from: adopted.id });
    assert.equal(res.status, 409);
    assert.equal((await t().db.select().from(editions).where(eq(editions.tenantId, tenant.id))).length, 2);
  });
});
