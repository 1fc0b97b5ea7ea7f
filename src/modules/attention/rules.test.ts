import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonths, addYears, berlinDate, daysBetween, monthsBetween } from '../../platform/dates.js';
import { attentionList, dueDateOf, forActor, isOverdue, isSilent, type AttentionInput, type AttentionMeasure } from './rules.js';

const adoptedOn = '2024-12-16';
let n = 0;
const measure = (over: Partial<AttentionMeasure> = {}): AttentionMeasure => ({
  id: `m${++n}`,
  number: `1.1.${n}`,
  title: `Maßnahme ${n}`,
  status: 'in_umsetzung',
  horizon: 'mittel',
  endDate: null,
  leadActorId: 'a1',
  leadActorName: 'Fachdienst Soziales',
  lastReportedOn: null,
  ...over,
});
const input = (over: Partial<AttentionInput> = {}): AttentionInput => ({
  edition: { id: 'e1', title: 'Integrationskonzept 2024', adoptedOn },
  measures: [],
  silentAfterMonths: 6,
  ...over,
});

describe('Kalenderrechnung', () => {
  test('Monate und Jahre addieren: der Tag wird auf das Monatsende gekürzt', () => {
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2023-01-31', 1), '2023-02-28');
    assert.equal(addMonths('2026-11-21', -6), '2026-05-21');
    assert.equal(addMonths('2026-01-15', -1), '2025-12-15');
    assert.equal(addYears('2024-02-29', 1), '2025-02-28');
    assert.equal(addYears(adoptedOn, 3), '2027-12-16');
  });
  test('Tage und volle Monate dazwischen', () => {
    assert.equal(daysBetween('2025-12-31', '2026-01-01'), 1);
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2, 'über die Zeitumstellung hinweg');
    assert.equal(monthsBetween('2026-05-21', '2026-11-21'), 6);
    assert.equal(monthsBetween('2026-05-21', '2026-11-20'), 5);
    assert.equal(monthsBetween('2024-01-31', '2024-02-29'), 1);
  });
  test('das Datum in Deutschland, nicht in UTC', () => {
    assert.equal(berlinDate(new Date('2026-11-21T23:30:00Z')), '2026-11-22');
    assert.equal(berlinDate(new Date('2026-07-01T21:59:00Z')), '2026-07-01');
    assert.equal(berlinDate(new Date('2026-07-01T22:00:00Z')), '2026-07-02');
  });
});

describe('Überfällige Maßnahmen', () => {
  test('Fälligkeit: das Enddatum, sonst Beschluss + 1/3/5 Jahre nach Zeithorizont, sonst keine', () => {
    assert.deepEqual(dueDateOf({ endDate: '2026-03-31', horizon: 'lang' }, adoptedOn), { due: '2026-03-31', basis: 'end_date' });
    assert.deepEqual(dueDateOf({ endDate: null, horizon: 'kurz' }, adoptedOn), { due: '2025-12-16', basis: 'horizon' });
    assert.deepEqual(dueDateOf({ endDate: null, horizon: 'mittel' }, adoptedOn), { due: '2027-12-16', basis: 'horizon' });
    assert.deepEqual(dueDateOf({ endDate: null, horizon: 'lang' }, adoptedOn), { due: '2029-12-16', basis: 'horizon' });
    assert.equal(dueDateOf({ endDate: null, horizon: 'kurz' }, null), undefined);
  });

  test('am Enddatum selbst noch nicht überfällig, am Tag danach schon', () => {
    const m = measure({ endDate: '2026-06-30' });
    assert.equal(isOverdue(m, adoptedOn, '2026-06-29'), undefined);
    assert.equal(isOverdue(m, adoptedOn, '2026-06-30'), undefined);
    assert.deepEqual(isOverdue(m, adoptedOn, '2026-07-01'), { measure: m, due: '2026-06-30', basis: 'end_date', daysOverdue: 1 });
  });

  test('kurzfristig ohne Enddatum: ein Jahr nach dem Beschluss fällig', () => {
    const m = measure({ horizon: 'kurz' });
    assert.equal(isOverdue(m, adoptedOn, '2025-12-16'), undefined);
    assert.equal(isOverdue(m, adoptedOn, '2025-12-17')?.daysOverdue, 1);
    assert.equal(isOverdue(m, adoptedOn, '2025-12-17')?.basis, 'horizon');
    // mittelfristig: drei Jahre
    assert.equal(isOverdue(measure({ horizon: 'mittel' }), adoptedOn, '2027-12-16'), undefined);
    assert.ok(isOverdue(measure({ horizon: 'mittel' }), adoptedOn, '2027-12-17'));
    // langfristig: fünf Jahre
    assert.equal(isOverdue(measure({ horizon: 'lang' }), adoptedOn, '2029-12-16'), undefined);
    assert.ok(isOverdue(measure({ horizon: 'lang' }), adoptedOn, '2029-12-17'));
  });

  test('umgesetzt, verstetigt und entfallen sind nie überfällig; geplant und zurückgestellt schon', () => {
    const today = '2027-01-01';
    for (const status of ['umgesetzt', 'verstetigt', 'entfallen'] as const) assert.equal(isOverdue(measure({ status, endDate: '2026-01-01' }), adoptedOn, today), undefined, status);
    for (const status of ['geplant', 'in_umsetzung', 'zurueckgestellt'] as const) assert.ok(isOverdue(measure({ status, endDate: '2026-01-01' }), adoptedOn, today), status);
  });
});

describe('Maßnahmen ohne Sachstandsmeldung', () => {
  test('genau N Monate nach der letzten Meldung: ab diesem Tag still', () => {
    const m = measure({ lastReportedOn: '2026-05-21' });
    assert.equal(isSilent(m, adoptedOn, 6, '2026-11-20'), undefined);
    assert.deepEqual(isSilent(m, adoptedOn, 6, '2026-11-21'), { measure: m, since: '2026-05-21', neverReported: false, months: 6 });
    assert.equal(isSilent(m, adoptedOn, 7, '2026-11-21'), undefined);
    assert.ok(isSilent(m, adoptedOn, 1, '2026-06-21'));
    assert.equal(isSilent(m, adoptedOn, 1, '2026-06-20'), undefined);
  });

  test('ohne jede Meldung zählt die Zeit ab dem Beschluss', () => {
    const m = measure();
    assert.equal(isSilent(m, adoptedOn, 6, '2025-06-15'), undefined);
    assert.deepEqual(isSilent(m, adoptedOn, 6, '2025-06-16'), { measure: m, since: adoptedOn, neverReported: true, months: 6 });
    assert.equal(isSilent(m, null, 6, '2030-01-01'), undefined, 'ohne Beschlussdatum und ohne Meldung: nichts zu zählen');
  });

  test('umgesetzte, verstetigte und entfallene Maßnahmen brauchen keine Meldung', () => {
    for (const status of ['umgesetzt', 'verstetigt', 'entfallen'] as const) assert.equal(isSilent(measure({ status }), adoptedOn, 6, '2027-01-01'), undefined, status);
    for (const status of ['geplant', 'in_umsetzung', 'zurueckgestellt'] as const) assert.ok(isSilent(measure({ status }), adoptedOn, 6, '2027-01-01'), status);
  });
});

describe('Die ganze Liste', () => {
  test('jede Liste nach Dringlichkeit: am längsten überfällig / still zuerst, bei Gleichstand nach Nummer (1.2 vor 1.10)', () => {
    const today = '2026-11-21';
    const a = measure({ number: '1.10', endDate: '2026-01-31', lastReportedOn: '2026-05-01' });
    const b = measure({ number: '1.2', endDate: '2026-01-31', lastReportedOn: '2026-01-01' });
    const c = measure({ number: '2.1', endDate: '2025-06-30', lastReportedOn: null });
    const d = measure({ number: '3.1', endDate: '2027-06-30', lastReportedOn: '2026-10-01', status: 'geplant' });
    const e = measure({ number: '3.2', endDate: '2025-01-01', status: 'umgesetzt' });
    const list = attentionList(input({ measures: [a, b, c, d, e] }), today);
    assert.deepEqual(list.overdue.map((o) => o.measure.number), ['2.1', '1.2', '1.10']);
    assert.deepEqual(list.silent.map((s) => s.measure.number), ['2.1', '1.2', '1.10']);
    assert.equal(list.silent[0]!.neverReported, true);
    assert.equal(list.today, today);
  });

  test('ohne beschlossene Fassung: Maßnahmen ohne Enddatum sind weder überfällig noch still', () => {
    const list = attentionList(input({ edition: undefined, measures: [measure({ horizon: 'kurz' }), measure({ endDate: '2020-01-01' })] }), '2026-11-21');
    assert.equal(list.overdue.length, 1);
    assert.equal(list.silent.length, 0);
  });

  test('für einen Akteur: nur die Maßnahmen, die er federführend verantwortet', () => {
    const list = attentionList(input({ measures: [measure({ leadActorId: 'a1', endDate: '2025-01-01' }), measure({ leadActorId: 'a2', endDate: '2025-01-01' }), measure({ leadActorId: null })] }), '2026-11-21');
    const mine = forActor(list, 'a2');
    assert.equal(mine.overdue.length, 1);
    assert.equal(mine.overdue[0]!.measure.leadActorId, 'a2');
    assert.ok(mine.silent.every((s) => s.measure.leadActorId === 'a2'));
    assert.equal(list.silent.length, 3);
  });
});
