import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, desc, eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { auditLog } from '../../../platform/audit/schema.js';
import { editions, fields } from '../../concepts/schema.js';
import { describeEachDb, type TestApp } from '../../../../test/support/harness.js';
import { measureTargetGroups, measures, targetGroups } from '../schema.js';
import { measureById } from '../service.js';
import { queryRows } from '../../../db/client.js';
import { enableQueryStats, withQueryStats } from '../../../db/query-stats.js';
import { stemKey } from './names.js';
import { duplicateSuggestions, listTargetGroups, targetGroupNames } from './service.js';
import { confirm, counted, upload } from '../transfer/testing.js';
import { searchEdition } from '../../search/index.js';

const zg = '/app/k/musterland/zielgruppen';

async function demo(t: TestApp) {
  const [draft] = await t.db.select().from(editions).where(eq(editions.status, 'entwurf'));
  const [adopted] = await t.db.select().from(editions).where(eq(editions.status, 'beschlossen'));
  const group = async (name: string) => (await t.db.select().from(targetGroups).where(eq(targetGroups.name, name)))[0];
  const uses = async (id: string) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(measureTargetGroups).where(eq(measureTargetGroups.targetGroupId, id)))[0]!.n;
  const groupCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(targetGroups))[0]!.n;
  const lastAudit = async (entityId: string) => (await t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(desc(auditLog.id)).limit(1))[0];
  return { draft: draft!, adopted: adopted!, group, uses, groupCount, lastAudit };
}

describeEachDb('Zielgruppen als Vokabular der Kommune', (t) => {
  test('die Seite „Zielgruppen“ zählt die Verwendung und schlägt Doppelungen vor; nur für die Koordination', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.get(zg);
    assert.equal(res.status, 200);
    const html = await res.text();
    const eltern = (await d.group('Eltern'))!;
    assert.ok(eltern, 'the demo free text became entries');
    assert.match(html, new RegExp(`href="${zg}/${eltern.id}">Eltern</a></td><td[^>]*>[^<]*</td><td[^>]*>${await d.uses(eltern.id)}</td>`), 'usage count in the list');
    // The near-duplicates of the issue are suggested for merging.
    const bis = (await d.group('Familien mit Kindern bis sechs Jahre'))!;
    const unter = (await d.group('Familien mit Kindern unter sechs Jahren'))!;
    assert.ok(html.includes(`${zg}/${bis.id}/zusammenfuehren?in=${unter.id}`), 'the pair is offered for merging');
    assert.match(html, /gleiche Wortstämme/);

    for (const who of ['redaktion@musterland.example', 'lesend@musterland.example']) {
      assert.equal((await (await t().signIn(who)).get(zg)).status, 403, `${who} may not manage Zielgruppen`);
    }
  });

  test('umbenennen: versionsgeprüft, protokolliert, sofort in jeder Maßnahme', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const g = (await d.group('Zugewanderte Frauen'))!;
    const duplicate = await c.post(`${zg}/${g.id}`, { name: '  eltern ', description: '', version: g.version });
    assert.equal(duplicate.status, 422);
    assert.match(await duplicate.text(), /Diese Zielgruppe gibt es schon: „Eltern“/);
    const ok = await c.post(`${zg}/${g.id}`, { name: 'Frauen mit  Zuwanderungsgeschichte', description: 'Frauen, die zugewandert sind', version: g.version });
    assert.equal(ok.status, 303);
    const after = (await d.group('Frauen mit Zuwanderungsgeschichte'))!;
    assert.equal(after.id, g.id, 'renamed, spaces collapsed');
    assert.equal((await d.lastAudit(g.id))?.action, 'update');
    const stale = await c.post(`${zg}/${g.id}`, { name: 'Noch ein Name', description: '', version: g.version });
    assert.equal(stale.status, 409, 'a stale version is refused');
    const [link] = await t().db.select().from(measureTargetGroups).where(eq(measureTargetGroups.targetGroupId, g.id)).limit(1);
    const m = await measureById(t().db, link!.tenantId, link!.measureId);
    assert.ok(m.targetGroups.includes('Frauen mit Zuwanderungsgeschichte'), 'the measure names the new name');
    const api = (await (await c.json('GET', `/api/v1/kommunen/musterland/measures/${m.id}`)).json()) as { targetGroups: string[] };
    assert.ok(api.targetGroups.includes('Frauen mit Zuwanderungsgeschichte'), 'the API gives names');
  });

  test('zusammenführen: die Bestätigung nennt die Zahl der Maßnahmen; danach nennen sie das Ziel, protokolliert', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const from = (await d.group('Familien mit Kindern bis sechs Jahre'))!;
    const into = (await d.group('Familien mit Kindern unter sechs Jahren'))!;
    const [moving, before] = [await d.uses(from.id), await d.uses(into.id)];
    assert.ok(moving > 0);
    const page = await (await c.get(`${zg}/${from.id}/zusammenfuehren?in=${into.id}`)).text();
    assert.match(page, new RegExp(`${moving} Maßnahmen? wechsel`), 'says how many measures move');
    const stale = await c.post(`${zg}/${from.id}/zusammenfuehren`, { into: into.id, version: from.version, intoVersion: into.version + 1 });
    assert.equal(stale.status, 409, 'both versions are checked');
    const ok = await c.post(`${zg}/${from.id}/zusammenfuehren`, { into: into.id, version: from.version, intoVersion: into.version });
    assert.equal(ok.status, 303);
    assert.equal(await d.group(from.name), undefined, 'the merged entry is gone');
    assert.equal(await d.uses(into.id), before + moving, 'its measures name the other one');
    assert.equal((await d.lastAudit(from.id))?.action, 'merge');
    assert.match(await (await c.get(ok.headers.get('location')!)).text(), /wurde in „Familien mit Kindern unter sechs Jahren“ zusammengeführt/);
  });

  test('löschen nur ungenutzt und nach Bestätigung; die Maßnahmenmaske wählt aus der Liste und legt Neues an', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const used = (await d.group('Eltern'))!;
    assert.equal((await c.post(`${zg}/${used.id}/loeschen`, { version: used.version })).status, 409, 'in use: refused');
    assert.ok(await d.group('Eltern'));

    assert.equal((await c.post(zg, { name: 'Seniorinnen und Senioren', description: '' })).status, 303);
    const fresh = (await d.group('Seniorinnen und Senioren'))!;
    assert.match(await (await c.get(`${zg}/${fresh.id}/loeschen`)).text(), /Zielgruppe „Seniorinnen und Senioren“ löschen\?/);
    assert.equal((await c.post(`${zg}/${fresh.id}/loeschen`, { version: fresh.version })).status, 303);
    assert.equal(await d.group('Seniorinnen und Senioren'), undefined);
    assert.equal((await d.lastAudit(fresh.id))?.action, 'delete');

    // The form: a checkbox list of the vocabulary (with filter), plus new names.
    const form = await (await c.get(`/app/k/musterland/fassungen/${d.draft.id}/massnahmen/neu`)).text();
    assert.match(form, /<fieldset class="kern-fieldset" id="f-targetGroupIds"[^>]*data-choice-filter/);
    assert.ok(form.includes(`value="${used.id}"`));
    const [field] = await t().db.select().from(fields).where(and(eq(fields.editionId, d.draft.id), eq(fields.isCrossCutting, false))).limit(1);
    const groupsBefore = await d.groupCount();
    const created = await c.post(`/app/k/musterland/fassungen/${d.draft.id}/massnahmen`, {
      number: '9.7.1', title: 'Erzählcafé', fieldId: field!.id, horizon: 'kurz', targetGroupIds: [used.id], targetGroups: ' ELTERN , Hochbetagte Zugewanderte',
    });
    assert.equal(created.status, 303);
    const [row] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.number, '9.7.1')));
    assert.deepEqual((await measureById(t().db, row!.tenantId, row!.id)).targetGroups, ['Eltern', 'Hochbetagte Zugewanderte'], '"ELTERN" is Eltern; the new name was added');
    assert.equal(await d.groupCount(), groupsBefore + 1);
  });

  test('Import: bekannte Namen ohne Rücksicht auf Schreibweise, neue werden in der Vorschau genannt; derselbe Import noch einmal ändert nichts', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const text = Buffer.from(await (await c.get(`/app/k/musterland/fassungen/${d.draft.id}/export.csv`)).arrayBuffer()).toString('utf8');
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    const col = rows[0]!.indexOf('Zielgruppen');
    assert.ok(col >= 0, 'the export has a Zielgruppen column');
    const number = rows[1]![0]!;
    const [m] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.number, number)));
    assert.equal(rows[1]![col], (await measureById(t().db, m!.tenantId, m!.id)).targetGroups.join('; '), 'the export writes the names');
    rows[1]![col] = 'eltern;  Großeltern mit Enkeln ';
    const file = Papa.unparse(rows, { delimiter: ';' });

    const groupsBefore = await d.groupCount();
    const preview = await upload(c, d.draft.id, file, 'zielgruppen.csv');
    assert.equal(preview.status, 200, preview.html.slice(0, 2000));
    assert.match(preview.html, /neue Zielgruppe wird angelegt: Großeltern mit Enkeln/);
    assert.doesNotMatch(preview.html, /neue Zielgruppe wird angelegt: eltern/i, 'a known name in another case is not new');
    assert.equal(counted(preview.html, 'updated'), 1);
    assert.equal((await confirm(c, d.draft.id, preview.html, false)).status, 303);
    assert.deepEqual((await measureById(t().db, m!.tenantId, m!.id)).targetGroups, ['Eltern', 'Großeltern mit Enkeln']);
    assert.equal(await d.groupCount(), groupsBefore + 1);

    const again = await upload(c, d.draft.id, file, 'zielgruppen.csv');
    assert.equal(counted(again.html, 'updated'), 0, 're-importing the same file changes nothing');
    assert.equal(counted(again.html, 'created'), 0);
    assert.doesNotMatch(again.html, /neue Zielgruppe wird angelegt/);
  });

  test('das Portal bietet nur genutzte Zielgruppen an und filtert ohne Rücksicht auf Schreibweise', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    assert.equal((await c.post(zg, { name: 'Niemand Bestimmtes', description: '' })).status, 303);
    const pub = t().client();
    const html = await (await pub.get('/k/musterland/konzept')).text();
    const options = [...(/<select[^>]*name="zielgruppe"[\s\S]*?<\/select>/.exec(html)?.[0] ?? '').matchAll(/<option value="([^"]+)"/g)].map((x) => x[1]!);
    assert.ok(options.includes('Eltern'), 'used groups are offered');
    assert.ok(!options.includes('Niemand Bestimmtes'), 'unused ones are not');
    assert.equal(new Set(options.map((o) => o.toLowerCase())).size, options.length, 'one option per group');
    const api = (await (await pub.get(`/api/v1/kommunen/musterland/editions/${d.adopted.id}/measures?targetGroup=ELTERN`)).json()) as { items: { targetGroups: string[] }[] };
    assert.ok(api.items.length > 0 && api.items.every((m) => m.targetGroups.includes('Eltern')), 'the API filter matches the name case-insensitively');
  });

  test('die Suche findet Maßnahmen auch über den Namen ihrer Zielgruppe, nach dem Umbenennen über den neuen', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const g = (await d.group('Pflegende Angehörige'))!;
    assert.ok(g, 'a demo group');
    const [link] = await t().db.select().from(measureTargetGroups).where(eq(measureTargetGroups.targetGroupId, g.id)).limit(1);
    const m = await measureById(t().db, link!.tenantId, link!.measureId);
    assert.equal((await searchEdition(t().db, m.tenantId, m.editionId, 'Sorgegemeinschaften')).length, 0, 'the word exists nowhere yet');
    assert.equal((await c.post(`${zg}/${g.id}`, { name: 'Sorgegemeinschaften in Familien', description: '', version: g.version })).status, 303);
    const hits = await searchEdition(t().db, m.tenantId, m.editionId, 'Sorgegemeinschaften');
    assert.ok(hits.some((h) => h.id === m.id), 'found by its Zielgruppe');
    assert.equal(new Set(hits.map((h) => h.id)).size, hits.length, 'each measure once');
  });

  test('Doppelungsvorschläge: dieselben Paare wie der Vergleich aller Paare in PostgreSQL, verglichen über die Trigramme der Namen', async () => {
    const db = t().db;
    const [kommune] = await queryRows<{ id: string }>(db, sql`select id from tenants where slug = 'musterland'`);
    const [other] = await queryRows<{ id: string }>(db, sql`select id from tenants where slug <> 'musterland' limit 1`);
    const tenantId = kommune!.id;
    // Beside the demo's 198 names: pairs around the threshold, in other cases, and a twin in another Kommune.
    const extra = ['Jugendliche ab 14', 'JUGENDLICHE AB 16', 'Jugendliche ab 18 Jahren', 'Alleinerziehende Mütter', 'Alleinerziehende Väter', 'Geflüchtete aus der Ukraine', 'Geflüchtete Menschen aus der Ukraine', 'Ukraine'];
    await db.insert(targetGroups).values(extra.map((name) => ({ tenantId, name })));
    await db.insert(targetGroups).values({ tenantId: other!.id, name: 'Alleinerziehende Mütter' });

    const groups = await listTargetGroups(db, tenantId);
    enableQueryStats();
    const { result: suggestions, stats } = await withQueryStats(() => duplicateSuggestions(db, tenantId, groups, Infinity), true);
    const got = suggestions.map((p) => `${p.a.name} | ${p.b.name} | ${p.reason} | ${p.similarity.toFixed(4)}`);
    // Every pair compared (the definition): similar letters (≥ 0.5) or equal stems, which win with 1
    // (a pair already similar at 1 keeps that reason).
    const all = await queryRows<{ a: string; b: string; s: number }>(
      db,
      sql`select x.name as a, y.name as b, similarity(lower(x.name), lower(y.name))::float as s
          from target_groups x join target_groups y on y.tenant_id = x.tenant_id and x.id <> y.id where x.tenant_id = ${tenantId}`,
    );
    const want = all
      .filter((p) => p.a.localeCompare(p.b, 'de') < 0)
      .map((p) => ({ ...p, stems: !!stemKey(p.a) && stemKey(p.a) === stemKey(p.b) }))
      .filter((p) => p.stems || p.s >= 0.5)
      .map((p) => `${p.a} | ${p.b} | ${p.stems && Number(p.s) < 1 ? 'stems' : 'similar'} | ${(p.stems ? 1 : Number(p.s)).toFixed(4)}`);
    assert.ok(got.some((p) => p.startsWith('Jugendliche ab 14 | JUGENDLICHE AB 16 | similar')), 'another case is no other name');
    assert.ok(want.filter((p) => p.includes('| similar |')).length > 50, 'the demo has many similar pairs');
    assert.deepEqual([...got].sort(), want.sort(), 'the same pairs, reasons and similarities');
    assert.equal(new Set(got).size, got.length, 'each pair once');
    const de = (x: string, y: string) => x.localeCompare(y, 'de');
    const ordered = [...suggestions].sort((x, y) => y.similarity - x.similarity || de(x.a.name, y.a.name) || de(x.b.name, y.b.name));
    assert.deepEqual(suggestions, ordered, 'best first, ties by both names (not by the order the pairs were found)');

    // The database gives each name's trigrams once; no pair is compared there (198 index probes before).
    assert.equal(stats.count, 1, 'one query');
    assert.doesNotMatch(stats.sql![0]!.text, /similarity|%/, 'the pairs are compared here, not in the database');
  });

  test('Namen für Formulare und Maßnahmenseiten: dieselben Einträge in derselben Reihenfolge wie die Liste mit Zählung, ohne sie zu zählen', async () => {
    const db = t().db;
    const [kommune] = await queryRows<{ id: string }>(db, sql`select id from tenants where slug = 'musterland'`);
    const names = await targetGroupNames(db, kommune!.id);
    assert.ok(names.length > 100, 'the demo vocabulary');
    assert.deepEqual(names, (await listTargetGroups(db, kommune!.id)).map((g) => ({ id: g.id, name: g.name })));
  });

  test('die Liste mit den Doppelungsvorschlägen wird gehalten, solange sich nichts ändert (issue 9.2); ein Umbenennen zeigt sie sofort neu', async () => {
    const d = await demo(t());
    enableQueryStats();
    const c = await t().signIn('koordination@musterland.example');
    const first = await (await c.get(zg)).text();
    const again = await withQueryStats(async () => (await c.get(zg)).text());
    const list = (html: string) => html.replace(/name="_csrf" value="[^"]*"|name="csrf-token" content="[^"]*"/g, '');
    assert.equal(list(again.result), list(first), 'the same list and suggestions');
    assert.ok(again.stats.count <= 3, `opened again: the frame and the check, neither list nor trigrams read (${again.stats.count} queries)`);
    const g = (await d.group('Eltern'))!;
    const saved = await c.post(`${zg}/${g.id}`, { name: 'Eltern und Sorgeberechtigte', description: g.description, version: g.version });
    assert.equal(saved.status, 303);
    const after = await (await c.get(zg)).text();
    assert.match(after, new RegExp(`href="${zg}/${g.id}">Eltern und Sorgeberechtigte</a>`), 'the new name at once');
  });
});
