import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { describeEachDb, type TestApp } from '../../../test/support/harness.js';
import { officeMissing, resaveSpreadsheet } from '../../../test/support/libreoffice.js';
import { confirmTable, countOf, csvOf, problemRows, uploadTable } from '../../../test/support/record-import.js';
import { auditLog } from '../../platform/audit/schema.js';
import { readScheduleCell, scheduleCell } from './schedule-cell.js';
import { offers } from './schema.js';
import type { Schedule } from './schema.js';

const path = '/app/k/musterland/angebote';
const coordination = 'koordination@musterland.example';
const noOffice = await officeMissing();

async function state(t: TestApp) {
  const rows = await t.db.select({ id: offers.id, version: offers.version }).from(offers).orderBy(offers.id);
  const [audits] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return { rows, audits: audits!.n };
}

test('times in one cell: every kind of schedule reads back as written', () => {
  const schedules: Schedule[] = [
    { kind: 'nach_vereinbarung' },
    { kind: 'termine', dates: [{ date: '2027-01-12', start: '15:00', end: '17:00' }, { date: '2027-01-19', start: '09:30', end: '11:00' }] },
    { kind: 'oeffnungszeiten', slots: [{ weekday: 1, opens: '09:00', closes: '12:00' }, { weekday: 1, opens: '14:00', closes: '16:00' }, { weekday: 4, opens: '10:00', closes: '12:00' }] },
    { kind: 'wiederkehrend', rrule: 'FREQ=WEEKLY;BYDAY=TU', firstDate: '2026-01-06', start: '15:00', end: '17:00', exceptions: ['2026-01-13', '2026-02-17'] },
  ];
  for (const s of schedules) assert.deepEqual(readScheduleCell(scheduleCell(s)), { schedule: s }, scheduleCell(s));
  assert.equal(scheduleCell(schedules[2]!), 'Öffnungszeiten: Mo 09:00–12:00, 14:00–16:00; Do 10:00–12:00');
  assert.deepEqual(readScheduleCell('öffnungszeiten: mo 9-12'), { schedule: { kind: 'oeffnungszeiten', slots: [{ weekday: 1, opens: '09:00', closes: '12:00' }] } }, 'as people type it');
  assert.ok('problem' in readScheduleCell('dienstags nachmittags'));
  assert.ok('problem' in readScheduleCell('Termine: 31.02.2027 15:00–17:00'));
});

describeEachDb('Angebote: Export und Import', (t) => {
  test('Export .xlsx und .csv mit ID; erneuter Import ändert nichts (auch nach Bestätigung); LibreOffice deutsch/englisch', async () => {
    const c = await t().signIn(coordination);
    const before = await state(t());
    for (const ext of ['xlsx', 'csv'] as const) {
      const res = await c.get(`${path}/export.${ext}`);
      assert.equal(res.status, 200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const preview = await uploadTable(c, path, bytes, `angebote.${ext}`);
      assert.equal(preview.status, 200, JSON.stringify(problemRows(preview.html).slice(0, 12)));
      assert.equal(countOf(preview.html, 'updated'), 0, `${ext}: nothing changed ${preview.html.slice(preview.html.indexOf('data-changes'), preview.html.indexOf('data-changes') + 1500)}`);
      assert.equal(countOf(preview.html, 'created'), 0);
      assert.equal(countOf(preview.html, 'unchanged'), before.rows.length);
      const form = new FormData();
      form.append('inhalt', Buffer.from(bytes).toString('base64'));
      form.append('dateiname', `angebote.${ext}`);
      assert.equal((await c.postMultipart(`${path}/import/bestaetigen`, form)).status, 303);
      assert.deepEqual(await state(t()), before, `${ext}: confirming the unchanged file writes nothing, audits nothing`);
      if (ext === 'xlsx' && !noOffice) {
        for (const locale of ['de-DE', 'en-US'] as const) {
          const resaved = await resaveSpreadsheet(bytes, 'angebote.xlsx', 'xlsx', locale);
          const again = await uploadTable(c, path, resaved, 'angebote.xlsx');
          assert.equal(again.status, 200, `${locale}: ${again.html.slice(0, 1500)}`);
          assert.equal(countOf(again.html, 'updated'), 0, `${locale}: re-saved by LibreOffice, nothing changed`);
          assert.equal(countOf(again.html, 'created'), 0);
        }
      }
    }
  });

  test('bearbeitete CSV: Änderung alt → neu, neues Angebot per Titel, Protokoll; Fehler mit Zeile und Spalte, nichts gespeichert', async () => {
    const c = await t().signIn(coordination);
    const text = Buffer.from(await (await c.get(`${path}/export.csv`)).arrayBuffer()).toString('utf8');
    const [head, ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    const at = (h: string) => head!.indexOf(h);
    const edited = rows.map((r) => [...r]);
    edited[0]![at('Kosten')] = '3 € pro Termin';
    edited[0]![at('kostenlos')] = 'nein';
    const fresh = head!.map(() => '');
    fresh[at('Titel')] = 'Nähcafé am Markt';
    fresh[at('Kategorie')] = 'Treff/Café';
    fresh[at('Träger')] = rows[0]![at('Träger')]!.split('; ')[0]!;
    fresh[at('Zeiten')] = 'Öffnungszeiten: Mi 15:00–17:00';
    fresh[at('Sprachen')] = 'de; ar';
    const preview = await uploadTable(c, path, csvOf([['Angebote Stand 2026'], head!, ...edited, fresh]), 'angebote.csv');
    assert.equal(preview.status, 200, JSON.stringify(problemRows(preview.html).slice(0, 12)));
    assert.equal(countOf(preview.html, 'created'), 1);
    assert.equal(countOf(preview.html, 'updated'), 1);
    assert.match(preview.html, /<th scope="row" class="kern-table__header">kostenlos<\/th><td class="kern-table__cell">ja<\/td><td class="kern-table__cell">nein<\/td>/);
    const audits = (await state(t())).audits;
    assert.equal((await confirmTable(c, path, preview.html)).status, 303);
    const [created] = await t().db.select().from(offers).where(eq(offers.title, 'Nähcafé am Markt'));
    assert.deepEqual(created?.schedule, { kind: 'oeffnungszeiten', slots: [{ weekday: 3, opens: '15:00', closes: '17:00' }] });
    assert.deepEqual(created?.weekdays, [3]);
    assert.equal(created?.published, false, 'not published unless the file says so');
    assert.equal((await state(t())).audits, audits + 2);

    const before = await state(t());
    const wrong = head!.map(() => '');
    wrong[at('Titel')] = 'Kaputt <script>alert(1)</script>';
    wrong[at('Träger')] = 'Unbekannter Verein';
    wrong[at('Zeiten')] = 'dienstags';
    wrong[at('Sprachen')] = 'klingonisch';
    wrong[at('PLZ')] = '123';
    wrong[at('veröffentlicht')] = 'vielleicht';
    const res = await uploadTable(c, path, csvOf([head!, wrong, [...wrong.slice(0, at('Titel')), '', ...wrong.slice(at('Titel') + 1)]]), 'fehler.csv');
    assert.equal(res.status, 422);
    const problems = problemRows(res.html);
    assert.deepEqual(problems.filter(([r]) => r === '2').map(([, col]) => col).sort(), ['PLZ', 'Sprachen', 'Träger', 'Zeiten', 'veröffentlicht'].sort(), 'every wrong cell of the row');
    assert.ok(problems.some(([r, col, why]) => r === '2' && col === 'Träger' && /Unbekannt: „Unbekannter Verein“/.test(why)));
    assert.ok(problems.some(([r, col]) => r === '3' && col === 'Titel'), 'a row without title');
    assert.doesNotMatch(res.html, /<script>alert/);
    assert.deepEqual(await state(t()), before, 'nothing stored');
  });

  test('Lesende: kein Import, kein Export (interne Notizen); falsches CSRF-Token: 403', async () => {
    const c = await t().signIn(coordination);
    const form = new FormData();
    form.append('_csrf', 'falsch');
    form.append('datei', new Blob([csvOf([['Titel'], ['Ohne Token']])]), 'x.csv');
    assert.equal((await c.postMultipart(`${path}/import`, form)).status, 403);
    const reader = await t().signIn('lesend@musterland.example');
    assert.equal((await reader.get(`${path}/import`)).status, 403);
    assert.equal((await reader.get(`${path}/export.csv`)).status, 403);
  });
});
