import { z } from 'zod';
import { addDays, isCalendarDate } from '../../platform/dates.js';
import { rrulePackage } from './rrule.js';
import type { OfferDate, OpeningSlot, Schedule } from './schema.js';

/** Offers happen in Germany: every wall-clock time of a schedule is Europe/Berlin. */
export const offerTimeZone = 'Europe/Berlin';

const { RRule } = rrulePackage;

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = () => z.string({ error: 'validation.required' }).regex(timePattern, 'validation.offer_time');
const day = () => z.string({ error: 'validation.required' }).refine(isCalendarDate, 'validation.date');
const endAfterStart = (v: { start?: string; end?: string; opens?: string; closes?: string }) => (v.end ?? v.closes ?? '') > (v.start ?? v.opens ?? '');

const offerDate = z.object({ date: day(), start: time(), end: time() }).refine(endAfterStart, { message: 'validation.offer_end_before_start', path: ['end'] });
const openingSlot = z
  .object({ weekday: z.number().int().min(1).max(7), opens: time(), closes: time() })
  .refine(endAfterStart, { message: 'validation.offer_end_before_start', path: ['closes'] });

/** The frequencies a recurrence may have: nothing finer than daily (an hourly rule would flood every feed). */
const allowedFrequencies = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]);

const weekdayList = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)(,([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU))*$/;
const numberList = /^[+-]?\d{1,3}(,[+-]?\d{1,3})*$/;
/** The parts a rule may have, each with the form of its value (RFC 5545, 3.3.10); no DTSTART, no BYHOUR. */
const rulePart: Record<string, RegExp> = {
  FREQ: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  INTERVAL: /^\d{1,2}$/,
  COUNT: /^\d{1,4}$/,
  UNTIL: /^\d{8}(T\d{6}Z?)?$/,
  BYDAY: weekdayList,
  BYMONTHDAY: numberList,
  BYMONTH: numberList,
  BYSETPOS: numberList,
  WKST: /^(MO|TU|WE|TH|FR|SA|SU)$/,
};

/** An RRULE (RFC 5545) without DTSTART, e.g. "FREQ=WEEKLY;BYDAY=TU": readable by the rrule library and not too fine. */
export function isValidRrule(rule: string): boolean {
  if (rule.length > 500) return false;
  const body = rule.replace(/^RRULE:/i, '').toUpperCase();
  const parts = body.split(';').map((p) => p.split('='));
  if (!parts.every((p) => p.length === 2 && rulePart[p[0]!]?.test(p[1]!)) || !parts.some((p) => p[0] === 'FREQ')) return false;
  try {
    const options = RRule.parseString(body);
    return options.freq !== undefined && allowedFrequencies.has(options.freq) && (options.interval ?? 1) >= 1 && (options.interval ?? 1) <= 52;
  } catch {
    return false;
  }
}

export const scheduleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('termine'), dates: z.array(offerDate).min(1, 'validation.offer_dates_required').max(100) }),
    z
      .object({
        kind: z.literal('wiederkehrend'),
        rrule: z.string().refine(isValidRrule, 'validation.offer_rrule').transform((r) => r.replace(/^RRULE:/i, '').toUpperCase()),
        firstDate: day(),
        start: time(),
        end: time(),
        exceptions: z.array(day()).max(200).default([]),
      })
      .refine(endAfterStart, { message: 'validation.offer_end_before_start', path: ['end'] }),
    z.object({ kind: z.literal('oeffnungszeiten'), slots: z.array(openingSlot).min(1, 'validation.offer_slots_required').max(28) }),
    z.object({ kind: z.literal('nach_vereinbarung') }),
  ],
  { error: 'validation.invalid_choice' },
);

/** One time an offer takes place: the instants, and the local date and times as people read them. */
export interface Occurrence {
  start: Date;
  end: Date;
  date: string;
  startTime: string;
  endTime: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Made once: constructing an Intl.DateTimeFormat costs ~100× a formatToParts call (the directory made one per occurrence). */
const berlinClock = new Intl.DateTimeFormat('en-US', { timeZone: offerTimeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });

const offsetByHour = new Map<number, number>();
/**
 * The offset of Europe/Berlin from UTC at this instant, in minutes (60 in winter, 120 in summer).
 * It changes only at full UTC hours (01:00 UTC since 1980), so it is kept per hour: formatToParts
 * for every occurrence of every offer was a tenth of the offer directory's render time (issue 9).
 */
function berlinOffsetMinutes(at: Date): number {
  const hour = Math.floor(at.getTime() / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    if (offsetByHour.size > 50_000) offsetByHour.clear();
    offsetByHour.set(hour, (offset = offsetAt(new Date(hour * 3_600_000))));
  }
  return offset;
}

function offsetAt(at: Date): number {
  const parts = berlinClock.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant of a wall-clock time in Germany. A time that does not exist (02:30 on the night the
 * clocks go forward) is taken as the same clock time after the change (03:30 CEST).
 */
export function berlinInstant(date: string, hhmm: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = hhmm.split(':').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!, h!, min!);
  let offset = berlinOffsetMinutes(new Date(wall - 60 * 60_000));
  let instant = wall - offset * 60_000;
  const actual = berlinOffsetMinutes(new Date(instant));
  if (actual !== offset) {
    offset = actual;
    instant = wall - offset * 60_000;
  }
  return new Date(instant);
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7) + 1;
}

const occurrence = (date: string, startTime: string, endTime: string): Occurrence => ({
  start: berlinInstant(date, startTime),
  end: berlinInstant(date, endTime),
  date,
  startTime,
  endTime,
});

/**
 * The recurrence expanded in "floating" time: rrule computes on dates whose UTC fields are the
 * wall-clock fields, so 15:00 stays 15:00 across the change to and from summer time; each date is
 * then placed in Europe/Berlin (berlinInstant).
 */
const expanded = new Map<string, readonly string[]>();
const expandedAtMost = 5_000;

/**
 * The local dates of a recurrence between two dates (both included), without its exceptions.
 * Expanding a rule is the offer calendar's largest cost and gives the same dates for the same
 * rule and days all day long, so expansions are kept, keyed by everything they read (issue 9).
 */
function recurringDates(s: Extract<Schedule, { kind: 'wiederkehrend' }>, from: string, to: string): readonly string[] {
  const key = JSON.stringify([s.rrule, s.firstDate, s.exceptions, from, to]);
  let dates = expanded.get(key);
  if (!dates) {
    if (expanded.size >= expandedAtMost) expanded.clear();
    expanded.set(key, (dates = expandRule(s, from, to)));
  }
  return dates;
}

function expandRule(s: Extract<Schedule, { kind: 'wiederkehrend' }>, from: string, to: string): string[] {
  const [y, m, d] = s.firstDate.split('-').map(Number);
  const options = RRule.parseString(s.rrule);
  const rule = new RRule({ ...options, dtstart: new Date(Date.UTC(y!, m! - 1, d!, 12, 0)), tzid: null });
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const skip = new Set(s.exceptions);
  return rule
    .between(new Date(Date.UTC(fy!, fm! - 1, fd!, 0, 0)), new Date(Date.UTC(ty!, tm! - 1, td!, 23, 59)), true)
    .map((x) => `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())}`)
    .filter((date) => !skip.has(date));
}

/** Every time the offer takes place between two local dates (both included), in order. */
export function occurrencesBetween(schedule: Schedule, from: string, to: string): Occurrence[] {
  switch (schedule.kind) {
    case 'termine':
      return schedule.dates
        .filter((x) => x.date >= from && x.date <= to)
        .map((x) => occurrence(x.date, x.start, x.end))
        .sort((a, b) => a.start.getTime() - b.start.getTime());
    case 'wiederkehrend':
      return recurringDates(schedule, from, to).map((date) => occurrence(date, schedule.start, schedule.end));
    case 'oeffnungszeiten': {
      const out: Occurrence[] = [];
      for (let date = from; date <= to; date = addDays(date, 1)) {
        const weekday = isoWeekday(date);
        for (const slot of sortedSlots(schedule.slots)) if (slot.weekday === weekday) out.push(occurrence(date, slot.opens, slot.closes));
      }
      return out;
    }
    case 'nach_vereinbarung':
      return [];
  }
}

export const sortedSlots = (slots: OpeningSlot[]) => [...slots].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
export const sortedDates = (dates: OfferDate[]) => [...dates].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));

/** ISO weekdays the offer takes place on (for the weekday filter); empty for "nach Vereinbarung". */
export function weekdaysOf(schedule: Schedule): number[] {
  switch (schedule.kind) {
    case 'termine':
      return [...new Set(schedule.dates.map((x) => isoWeekday(x.date)))].sort();
    case 'oeffnungszeiten':
      return [...new Set(schedule.slots.map((x) => x.weekday))].sort();
    case 'wiederkehrend': {
      const days = RRule.parseString(schedule.rrule).byweekday;
      const list = days == null ? [] : Array.isArray(days) ? days : [days];
      if (list.length === 0) {
        // FREQ=DAILY without BYDAY is every day; otherwise the rule repeats the first date's weekday.
        return RRule.parseString(schedule.rrule).freq === RRule.DAILY ? [1, 2, 3, 4, 5, 6, 7] : [isoWeekday(schedule.firstDate)];
      }
      // rrule numbers Monday 0 … Sunday 6 (a Weekday object, a plain number or a string like "TU").
      const index = (w: unknown) => (typeof w === 'number' ? w : typeof w === 'string' ? ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].indexOf(w) : (w as { weekday: number }).weekday);
      return [...new Set(list.map((w) => index(w) + 1))].sort();
    }
    case 'nach_vereinbarung':
      return [];
  }
}

/** The times of one local date (e.g. today) and the next time from `now` on within a year. */
export interface Upcoming {
  today: Occurrence[];
  next: Occurrence | null;
}

/**
 * What the directory says about an offer at `now`: its times today and the next one that has not
 * ended. A temporarily closed offer has none until it reopens (`reopensOn`, if known).
 */
export function upcoming(schedule: Schedule, now: Date, today: string, closed: { temporarilyClosed: boolean; reopensOn: string | null }): Upcoming {
  const from = closed.temporarilyClosed ? (closed.reopensOn && closed.reopensOn > today ? closed.reopensOn : null) : today;
  if (from === null) return { today: [], next: null };
  // The next five weeks first: a weekly offer's next time is there, and a daily one need not be
  // expanded 400 times. The later window continues the first, so the first match is the same.
  const notEnded = (o: Occurrence) => o.end.getTime() > now.getTime();
  const near = occurrencesBetween(schedule, from, addDays(from, 35));
  return {
    today: near.filter((o) => o.date === today),
    next: near.find(notEnded) ?? occurrencesBetween(schedule, addDays(from, 36), addDays(from, 400)).find(notEnded) ?? null,
  };
}
