import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describeEachDb } from '../../../../test/support/harness.js';
import { base, confirm, coordination, counted, csv, demo, problemCells, upload } from './testing.js';
import { auditLog } from '../../../platform/audit/schema.js';
import { actors } from '../../actors/schema.js';
import { fields, goals } from '../../concepts/schema.js';
import { measureGoals, measurePartners, measures } from '../schema.js';
import { measureById } from '../service.js';

describeEachDb('Maßnahmentabelle: Export und Import', (t) => {
  test('Export als .xlsx und .csv: Dateiname, Kopfzeile, alle Maßnahmen; jedes Mitglied darf exportieren', async () => {
    const d = await demo(t());
    const c = await t().signIn('lesend@musterland.example');
    const x = await c.get(`${base}/${d.adopted.id}/export.xlsx`);
    assert.equal(x.status, 200);
    assert.match(x.headers.get('content-disposition')!, /filename="massnahmen-integrationskonzept-2024\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await x.arrayBuffer()) as any);
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.getCell('A1').value, 'Nr.');
    assert.equal(sheet.getCell('A1').font?.bold, true);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.ok(sheet.autoFilter);
    const inEdition = (await t().db.select({ n: sql<number>`count(*)::int` }).from(measures).where(eq(measures.editionId, d.adopted.id)))[0]!.n;
    assert.equal(sheet.actualRowCount, inEdition + 1);

    const v = await c.get(`${base}/${d.draft.id}/export.csv`);
    assert.equal(v.status, 200);
    assert.match(v.headers.get('content-disposition')!, /massnahmen-integrationskonzept-2026-fortschreibung\.csv/);
    const bytes = new Uint8Array(await v.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const text = Buffer.from(bytes).toString('utf8');
    assert.match(text, /^\uFEFFNr\.;Themenfeld;Ziele;Maßnahme;Beschreibung;Zielgruppen;Federführung;Kooperationspartner;Zeithorizont;Priorität;Status;Beginn;Ende;Personal \(VZÄ\);Kosten \(EUR\);Finanzierung;Indikator;Zielwert;Querschnittsthemen;SDG;Gemeinden\r\n/);
    assert.match(text, /;in Umsetzung;01\.03\.2025;31\.12\.2027;0,5;32000;/);
  });

  for (const variant of ['xlsx', 'csv mit BOM', 'csv ohne BOM'] as const) {
    test(`ein unveränderter Export (${variant}) importiert sich ohne Änderung`, async () => {
      const d = await demo(t());
      const c = await t().signIn(coordination);
      const ext = variant === 'xlsx' ? 'xlsx' : 'csv';
      let bytes = new Uint8Array(await (await c.get(`${base}/${d.draft.id}/export.${ext}`)).arrayBuffer());
      if (variant === 'csv ohne BOM') bytes = bytes.subarray(3);
      const before = await d.snapshot();
      const preview = await upload(c, d.draft.id, bytes, `export.${ext}`);
      assert.equal(preview.status, 200, preview.html.slice(0, 3000));
      assert.equal(counted(preview.html, 'created'), 0);
      assert.equal(counted(preview.html, 'updated'), 0);
      assert.equal(counted(preview.html, 'unchanged'), (await t().db.select({ n: sql<number>`count(*)::int` }).from(measures).where(eq(measures.editionId, d.draft.id)))[0]!.n);
      assert.match(preview.html, /keine Änderungen/);
      assert.doesNotMatch(preview.html, /Noch nicht vorhanden/);
      // Confirming anyway changes nothing either.
      const form = new FormData();
      form.append('inhalt', Buffer.from(bytes).toString('base64'));
      form.append('dateiname', `export.${ext}`);
      const res = await c.postMultipart(`${base}/${d.draft.id}/import/bestaetigen`, form);
      assert.equal(res.status, 303);
      assert.deepEqual(await d.snapshot(), before);
    });
  }

  test('in Excel geänderte Export-Datei: genau die geänderte Maßnahme wird aktualisiert', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await c.get(`${base}/${d.draft.id}/export.xlsx`)).arrayBuffer()) as any);
    const sheet = workbook.worksheets[0]!;
    const heads = (sheet.getRow(1).values as unknown[]).map(String);
    const number = String(sheet.getRow(3).getCell(heads.indexOf('Nr.')).value);
    sheet.getRow(3).getCell(heads.indexOf('Status')).value = 'umgesetzt';
    sheet.getRow(3).getCell(heads.indexOf('Ende')).value = new Date(Date.UTC(2027, 5, 30));
    sheet.getRow(3).getCell(heads.indexOf('Personal (VZÄ)')).value = 1.25;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const preview = await upload(c, d.draft.id, bytes, 'bearbeitet.xlsx');
    assert.equal(preview.status, 200, preview.html.slice(0, 2000));
    assert.equal(counted(preview.html, 'created'), 0);
    assert.equal(counted(preview.html, 'updated'), 1);
    // One table for the measure: each changed cell with its old and new value.
    const changes = /<div class="table-scroll" data-changes="[^"]*">([\s\S]*?)<\/table>/.exec(preview.html)?.[1] ?? '';
    assert.deepEqual([...changes.matchAll(/data-column="(\w+)"/g)].map((m) => m[1]), ['status', 'endDate', 'staffFte'], 'changed columns');
    assert.match(changes, /<td class="kern-table__cell">umgesetzt<\/td>/, 'new status');
    assert.match(changes, /<td class="kern-table__cell">30\.06\.2027<\/td>/, 'new end date');
    assert.match(changes, /<td class="kern-table__cell">1,25<\/td>/, 'new staff');
    assert.equal((await confirm(c, d.draft.id, preview.html, false)).status, 303);
    const [m] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.number, number)));
    assert.equal(m!.status, 'umgesetzt');
    assert.equal(m!.endDate, '2027-06-30');
    assert.equal(m!.staffFte, '1.25');
  });

  test('eine Datei mit fehlerhaften Zeilen wird ganz abgelehnt: genau diese Fehler, nichts geändert', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const text = Buffer.from(await (await c.get(`${base}/${d.draft.id}/export.csv`)).arrayBuffer()).toString('utf8');
    const exported = (await import('papaparse')).default.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    const head = exported[0]!;
    const rows = exported.slice(1, 8).map((r) => [...r]);
    rows[0]![head.indexOf('Maßnahme')] = `${rows[0]![head.indexOf('Maßnahme')]} (geändert)`; // a valid change in row 2: must not be saved
    rows[2]![head.indexOf('Status')] = 'fertig'; // row 4
    rows[4]![head.indexOf('Maßnahme')] = ''; // row 6
    const file = csv([head, ...rows]);
    const before = await d.snapshot();

    const res = await upload(c, d.draft.id, file, 'fehler.csv');
    assert.equal(res.status, 422);
    assert.deepEqual(problemCells(res.html), [['4', 'Status'], ['6', 'Maßnahme']]);
    assert.match(res.html, /„fertig“ ist kein zulässiger Wert/);
    assert.match(res.html, /Es wurde nichts geändert/);
    assert.match(res.html, /<caption[^>]*>Fehler in der Datei \(2\)<\/caption>/);

    const form = new FormData();
    form.append('inhalt', Buffer.from(file).toString('base64'));
    form.append('dateiname', 'fehler.csv');
    form.append('anlegen', '1');
    const direct = await c.postMultipart(`${base}/${d.draft.id}/import/bestaetigen`, form);
    assert.equal(direct.status, 422, 'the confirm step validates again');
    assert.deepEqual(problemCells(await direct.text()), [['4', 'Status'], ['6', 'Maßnahme']]);
    assert.deepEqual(await d.snapshot(), before);
  });

  test('5.000 Zeilen mit demselben Fehler: eine Zeile der Fehlerliste nennt sie alle', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const rows = Array.from({ length: 5000 }, (_, i) => [`800.${i + 1}`, 'Teilhabe durch Sprache', `Maßnahme ${i + 1}`, 'fertig', 'kurz']);
    const res = await upload(c, d.draft.id, csv([['Nr.', 'Themenfeld', 'Titel', 'Status', 'Zeithorizont'], ...rows]), 'fehler.csv');
    assert.equal(res.status, 422);
    assert.match(res.html, /<caption[^>]*>Fehler in der Datei \(5\.000\)<\/caption>/, 'the caption counts every problem');
    assert.deepEqual(problemCells(res.html), [['2–5001 (5.000 Zeilen)', 'Status']]);
    assert.match(res.html, /„fertig“ ist kein zulässiger Wert/);
    assert.doesNotMatch(res.html, /weitere Fehler/);
  });

  test('5.000 verschiedene Fehler: die Fehlerliste zeigt die ersten 200 und sagt, wie viele es mehr sind', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const rows = Array.from({ length: 5000 }, (_, i) => [`800.${i + 1}`, 'Teilhabe durch Sprache', `Maßnahme ${i + 1}`, `fertig ${i + 1}`, 'kurz']);
    const before = await d.snapshot();
    const res = await upload(c, d.draft.id, csv([['Nr.', 'Themenfeld', 'Titel', 'Status', 'Zeithorizont'], ...rows]), 'fehler.csv');
    assert.equal(res.status, 422);
    assert.match(res.html, /<caption[^>]*>Fehler in der Datei \(5\.000\)<\/caption>/, 'the caption counts every problem');
    const cells = problemCells(res.html);
    assert.equal(cells.length, 200, `the table lists the first 200 problems, not ${cells.length}`);
    assert.deepEqual(cells[0], ['2', 'Status'], 'beginning with the first row');
    assert.match(res.html, /… und 4\.800 weitere Fehler \(gezeigt sind die ersten 200\)/, 'and says how many more there are');
    assert.ok(res.html.length < 200_000, `the page stays small (${res.html.length} characters)`);
    assert.deepEqual(await d.snapshot(), before);
  });

  test('große Datei ohne Fehler: die Vorschau listet die ersten 200 neuen Maßnahmen, zählt alle, und die Bestätigung legt alle an', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const rows = Array.from({ length: 450 }, (_, i) => [`700.${i + 1}`, 'Teilhabe durch Sprache', `Neue Maßnahme ${i + 1}`, 'geplant', 'kurz']);
    const before = await d.count();
    const preview = await upload(c, d.draft.id, csv([['Nr.', 'Themenfeld', 'Titel', 'Status', 'Zeithorizont'], ...rows]), 'viele.csv');
    assert.equal(preview.status, 200, preview.html.slice(0, 2000));
    assert.equal(counted(preview.html, 'created'), 450, 'the count is complete');
    const listed = [...preview.html.matchAll(/<th scope="row" class="kern-table__header">(700\.\d+)<\/th>/g)].map((m) => m[1]);
    assert.equal(listed.length, 200, `the table lists the first 200 new measures, not ${listed.length}`);
    assert.deepEqual([listed[0], listed.at(-1)], ['700.1', '700.200']);
    assert.match(preview.html, /data-more-rows="250">… und 250 weitere Zeilen \(gezeigt sind die ersten 200\)/);
    const res = await confirm(c, d.draft.id, preview.html, false, { viele_neu: '1' });
    assert.equal(res.status, 303);
    assert.equal(await d.count(), before + 450, 'confirming applies every row, not only the ones listed');
  });

  test('unbekannter Akteur: ohne Häkchen ein Fehler, mit Häkchen angelegt (und protokolliert)', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const file = csv([
      ['Nr.', 'Themenfeld', 'Ziel', 'Titel', 'federführend', 'Partner', 'Zeithorizont'],
      ['91.1', 'Teilhabe durch Sprache', '1.1', 'Sprachpatenschaften im Sportverein', 'Verein Neue Nachbarn e. V.', 'Fachdienst Soziales; Verein Neue Nachbarn II', 'kurz'],
    ]);
    const preview = await upload(c, d.draft.id, file, 'neu.csv');
    assert.equal(preview.status, 200, preview.html.slice(0, 2000));
    assert.match(preview.html, /Neue Akteure \(2\)/);
    assert.match(preview.html, /<li>Verein Neue Nachbarn e\. V\.<\/li>/);
    assert.match(preview.html, /Fehlende Akteure, Themenfelder und Ziele anlegen/);
    assert.equal(counted(preview.html, 'created'), 1);

    const before = await d.snapshot();
    const refused = await confirm(c, d.draft.id, preview.html, false);
    assert.equal(refused.status, 422);
    const refusedHtml = await refused.text();
    assert.deepEqual(problemCells(refusedHtml), [['2', 'federführend'], ['2', 'Partner']]);
    assert.match(refusedHtml, /Den Akteur „Verein Neue Nachbarn e\. V\.“ gibt es noch nicht/);
    assert.match(refusedHtml, /name="anlegen"/, 'the preview is shown again with the checkbox');
    assert.deepEqual(await d.snapshot(), before);

    const ok = await confirm(c, d.draft.id, preview.html, true);
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), `${base}/${d.draft.id}`);
    const [actor] = await t().db.select().from(actors).where(eq(actors.name, 'Verein Neue Nachbarn e. V.'));
    assert.ok(actor);
    assert.equal(actor.kind, 'sonstige');
    const [m] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.number, '91.1')));
    assert.equal(m!.leadActorId, actor.id);
    const partners = await t().db.select().from(measurePartners).where(eq(measurePartners.measureId, m!.id));
    assert.equal(partners.length, 2);
    const actorAudit = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'actor'), eq(auditLog.entityId, actor.id), eq(auditLog.action, 'create')));
    assert.equal(actorAudit.length, 1);
    const after = await d.snapshot();
    assert.equal(after.actors, before.actors + 2);
    assert.equal(after.measures, before.measures + 1);
  });

  test('ein Import legt 2 Maßnahmen an und ändert 1; tolerante Werte; Protokoll je Maßnahme und für die Fassung', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const [existing] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.number, '1.1.3')));
    const file = csv([
      ['Nr', 'Themenfeld', 'Ziel(e)', 'Maßnahmentitel', 'Beschreibung', 'Zielgruppe(n)', 'Federführende Stelle', 'Kooperationspartner', 'Zeithorizont', 'Priorität', 'Status', 'Beginn', 'Ende', 'Personal (VZÄ)', 'Kosten (EUR)', 'SDG', 'Gemeinden', 'Bemerkungen'],
      ['92.1', 'Teilhabe durch Sprache', '1.1; Sprachangebote transparent machen', 'Sprachcafé im Familienzentrum', 'Wöchentlich, mit Kinderbetreuung.', 'Eltern\nNeuzugewanderte', 'Fachdienst Soziales', 'Fachdienst Jugend und Familie', 'kurzfristig', 'Quick Win', 'In Umsetzung', '01.03.2026', '2026-12-31', '0,5', '1.500,50', 'SDG 4; SDG 10', 'Musterstadt; 03499002', 'wird ignoriert'],
      ['92.2', 'teilhabe durch sprache', '', 'Lesepaten für Erwachsene', '', '', '', '', 'lang', '', '', '', '', '', '', '4, 10', '', ''],
      [existing!.number, 'Teilhabe durch Sprache', '1.1', 'Integrationskurse am Abend (neuer Titel)', existing!.description, 'Erwerbstätige Zugewanderte', 'Bildungswerk Musterland gGmbH', '', 'mittel', 'normal', 'geplant', '01.02.2026', '', '', '8500', '4, 8', 'Musterstadt; Krähenfelde', ''],
    ]);
    const auditsBefore = await d.audits();
    const preview = await upload(c, d.draft.id, file, 'import.csv');
    assert.equal(preview.status, 200, preview.html.slice(0, 3000));
    assert.equal(counted(preview.html, 'created'), 2);
    assert.equal(counted(preview.html, 'updated'), 1);
    assert.equal(counted(preview.html, 'unchanged'), 0);
    assert.match(preview.html, /Bemerkungen/, 'ignored columns are named');

    const ok = await confirm(c, d.draft.id, preview.html, false);
    assert.equal(ok.status, 303, ok.status === 303 ? '' : (await ok.text()).slice(0, 3000));
    const page = await c.get(ok.headers.get('location')!);
    assert.match(await page.text(), /3 Maßnahmen importiert: 2 neu, 1 geändert, 0 unverändert/);

    const [created] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.number, '92.1')));
    const m = await measureById(t().db, created!.tenantId, created!.id);
    assert.equal(m.horizon, 'kurz');
    assert.equal(m.priority, 'quick_win');
    assert.equal(m.status, 'in_umsetzung');
    assert.equal(m.startDate, '2026-03-01');
    assert.equal(m.endDate, '2026-12-31');
    assert.equal(m.staffFte, '0.50');
    assert.equal(m.costEur, '1500.50');
    assert.deepEqual(m.sdgs, [4, 10]);
    assert.deepEqual(m.targetGroups, ['Eltern', 'Neuzugewanderte']);
    assert.equal(m.goalIds.length, 2);
    assert.equal(m.municipalityIds.length, 2);
    assert.equal(m.partnerActorIds.length, 1);

    const updated = await measureById(t().db, existing!.tenantId, existing!.id);
    assert.equal(updated.title, 'Integrationskurse am Abend (neuer Titel)');
    assert.equal(updated.version, existing!.version + 1);
    assert.equal(updated.internalNote, existing!.internalNote, 'columns the file does not have stay');

    const entries = await t().db.select().from(auditLog).where(sql`${auditLog.id} > 0`).orderBy(auditLog.id);
    const fresh = entries.slice(-(await d.audits()) + auditsBefore);
    assert.deepEqual(
      fresh.map((e) => `${e.action}:${e.entityType}`).sort(),
      ['import:edition', 'import:measure', 'import:measure', 'import:measure'],
    );
    const summary = fresh.find((e) => e.entityType === 'edition')!;
    assert.equal(summary.entityId, d.draft.id);
    assert.equal((summary.after as any).created, 2);
    assert.equal((summary.after as any).updated, 1);
  });

  test('neues Themenfeld und neues Ziel werden auf Wunsch angelegt', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const file = csv([
      ['Nr.', 'Handlungsfeld', 'Ziele', 'Maßnahme', 'Zeithorizont', 'Querschnittsthemen'],
      ['93.1', 'Digitale Teilhabe', '9.1 Digitale Kompetenzen stärken', 'Handysprechstunde', 'kurz', 'Interkulturelle Öffnung'],
      ['93.2', 'Digitale Teilhabe', 'Digitale Kompetenzen stärken; Verwaltung online erreichbar', 'Online-Termine in der Ausländerbehörde', 'mittel', ''],
    ]);
    const preview = await upload(c, d.draft.id, file, 'felder.csv');
    assert.equal(preview.status, 200, preview.html.slice(0, 2000));
    assert.match(preview.html, /Neue Themenfelder \(1\)/);
    assert.match(preview.html, /Neue Ziele \(2\)/);
    const before = await d.snapshot();
    const ok = await confirm(c, d.draft.id, preview.html, true);
    assert.equal(ok.status, 303, ok.status === 303 ? '' : (await ok.text()).slice(0, 3000));
    const after = await d.snapshot();
    assert.deepEqual([after.fields - before.fields, after.goals - before.goals, after.measures - before.measures], [1, 2, 2]);
    const [field] = await t().db.select().from(fields).where(and(eq(fields.editionId, d.draft.id), eq(fields.title, 'Digitale Teilhabe')));
    const fieldGoals = await t().db.select().from(goals).where(eq(goals.fieldId, field!.id)).orderBy(goals.position);
    assert.deepEqual(fieldGoals.map((g) => [g.number, g.title, g.kind]), [['9.1', 'Digitale Kompetenzen stärken', 'handlungsziel'], ['9.2', 'Verwaltung online erreichbar', 'handlungsziel']]);
    const [m2] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.draft.id), eq(measures.number, '93.2')));
    assert.equal((await t().db.select().from(measureGoals).where(eq(measureGoals.measureId, m2!.id))).length, 2);
  });

  test('Partner und Lesende dürfen nicht importieren (403); Redaktion auch nicht', async () => {
    const d = await demo(t());
    for (const who of ['partner@musterland.example', 'lesend@musterland.example', 'redaktion@musterland.example']) {
      const c = await t().signIn(who);
      assert.equal((await c.get(`${base}/${d.draft.id}/import`)).status, 403, who);
      assert.equal((await upload(c, d.draft.id, csv([['Nr.', 'Handlungsfeld', 'Maßnahme'], ['1', 'x', 'y']]), 'x.csv')).status, 403, who);
      const form = new FormData();
      form.append('inhalt', Buffer.from('Nr.;Handlungsfeld;Maßnahme\r\n').toString('base64'));
      assert.equal((await c.postMultipart(`${base}/${d.draft.id}/import/bestaetigen`, form)).status, 403, who);
    }
  });

  test('in die beschlossene Fassung wird nicht importiert', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const bytes = new Uint8Array(await (await c.get(`${base}/${d.adopted.id}/export.csv`)).arrayBuffer());
    const before = await d.snapshot();
    assert.equal((await c.get(`${base}/${d.adopted.id}/import`)).status, 409);
    const res = await upload(c, d.adopted.id, bytes, 'x.csv');
    assert.equal(res.status, 409);
    assert.match(res.html, /kann nicht mehr geändert werden/);
    const form = new FormData();
    form.append('inhalt', Buffer.from(bytes).toString('base64'));
    form.append('dateiname', 'x.csv');
    assert.equal((await c.postMultipart(`${base}/${d.adopted.id}/import/bestaetigen`, form)).status, 409);
    assert.deepEqual(await d.snapshot(), before);
  });

  test('Upload-Formular: multipart, CSRF-Feld, beschriftetes Dateifeld; Datei fehlt oder ist kaputt', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const html = await (await c.get(`${base}/${d.draft.id}/import`)).text();
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /name="_csrf"/);
    assert.match(html, /<label class="kern-label" for="f-datei">/);
    assert.match(html, /<th scope="col"/);
    const empty = await c.postMultipart(`${base}/${d.draft.id}/import`, new FormData());
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /Bitte wählen Sie eine Datei/);
    const broken = await upload(c, d.draft.id, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'kaputt.xlsx');
    assert.equal(broken.status, 422);
    assert.match(broken.html, /kann nicht gelesen werden/);
    const missing = await upload(c, d.draft.id, csv([['Nr.', 'Titel'], ['1', 'x']]), 'x.csv');
    assert.equal(missing.status, 422);
    assert.deepEqual(problemCells(missing.html), [['1', 'Themenfeld']]);
  });
});
