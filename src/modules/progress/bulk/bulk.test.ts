import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describeEachDb, type TestApp, type TestClient } from '../../../../test/support/harness.js';
import { auditLog } from '../../../platform/audit/schema.js';
import { systemUser } from '../../../platform/auth/current-user.js';
import { actors } from '../../actors/schema.js';
import { editions } from '../../concepts/schema.js';
import { measurePartners, measures } from '../../measures/schema.js';
import { measureUpdates } from '../schema.js';
import { recordMeasureUpdate } from '../updates.js';

const base = '/app/k/musterland/fassungen';
const coordination = 'koordination@musterland.example';
const headings = ['Nr.', 'Maßnahme', 'Federführung', 'Status', 'Fortschritt %', 'Sachstand', 'Stand', 'öffentlich'];

async function demo(t: TestApp) {
  const [adopted] = await t.db.select().from(editions).where(eq(editions.status, 'beschlossen'));
  const count = async (table: typeof measureUpdates | typeof auditLog) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  const snapshot = async () => ({
    updates: await count(measureUpdates),
    audits: await count(auditLog),
    statuses: (await t.db.select({ id: measures.id, status: measures.status, progress: measures.progress, version: measures.version }).from(measures).where(eq(measures.editionId, adopted!.id))).sort((a, b) => a.id.localeCompare(b.id)),
  });
  return { adopted: adopted!, snapshot };
}

async function exported(c: TestClient, editionId: string) {
  const res = await c.get(`${base}/${editionId}/sachstand.xlsx`);
  assert.equal(res.status, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
  return { res, workbook, sheet: workbook.worksheets[0]! };
}

/** The row of the sheet with this Nr. */
function rowOf(sheet: ExcelJS.Worksheet, number: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row, i) => {
    if (i > 1 && String(row.getCell(1).value) === number) found = row;
  });
  assert.ok(found, `row ${number} in the sheet`);
  return found;
}
const col = (name: string) => headings.indexOf(name) + 1;

async function upload(c: TestClient, editionId: string, bytes: Uint8Array, name = 'sachstand.xlsx') {
  const form = new FormData();
  form.append('datei', new Blob([new Uint8Array(bytes)]), name);
  const res = await c.postMultipart(`${base}/${editionId}/sachstand/import`, form);
  return { status: res.status, html: await res.text() };
}

async function confirm(c: TestClient, editionId: string, previewHtml: string) {
  const form = new FormData();
  for (const name of ['inhalt', 'dateiname', 'versionen']) {
    const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(previewHtml)?.[1];
    assert.ok(value !== undefined, `hidden field ${name}`);
    form.append(name, value.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  }
  return c.postMultipart(`${base}/${editionId}/sachstand/import/bestaetigen`, form);
}

const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
const counted = (html: string, what: string) => Number(new RegExp(`data-count="${what}">\\s*(\\d+)\\s*<`).exec(html)?.[1]);
/** (row, column) pairs of the error table. */
const problemCells = (html: string) =>
  [...html.matchAll(/<th scope="row" class="kern-table__header kern-table__header--numeric">([^<]*)<\/th><td class="kern-table__cell">([^<]*)<\/td><td class="kern-table__cell">([^<]*)<\/td>/g)].map((m) => [m[1]!, m[2]!, m[3]!] as [string, string, string]);

describeEachDb('Sachstandstabelle: Export, Prüfung, Import', (t) => {
  test('Export: Spalten, eine Zeile je Maßnahme, jedes Mitglied darf herunterladen', async () => {
    const d = await demo(t());
    const c = await t().signIn('lesend@musterland.example');
    const { res, sheet } = await exported(c, d.adopted.id);
    assert.match(res.headers.get('content-disposition')!, /filename="sachstand-integrationskonzept-2024\.xlsx"/);
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), headings);
    assert.equal(sheet.name, 'Sachstand');
    const n = (await t().db.select({ n: sql<number>`count(*)::int` }).from(measures).where(eq(measures.editionId, d.adopted.id)))[0]!.n;
    assert.equal(sheet.actualRowCount, n + 1);
    assert.ok(['ja', 'nein'].includes(String(sheet.getRow(2).getCell(col('öffentlich')).value)));
    assert.equal(sheet.getRow(2).getCell(col('Status')).dataValidation?.type, 'list');
    // Reading members cannot import.
    assert.equal((await c.get(`${base}/${d.adopted.id}/sachstand/import`)).status, 403);
  });

  test('ein unveränderter Export: „Nichts zu ändern“, kein Bestätigen', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const before = await d.snapshot();
    const { workbook } = await exported(c, d.adopted.id);
    const preview = await upload(c, d.adopted.id, await bytesOf(workbook));
    assert.equal(preview.status, 200, preview.html.slice(0, 2000));
    assert.equal(counted(preview.html, 'changed'), 0);
    assert.equal(counted(preview.html, 'unchanged'), before.statuses.length);
    assert.match(preview.html, /Nichts zu ändern/);
    assert.doesNotMatch(preview.html, /sachstand\/import\/bestaetigen/);
    assert.deepEqual(await d.snapshot(), before);
  });

  test('Nummern, die ein Tabellenprogramm zu Datumsangaben gemacht hat (03.01.01 als Text, echte Datumszellen): dieselben Maßnahmen, nichts zu ändern', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const { workbook, sheet } = await exported(c, d.adopted.id);
    let dated = 0;
    sheet.eachRow((row, i) => {
      const m = /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/.exec(String(row.getCell(1).value));
      if (i === 1 || !m) return;
      // Every other row as German LibreOffice writes it to CSV text, the others as real date cells.
      row.getCell(1).value = dated++ % 2 ? m.slice(1).map((p) => p.padStart(2, '0')).join('.') : new Date(Date.UTC(2000 + Number(m[3]), Number(m[2]) - 1, Number(m[1])));
    });
    assert.ok(dated > 10, 'numbers turned into dates');
    const preview = await upload(c, d.adopted.id, new Uint8Array(await workbook.xlsx.writeBuffer()));
    assert.equal(preview.status, 200, `refused: ${JSON.stringify(problemCells(preview.html).slice(0, 5))}`);
    assert.equal(counted(preview.html, 'changed'), 0, 'nothing to change');
  });

  test('Fortschritt 150 und Status „fertig“: die Datei wird mit beiden Zeilenfehlern abgelehnt, nichts ändert sich', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const before = await d.snapshot();
    const { workbook, sheet } = await exported(c, d.adopted.id);
    const second = sheet.getRow(2);
    const third = sheet.getRow(3);
    second.getCell(col('Fortschritt %')).value = 150;
    third.getCell(col('Status')).value = 'fertig';
    // A valid change in another row does not get through either: all or nothing.
    sheet.getRow(4).getCell(col('Sachstand')).value = 'Neuer Stand, der nicht gespeichert werden darf.';
    const res = await upload(c, d.adopted.id, await bytesOf(workbook));
    assert.equal(res.status, 422);
    assert.match(res.html, /Die Datei wurde nicht importiert\. Es wurde nichts geändert\./);
    const cells = problemCells(res.html);
    assert.deepEqual(cells.map(([row, column]) => [row, column]), [['2', 'Fortschritt %'], ['3', 'Status']]);
    assert.match(cells[0]![2], /Der Fortschritt „150“ liegt nicht zwischen 0 und 100/);
    assert.match(cells[1]![2], /„fertig“ ist kein zulässiger Wert\. Erlaubt: geplant, in Umsetzung, umgesetzt/);
    assert.deepEqual(await d.snapshot(), before);
  });

  test('eine gültige Änderung: Vorschau alt → neu, geänderter Titel nur als Hinweis; Bestätigen speichert die Sachstandsmeldung', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const [m] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.adopted.id), eq(measures.status, 'in_umsetzung'))).limit(1);
    const updatesBefore = (await d.snapshot()).updates;
    const { workbook, sheet } = await exported(c, d.adopted.id);
    const row = rowOf(sheet, m!.number);
    row.getCell(col('Status')).value = 'umgesetzt';
    row.getCell(col('Sachstand')).value = 'Abgeschlossen: alle Kurse haben stattgefunden.';
    row.getCell(col('öffentlich')).value = 'ja';
    row.getCell(col('Maßnahme')).value = 'Ein ganz anderer Titel';
    const preview = await upload(c, d.adopted.id, await bytesOf(workbook));
    assert.equal(preview.status, 200, preview.html.slice(0, 3000));
    assert.equal(counted(preview.html, 'changed'), 1);
    const change = new RegExp(`<tr class="kern-table__row" data-change="${m!.number.replace(/\./g, '\\.')}">([\\s\\S]*?)</tr>`).exec(preview.html)?.[1];
    assert.ok(change, 'the changed measure is listed');
    assert.match(change, /in Umsetzung<\/span>.*umgesetzt/);
    assert.match(change, /100 %/, 'umgesetzt implies 100 %');
    assert.match(change, /Abgeschlossen: alle Kurse haben stattgefunden\./);
    assert.match(preview.html, /Nicht übernommen/);
    assert.match(preview.html, /Der Titel wird hier nicht geändert/);
    assert.equal((await d.snapshot()).updates, updatesBefore, 'the preview writes nothing');

    const res = await confirm(c, d.adopted.id, preview.html);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${base}/${d.adopted.id}`);
    const [after] = await t().db.select().from(measures).where(eq(measures.id, m!.id));
    assert.equal(after!.status, 'umgesetzt');
    assert.equal(after!.progress, 100);
    assert.equal(after!.title, m!.title, 'the title is not changed');
    const [update] = await t().db.select().from(measureUpdates).where(eq(measureUpdates.measureId, m!.id)).orderBy(sql`${measureUpdates.createdAt} desc`).limit(1);
    assert.equal(update!.text, 'Abgeschlossen: alle Kurse haben stattgefunden.');
    assert.equal(update!.status, 'umgesetzt');
    assert.equal(update!.isPublic, true);
    assert.equal(update!.authorName, 'Katrin Koordination');
    assert.equal((await d.snapshot()).updates, updatesBefore + 1, 'exactly one Sachstandsmeldung');
    const [imported] = await t().db.select().from(auditLog).where(and(eq(auditLog.action, 'import'), eq(auditLog.entityId, d.adopted.id))).orderBy(sql`${auditLog.id} desc`).limit(1);
    assert.equal((imported!.after as { kind: string }).kind, 'sachstand');

    // The new export re-imports as nothing to change.
    const again = await exported(c, d.adopted.id);
    const check = await upload(c, d.adopted.id, await bytesOf(again.workbook));
    assert.equal(counted(check.html, 'changed'), 0);
  });

  test('dieselbe Vorschau zweimal zugleich bestätigt (Doppelklick): eine Sachstandsmeldung, beide Antworten ohne Fehler', async () => {
    const d = await demo(t());
    const [a, b] = [await t().signIn(coordination), await t().signIn(coordination)];
    const [m] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.adopted.id), eq(measures.status, 'in_umsetzung'))).limit(1);
    const updatesBefore = (await d.snapshot()).updates;
    const { workbook, sheet } = await exported(a, d.adopted.id);
    rowOf(sheet, m!.number).getCell(col('Sachstand')).value = 'Zweimal bestätigt, einmal gemeldet.';
    const preview = await upload(a, d.adopted.id, await bytesOf(workbook));
    assert.equal(preview.status, 200, preview.html.slice(0, 3000));
    const answers = await Promise.all([confirm(a, d.adopted.id, preview.html), confirm(b, d.adopted.id, preview.html)]);
    assert.deepEqual(answers.map((r) => r.status), [303, 303], 'the second waits for the first and finds nothing left to report');
    assert.equal((await d.snapshot()).updates, updatesBefore + 1, 'one report');
  });

  test('nur der Status geändert: ikon formuliert den Text; ein neues Datum in „Stand“ wird das Meldedatum', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const [m] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.adopted.id), eq(measures.status, 'geplant'))).limit(1);
    const { workbook, sheet } = await exported(c, d.adopted.id);
    const row = rowOf(sheet, m!.number);
    row.getCell(col('Status')).value = 'in Umsetzung';
    row.getCell(col('Fortschritt %')).value = 20;
    row.getCell(col('Stand')).value = new Date(Date.UTC(2026, 0, 15));
    const preview = await upload(c, d.adopted.id, await bytesOf(workbook));
    assert.equal(preview.status, 200, preview.html.slice(0, 3000));
    assert.match(preview.html, /Sammelmeldung aus der Sachstandstabelle: Status von „geplant“ auf „in Umsetzung“; Fortschritt von (–|\d+ %) auf 20 %\./);
    assert.match(preview.html, /15\.01\.2026/);
    assert.equal((await confirm(c, d.adopted.id, preview.html)).status, 303);
    const [update] = await t().db.select().from(measureUpdates).where(eq(measureUpdates.measureId, m!.id)).orderBy(sql`${measureUpdates.createdAt} desc`).limit(1);
    assert.equal(update!.reportedOn, '2026-01-15');
    assert.equal(update!.progress, 20);
    assert.match(update!.text, /^Sammelmeldung aus der Sachstandstabelle/);
  });

  test('dieselbe Datei zweimal: rückdatierte Meldung in der Vorschau markiert, beim zweiten Hochladen nichts zu ändern', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    // A measure in progress whose latest report lies after the date the file gives.
    const [m] = await t()
      .db.select({ id: measures.id, number: measures.number })
      .from(measures)
      .innerJoin(measureUpdates, eq(measureUpdates.measureId, measures.id))
      .where(and(eq(measures.editionId, d.adopted.id), eq(measures.status, 'in_umsetzung'), sql`${measureUpdates.reportedOn} > '2025-09-06'`))
      .limit(1);
    assert.ok(m, 'a measure with a report after 06.09.2025');
    const { workbook, sheet } = await exported(c, d.adopted.id);
    const row = rowOf(sheet, m.number);
    row.getCell(col('Status')).value = 'umgesetzt';
    row.getCell(col('Sachstand')).value = 'Abgeschlossen im September 2025.';
    row.getCell(col('Stand')).value = new Date(Date.UTC(2025, 8, 6));
    const file = await bytesOf(workbook);
    const preview = await upload(c, d.adopted.id, file);
    assert.equal(preview.status, 200, preview.html.slice(0, 3000));
    assert.equal(counted(preview.html, 'changed'), 1, 'one row changes');
    assert.match(preview.html, /data-backdated="1">\s*06\.09\.2025[\s\S]*?rückdatiert: vor der letzten Meldung vom \d\d\.\d\d\.\d{4}/, 'the back-dated report is marked');
    assert.equal((await confirm(c, d.adopted.id, preview.html)).status, 303, 'confirmed');
    const [after] = await t().db.select().from(measures).where(eq(measures.id, m.id));
    assert.equal(after!.progress, 100, 'umgesetzt: the figure from the export (the old progress) gives way to the status rule');
    const before = await d.snapshot();

    const again = await upload(c, d.adopted.id, file);
    assert.equal(again.status, 200, again.html.slice(0, 3000));
    assert.equal(counted(again.html, 'changed'), 0, 'the same file proposes nothing the second time');
    assert.match(again.html, /Nichts zu ändern/);
    assert.match(again.html, /Dieser Sachstand ist schon gemeldet \(Meldung vom 06\.09\.2025\)/);
    assert.deepEqual(await d.snapshot(), before, 'nothing written');
  });

  test('„umgesetzt“ mit 50 %: die Statusregel gilt (100 %), die Vorschau nennt sie; das Formular lehnt den Widerspruch ab', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const [m] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.adopted.id), eq(measures.status, 'in_umsetzung'))).limit(1);
    const before = await d.snapshot();
    const form = await c.post(`/app/k/musterland/massnahmen/${m!.id}/umsetzung`, { status: 'umgesetzt', progress: '50', text: 'Fertig.', version: String(m!.version) });
    assert.equal(form.status, 422, 'the single report form refuses the contradiction');
    assert.match(await form.text(), /Beim Status „umgesetzt“ ist der Fortschritt immer 100 % \(Statusregel\)/);
    assert.deepEqual(await d.snapshot(), before, 'nothing written');

    const { workbook, sheet } = await exported(c, d.adopted.id);
    const row = rowOf(sheet, m!.number);
    row.getCell(col('Status')).value = 'umgesetzt';
    row.getCell(col('Fortschritt %')).value = 50;
    const preview = await upload(c, d.adopted.id, await bytesOf(workbook));
    assert.equal(preview.status, 200, preview.html.slice(0, 2000));
    const change = new RegExp(`<tr class="kern-table__row" data-change="${m!.number.replace(/\./g, '\\.')}">([\\s\\S]*?)</tr>`).exec(preview.html)?.[1];
    assert.ok(change, 'the measure is listed');
    assert.match(change, /<span class="diff-after">100 %<\/span>/, 'the status rule sets 100 %');
    assert.match(preview.html, /Beim Status „umgesetzt“ ist der Fortschritt immer 100 % \(Statusregel\); die 50 % aus der Datei werden nicht übernommen\./);
    assert.equal((await confirm(c, d.adopted.id, preview.html)).status, 303);
    const [after] = await t().db.select().from(measures).where(eq(measures.id, m!.id));
    assert.deepEqual([after!.status, after!.progress], ['umgesetzt', 100]);
  });

  test('Partner: nur Maßnahmen, an denen sein Akteur beteiligt ist; andere geänderte Zeilen sind Fehler', async () => {
    const d = await demo(t());
    const c = await t().signIn('partner@musterland.example');
    const [kvhs] = await t().db.select().from(actors).where(eq(actors.name, 'Kreisvolkshochschule Musterland'));
    const inEdition = await t().db.select().from(measures).where(eq(measures.editionId, d.adopted.id));
    const partnerOf = new Set((await t().db.select().from(measurePartners).where(eq(measurePartners.actorId, kvhs!.id))).map((p) => p.measureId));
    const mine = inEdition.find((m) => m.leadActorId === kvhs!.id && m.status !== 'umgesetzt')!;
    const other = inEdition.find((m) => m.leadActorId !== kvhs!.id && !partnerOf.has(m.id) && m.status !== 'umgesetzt')!;
    const before = await d.snapshot();
    const { workbook, sheet } = await exported(c, d.adopted.id);
    rowOf(sheet, mine.number).getCell(col('Sachstand')).value = 'Neuer Kurs ab Februar.';
    const otherRow = rowOf(sheet, other.number);
    otherRow.getCell(col('Sachstand')).value = 'Das darf ich nicht melden.';
    const refused = await upload(c, d.adopted.id, await bytesOf(workbook));
    assert.equal(refused.status, 422);
    const cells = problemCells(refused.html);
    assert.equal(cells.length, 1, refused.html.slice(0, 3000));
    assert.equal(cells[0]![0], String(otherRow.number));
    assert.match(cells[0]![2], new RegExp(`Für die Maßnahme ${other.number.replace(/\./g, '\\.')} dürfen Sie keinen Sachstand melden`));
    assert.deepEqual(await d.snapshot(), before);

    otherRow.getCell(col('Sachstand')).value = (await exported(c, d.adopted.id)).sheet.getRow(otherRow.number).getCell(col('Sachstand')).value;
    const ok = await upload(c, d.adopted.id, await bytesOf(workbook));
    assert.equal(ok.status, 200, ok.html.slice(0, 3000));
    assert.equal(counted(ok.html, 'changed'), 1);
    assert.equal((await confirm(c, d.adopted.id, ok.html)).status, 303);
    assert.equal((await d.snapshot()).updates, before.updates + 1);
  });

  test('Partner meldet öffentlich per Tabelle: die Meldung wartet auf Prüfung und lässt die Maßnahme, wie sie ist (wie das Formular)', async () => {
    const d = await demo(t());
    const c = await t().signIn('partner@musterland.example');
    const [kvhs] = await t().db.select().from(actors).where(eq(actors.name, 'Kreisvolkshochschule Musterland'));
    const [mine] = (await t().db.select().from(measures).where(and(eq(measures.editionId, d.adopted.id), eq(measures.leadActorId, kvhs!.id)))).filter((m) => m.status === 'in_umsetzung');
    assert.ok(mine, 'a measure of the partner in progress');
    const measureAudits = async () => (await t().db.select().from(auditLog).where(and(eq(auditLog.entityId, mine.id), eq(auditLog.entityType, 'measure')))).length;
    const auditsBefore = await measureAudits();
    const { workbook, sheet } = await exported(c, d.adopted.id);
    const row = rowOf(sheet, mine.number);
    row.getCell(col('Fortschritt %')).value = mine.progress === 70 ? 80 : 70;
    row.getCell(col('Sachstand')).value = 'Öffentlich gemeldet, wartet auf die Koordination.';
    row.getCell(col('öffentlich')).value = 'ja';
    const preview = await upload(c, d.adopted.id, await bytesOf(workbook));
    assert.equal(preview.status, 200, preview.html.slice(0, 3000));
    assert.equal((await confirm(c, d.adopted.id, preview.html)).status, 303);
    const [report] = await t().db.select().from(measureUpdates).where(and(eq(measureUpdates.measureId, mine.id), eq(measureUpdates.text, 'Öffentlich gemeldet, wartet auf die Koordination.')));
    assert.equal(report?.review, 'pending', 'the report waits for review');
    assert.equal(report?.isPublic, false, 'and is internal until approved');
    const [now] = await t().db.select().from(measures).where(eq(measures.id, mine.id));
    assert.deepEqual({ status: now!.status, progress: now!.progress, version: now!.version }, { status: mine.status, progress: mine.progress, version: mine.version }, 'the measure is unchanged');
    assert.equal(await measureAudits(), auditsBefore, 'no measure change in the log');
  });

  test('jemand meldet zwischen Vorschau und Bestätigen: Zeilenfehler, nichts gespeichert', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const [m] = await t().db.select().from(measures).where(and(eq(measures.editionId, d.adopted.id), eq(measures.status, 'in_umsetzung'))).limit(1);
    const { workbook, sheet } = await exported(c, d.adopted.id);
    const row = rowOf(sheet, m!.number);
    row.getCell(col('Sachstand')).value = 'Mein Stand aus der Tabelle.';
    const preview = await upload(c, d.adopted.id, await bytesOf(workbook));
    assert.equal(counted(preview.html, 'changed'), 1);
    await recordMeasureUpdate({ db: t().db, user: systemUser }, m!.tenantId, m!.id, { status: 'in_umsetzung', text: 'Zwischendurch gemeldet.', isPublic: false, version: m!.version });
    const before = await d.snapshot();
    const res = await confirm(c, d.adopted.id, preview.html);
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /inzwischen von jemand anderem geändert/);
    assert.deepEqual(problemCells(html).map(([r]) => r), [String(row.number)]);
    assert.deepEqual(await d.snapshot(), before);
  });

  test('Kopfzeile ohne Nr. oder ohne Wertespalten: Dateifehler; unbekannte Nummer: Zeilenfehler', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    const csv = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`));
    let res = await upload(c, d.adopted.id, csv('Maßnahme;Status\r\nIrgendwas;geplant\r\n'), 'x.csv');
    assert.equal(res.status, 422);
    assert.match(res.html, /Diese Spalte fehlt/);
    res = await upload(c, d.adopted.id, csv('Nr.;Maßnahme\r\n1.1.1;Irgendwas\r\n'), 'x.csv');
    assert.equal(res.status, 422);
    assert.match(res.html, /keine der Spalten Status, Fortschritt % oder Sachstand/);
    res = await upload(c, d.adopted.id, csv('Nr.;Status;Fortschritt %\r\n99.99.99;geplant;\r\n'), 'x.csv');
    assert.equal(res.status, 422);
    assert.deepEqual(problemCells(res.html).map(([r, col]) => [r, col]), [['2', 'Nr.']]);
    assert.match(res.html, /Eine Maßnahme mit der Nummer 99\.99\.99 gibt es in dieser Fassung nicht/);
  });
});
