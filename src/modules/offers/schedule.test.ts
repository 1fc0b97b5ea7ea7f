import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../platform/errors.js';
import { parseOfferInput } from './input.js';
import { scheduleFromForm, scheduleFormValues } from './schedule-form.js';
import { berlinInstant, isValidRrule, occurrencesBetween, upcoming, weekdaysOf } from './schedule.js';
import type { Schedule } from './schema.js';
import { rrulePackage } from './rrule.js';

const tuesdays: Schedule = { kind: 'wiederkehrend', rrule: 'FREQ=WEEKLY;BYDAY=TU', firstDate: '2026-03-03', start: '15:00', end: '17:00', exceptions: ['2026-03-17'] };

describe('Zeiten eines Angebots', () => {
  test('„jeden Dienstag 15–17 Uhr“ bleibt über die Zeitumstellung 15–17 Uhr, Ausfälle fehlen', () => {
    const spring = occurrencesBetween(tuesdays, '2026-03-01', '2026-04-08');
    assert.deepEqual(spring.map((o) => o.date), ['2026-03-03', '2026-03-10', '2026-03-24', '2026-03-31', '2026-04-07'], 'Tuesdays without the exception');
    // CET (UTC+1) before 29 March 2026, CEST (UTC+2) after.
    assert.equal(spring[2]!.start.toISOString(), '2026-03-24T14:00:00.000Z', 'winter time');
    assert.equal(spring[3]!.start.toISOString(), '2026-03-31T13:00:00.000Z', 'summer time');
    assert.equal(spring[3]!.end.toISOString(), '2026-03-31T15:00:00.000Z', 'end in summer time');
    const autumn = occurrencesBetween({ ...tuesdays, exceptions: [] }, '2026-10-20', '2026-11-03');
    assert.deepEqual(autumn.map((o) => o.start.toISOString()), ['2026-10-20T13:00:00.000Z', '2026-10-27T14:00:00.000Z', '2026-11-03T14:00:00.000Z'], 'back to winter time after 25 October');
  });

  test('eine Uhrzeit in der Nacht der Umstellung: 02:30 gibt es am 29.03. nicht, 02:30 am 25.10. zweimal', () => {
    assert.equal(berlinInstant('2026-03-29', '02:30').toISOString(), '2026-03-29T01:30:00.000Z', 'the missing hour: 02:30 is read as 03:30 summer time');
    assert.equal(berlinInstant('2026-03-29', '03:30').toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(berlinInstant('2026-10-25', '01:30').toISOString(), '2026-10-24T23:30:00.000Z');
    assert.equal(berlinInstant('2026-10-25', '03:30').toISOString(), '2026-10-25T02:30:00.000Z');
  });

  test('monatlich am letzten Freitag, alle zwei Wochen, bis zu einem Datum', () => {
    const lastFriday = occurrencesBetween({ ...tuesdays, rrule: 'FREQ=MONTHLY;BYDAY=-1FR', firstDate: '2026-01-01', exceptions: [] }, '2026-01-01', '2026-04-30');
    assert.deepEqual(lastFriday.map((o) => o.date), ['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24']);
    const biweekly = occurrencesBetween({ ...tuesdays, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20260320T235959Z', firstDate: '2026-03-02', exceptions: [] }, '2026-03-01', '2026-04-30');
    assert.deepEqual(biweekly.map((o) => o.date), ['2026-03-02', '2026-03-05', '2026-03-16', '2026-03-19']);
    assert.deepEqual(weekdaysOf({ ...tuesdays, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH' }), [1, 4]);
    assert.deepEqual(weekdaysOf({ ...tuesdays, rrule: 'FREQ=MONTHLY;BYDAY=-1FR' }), [5]);
    assert.deepEqual(weekdaysOf({ ...tuesdays, rrule: 'FREQ=MONTHLY' }), [2], 'a rule without BYDAY repeats the first date’s weekday');
  });

  test('Öffnungszeiten mit zwei Zeiträumen; heute geöffnet und nächster Termin; vorübergehend geschlossen', () => {
    const hours: Schedule = { kind: 'oeffnungszeiten', slots: [{ weekday: 1, opens: '09:00', closes: '12:00' }, { weekday: 1, opens: '14:00', closes: '16:00' }, { weekday: 3, opens: '09:00', closes: '12:00' }] };
    const monday = '2026-11-30';
    const at = berlinInstant(monday, '13:00');
    const now = upcoming(hours, at, monday, { temporarilyClosed: false, reopensOn: null });
    assert.deepEqual(now.today.map((o) => o.startTime), ['09:00', '14:00'], 'both slots of today');
    assert.equal(now.next?.startTime, '14:00', 'the afternoon slot is next at 13:00');
    const closed = upcoming(hours, at, monday, { temporarilyClosed: true, reopensOn: '2026-12-09' });
    assert.deepEqual(closed.today, [], 'closed today');
    assert.equal(closed.next?.date, '2026-12-09', 'next after reopening (a Wednesday)');
    assert.equal(upcoming(hours, at, monday, { temporarilyClosed: true, reopensOn: null }).next, null, 'closed without a date: no next time');
    assert.deepEqual(weekdaysOf(hours), [1, 3]);
  });

  test('RRULEs, die zu fein oder unlesbar sind, werden abgewiesen', () => {
    assert.ok(isValidRrule('FREQ=WEEKLY;BYDAY=TU'), 'weekly');
    assert.ok(isValidRrule('RRULE:FREQ=MONTHLY;BYDAY=+1MO'), 'with prefix');
    for (const bad of ['FREQ=HOURLY', 'FREQ=MINUTELY;INTERVAL=1', 'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY', 'BYDAY=TU', 'FREQ=WEEKLY;BYDAY=XX', 'FREQ=DAILY;BYHOUR=1,2,3', 'FREQ=WEEKLY;INTERVAL=0', 'x'.repeat(600), '']) {
      assert.equal(isValidRrule(bad), false, `refused: ${bad.slice(0, 40)}`);
    }
  });
});

describe('Zeiten im Formular', () => {
  test('wöchentlich mit Ausfällen und Enddatum wird zur RRULE und wieder zum Formular', () => {
    const { schedule, errors } = scheduleFromForm({ scheduleKind: 'wiederkehrend', recurFrequency: 'weekly', recurWeekdays: ['TU', 'TH'], recurFirstDate: '2026-09-01', recurStart: '15:00', recurEnd: '17 Uhr', recurUntil: '2027-06-30', recurExceptions: '22.12.2026\n2026-12-29' });
    assert.deepEqual(errors, []);
    assert.deepEqual(schedule, { kind: 'wiederkehrend', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630T235959Z', firstDate: '2026-09-01', start: '15:00', end: '17:00', exceptions: ['2026-12-22', '2026-12-29'] });
    const back = scheduleFormValues(schedule!);
    assert.deepEqual(back.recurWeekdays, ['TU', 'TH']);
    assert.equal(back.recurFrequency, 'weekly');
    assert.equal(back.recurUntil, '2027-06-30');
  });

  test('Termine und Öffnungszeiten aus dem Formular; Fehler nennen das Feld', () => {
    const dates = scheduleFromForm({ scheduleKind: 'termine', dateLines: '12.01.2027 15:00–17:00\n2027-01-19 9:30 - 11:00' });
    assert.deepEqual(dates.schedule, { kind: 'termine', dates: [{ date: '2027-01-12', start: '15:00', end: '17:00' }, { date: '2027-01-19', start: '09:30', end: '11:00' }] });
    const badLine = scheduleFromForm({ scheduleKind: 'termine', dateLines: '12.01.2027 15:00–17:00\nnächsten Dienstag' });
    assert.deepEqual(badLine.errors, [{ field: 'dateLines', messageKey: 'validation.offer_date_line', params: { line: 2 } }]);
    const hours = scheduleFromForm({ scheduleKind: 'oeffnungszeiten', hours_1_1_opens: '09:00', hours_1_1_closes: '12:00', hours_1_2_opens: '14:00', hours_1_2_closes: '13:00' });
    assert.deepEqual(hours.errors.map((e) => [e.field, e.messageKey]), [['hours_1_2_closes', 'validation.offer_end_before_start']]);
    const none = scheduleFromForm({ scheduleKind: 'oeffnungszeiten' });
    assert.equal(none.errors[0]?.messageKey, 'validation.offer_slots_required');
    assert.equal(scheduleFromForm({ scheduleKind: 'irgendwann' }).errors[0]?.field, 'scheduleKind');
  });

  test('ein Angebot ohne Titel, mit falscher Sprache und unlesbarer Zeit meldet alles auf einmal', () => {
    try {
      parseOfferInput({ title: '', category: 'sprachkurs', providerIds: [], languages: ['xx'], scheduleKind: 'wiederkehrend', recurFrequency: 'weekly', recurFirstDate: '2026-02-30' });
      assert.fail('should not parse');
    } catch (e) {
      assert.ok(e instanceof AppError, 'an AppError');
      const fields = e.fieldErrors.map((f) => f.field).sort();
      for (const f of ['title', 'providerIds', 'languages.0', 'recurFirstDate', 'recurWeekdays', 'recurStart', 'recurEnd']) assert.ok(fields.includes(f), `reports ${f}: ${fields.join(',')}`);
    }
  });

  test('eine Regel wird für dieselben Tage nur einmal ausgerechnet (issue 9: der Kalender aller Angebote)', () => {
    const { RRule } = rrulePackage;
    const between = RRule.prototype.between;
    let expansions = 0;
    RRule.prototype.between = function (...args: Parameters<typeof between>) {
      expansions++;
      return between.apply(this, args);
    };
    try {
      const rule: Schedule = { ...tuesdays, rrule: 'FREQ=WEEKLY;BYDAY=WE', exceptions: ['2026-05-13'] };
      const first = occurrencesBetween(rule, '2026-05-01', '2026-06-30');
      const again = occurrencesBetween({ ...rule }, '2026-05-01', '2026-06-30');
      assert.deepEqual(again, first, 'the same occurrences');
      assert.equal(expansions, 1, 'expanded once');
      assert.ok(!first.some((o) => o.date === '2026-05-13') && first.length === 7, 'the exception is left out');
      // Anything the expansion reads makes another one: exceptions, days, the rule.
      assert.equal(occurrencesBetween({ ...rule, exceptions: [] }, '2026-05-01', '2026-06-30').length, 8);
      assert.equal(occurrencesBetween(rule, '2026-05-01', '2026-05-31').length, 3);
      assert.equal(occurrencesBetween({ ...rule, rrule: 'FREQ=WEEKLY;BYDAY=WE;INTERVAL=2' }, '2026-05-01', '2026-06-30').length, 3);
      assert.equal(expansions, 4);
    } finally {
      RRule.prototype.between = between;
    }
  });
});
