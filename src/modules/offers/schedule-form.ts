import type { FieldError } from '../../platform/errors.js';
import { isCalendarDate } from '../../platform/dates.js';
import { hasForbiddenCharacters } from '../../platform/validation.js';
import { isValidRrule, sortedDates, sortedSlots } from './schedule.js';
import type { Schedule, ScheduleKind } from './schema.js';
import { scheduleKinds } from './schema.js';

/**
 * The offer form's schedule, as plain HTML fields that work without JavaScript: one-off dates one
 * per line, a recurrence from a few choices (turned into an RRULE), weekly opening hours as two
 * slots per weekday. The API and the import send the schedule object itself.
 */

export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const recurFrequencies = ['weekly', 'biweekly', 'monthly', 'custom'] as const;
export const monthWeeks = ['1', '2', '3', '4', '-1'] as const;
export const slotsPerDay = 2;

export const hoursField = (weekday: number, slot: number, edge: 'opens' | 'closes') => `hours_${weekday}_${slot}_${edge}`;

const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v.at(-1) ?? '') : v == null ? '' : String(v)).trim();
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : v == null || v === '' ? [] : [String(v)]);

/** "15:00", "9:30", "15.00", "15 Uhr" → "15:00"; anything else null. */
export function readTime(raw: string): string | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?(?:\s*Uhr)?$/i.exec(raw.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  return h <= 23 && min <= 59 ? `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` : null;
}

/** "12.01.2027", "12.1.27" is not accepted (two-digit years are ambiguous); "2027-01-12" is. */
export function readDate(raw: string): string | null {
  const s = raw.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : s;
  return isCalendarDate(iso) ? iso : null;
}

const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** One line of the dates field: "12.01.2027 15:00–17:00" (hyphen, en dash or "bis"). */
function readDateLine(line: string): { date: string; start: string; end: string } | null {
  const m = /^(\S+)\s*,?\s+(\S+(?:\s*Uhr)?)\s*(?:-|–|—|bis)\s*(\S+(?:\s*Uhr)?)$/i.exec(line.trim());
  if (!m) return null;
  const date = readDate(m[1]!);
  const start = readTime(m[2]!);
  const end = readTime(m[3]!);
  return date && start && end ? { date, start, end } : null;
}

function datesList(raw: string, field: string, errors: FieldError[], max: number): string[] {
  const out: string[] = [];
  raw.split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean).forEach((s, i) => {
    const d = readDate(s);
    if (d) out.push(d);
    else if (!errors.some((e) => e.field === field)) errors.push({ field, messageKey: 'validation.offer_date_in_list', params: { line: i + 1 } });
  });
  if (out.length > max) errors.push({ field, messageKey: 'validation.too_big', params: { max } });
  return [...new Set(out)].sort();
}

/** The schedule the form describes, or the problems with its fields (by the form's field names). */
export function scheduleFromForm(values: Record<string, unknown>): { schedule?: Schedule; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kind = text(values.scheduleKind) as ScheduleKind;
  const textFields = Object.entries(values).filter(([k]) => k.startsWith('recur') || k.startsWith('hours_') || k === 'dateLines');
  for (const [k, v] of textFields) {
    const s = list(v).join('\n');
    if (s.length > 10_000) errors.push({ field: k, messageKey: 'validation.too_big', params: { max: 10_000 } });
    else if (hasForbiddenCharacters(s)) errors.push({ field: k, messageKey: 'validation.control_characters' });
  }
  if (errors.length) return { errors };
  if (!scheduleKinds.includes(kind)) return { errors: [{ field: 'scheduleKind', messageKey: 'validation.invalid_choice' }] };
  switch (kind) {
    case 'nach_vereinbarung':
      return { schedule: { kind }, errors };
    case 'termine': {
      const lines = text(values.dateLines).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      if (lines.length === 0) return { errors: [{ field: 'dateLines', messageKey: 'validation.offer_dates_required' }] };
      if (lines.length > 100) return { errors: [{ field: 'dateLines', messageKey: 'validation.too_big', params: { max: 100 } }] };
      const dates = [];
      for (const [i, line] of lines.entries()) {
        const d = readDateLine(line);
        if (!d) return { errors: [{ field: 'dateLines', messageKey: 'validation.offer_date_line', params: { line: i + 1 } }] };
        if (d.end <= d.start) return { errors: [{ field: 'dateLines', messageKey: 'validation.offer_date_line_order', params: { line: i + 1 } }] };
        dates.push(d);
      }
      return { schedule: { kind, dates: sortedDates(dates) }, errors };
    }
    case 'oeffnungszeiten': {
      const slots = [];
      for (let weekday = 1; weekday <= 7; weekday++) {
        for (let slot = 1; slot <= slotsPerDay; slot++) {
          const opensRaw = text(values[hoursField(weekday, slot, 'opens')]);
          const closesRaw = text(values[hoursField(weekday, slot, 'closes')]);
          if (!opensRaw && !closesRaw) continue;
          const opens = readTime(opensRaw);
          const closes = readTime(closesRaw);
          if (!opens) errors.push({ field: hoursField(weekday, slot, 'opens'), messageKey: 'validation.offer_time' });
          if (!closes) errors.push({ field: hoursField(weekday, slot, 'closes'), messageKey: 'validation.offer_time' });
          if (opens && closes && closes <= opens) errors.push({ field: hoursField(weekday, slot, 'closes'), messageKey: 'validation.offer_end_before_start' });
          if (opens && closes) slots.push({ weekday, opens, closes });
        }
      }
      if (errors.length) return { errors };
      if (slots.length === 0) return { errors: [{ field: 'scheduleKind', messageKey: 'validation.offer_slots_required' }] };
      return { schedule: { kind, slots: sortedSlots(slots) }, errors };
    }
    case 'wiederkehrend': {
      const frequency = text(values.recurFrequency);
      const days = list(values.recurWeekdays).filter((d) => (weekdayCodes as readonly string[]).includes(d));
      const firstDate = readDate(text(values.recurFirstDate));
      const until = text(values.recurUntil) ? readDate(text(values.recurUntil)) : undefined;
      const start = readTime(text(values.recurStart));
      const end = readTime(text(values.recurEnd));
      if (!firstDate) errors.push({ field: 'recurFirstDate', messageKey: text(values.recurFirstDate) ? 'validation.date' : 'validation.required' });
      if (until === null) errors.push({ field: 'recurUntil', messageKey: 'validation.date' });
      if (firstDate && until && until < firstDate) errors.push({ field: 'recurUntil', messageKey: 'validation.offer_until_before_first' });
      if (!start) errors.push({ field: 'recurStart', messageKey: text(values.recurStart) ? 'validation.offer_time' : 'validation.required' });
      if (!end) errors.push({ field: 'recurEnd', messageKey: text(values.recurEnd) ? 'validation.offer_time' : 'validation.required' });
      if (start && end && end <= start) errors.push({ field: 'recurEnd', messageKey: 'validation.offer_end_before_start' });
      const exceptions = datesList(text(values.recurExceptions), 'recurExceptions', errors, 200);
      let rule = '';
      if (frequency === 'custom') {
        rule = text(values.recurRule).toUpperCase().replace(/^RRULE:/, '');
        if (!isValidRrule(rule)) errors.push({ field: 'recurRule', messageKey: 'validation.offer_rrule' });
      } else if (frequency === 'weekly' || frequency === 'biweekly') {
        if (days.length === 0) errors.push({ field: 'recurWeekdays', messageKey: 'validation.offer_weekday_required' });
        rule = `FREQ=WEEKLY${frequency === 'biweekly' ? ';INTERVAL=2' : ''};BYDAY=${days.join(',')}`;
      } else if (frequency === 'monthly') {
        const week = text(values.recurMonthWeek);
        if (days.length !== 1) errors.push({ field: 'recurWeekdays', messageKey: 'validation.offer_one_weekday' });
        if (!(monthWeeks as readonly string[]).includes(week)) errors.push({ field: 'recurMonthWeek', messageKey: 'validation.invalid_choice' });
        rule = `FREQ=MONTHLY;BYDAY=${week}${days[0] ?? 'MO'}`;
      } else {
        errors.push({ field: 'recurFrequency', messageKey: 'validation.invalid_choice' });
      }
      if (until && rule && !/UNTIL|COUNT/.test(rule)) rule += `;UNTIL=${until.replaceAll('-', '')}T235959Z`;
      if (errors.length) return { errors };
      return { schedule: { kind, rrule: rule, firstDate: firstDate!, start: start!, end: end!, exceptions }, errors };
    }
  }
}

/** The form's fields for a saved schedule (to edit it). */
export function scheduleFormValues(schedule: Schedule): Record<string, unknown> {
  const values: Record<string, unknown> = { scheduleKind: schedule.kind };
  switch (schedule.kind) {
    case 'termine':
      values.dateLines = sortedDates(schedule.dates).map((d) => `${germanDate(d.date)} ${d.start}–${d.end}`).join('\n');
      break;
    case 'oeffnungszeiten': {
      const used = new Map<number, number>();
      for (const s of sortedSlots(schedule.slots)) {
        const slot = (used.get(s.weekday) ?? 0) + 1;
        used.set(s.weekday, slot);
        if (slot > slotsPerDay) continue;
        values[hoursField(s.weekday, slot, 'opens')] = s.opens;
        values[hoursField(s.weekday, slot, 'closes')] = s.closes;
      }
      break;
    }
    case 'wiederkehrend': {
      Object.assign(values, { recurFirstDate: schedule.firstDate, recurStart: schedule.start, recurEnd: schedule.end, recurExceptions: schedule.exceptions.map(germanDate).join('\n') });
      const simple = simpleRule(schedule.rrule);
      if (simple) Object.assign(values, simple);
      else Object.assign(values, { recurFrequency: 'custom', recurRule: schedule.rrule });
      break;
    }
    case 'nach_vereinbarung':
      break;
  }
  return values;
}

/** The form's choices for a rule the form can write itself; null for any other rule. */
function simpleRule(rule: string): Record<string, unknown> | null {
  const parts = Object.fromEntries(rule.split(';').map((p) => p.split('=') as [string, string]));
  const keys = Object.keys(parts).filter((k) => k !== 'UNTIL');
  const until = parts.UNTIL && /^\d{8}/.test(parts.UNTIL) ? `${parts.UNTIL.slice(0, 4)}-${parts.UNTIL.slice(4, 6)}-${parts.UNTIL.slice(6, 8)}` : '';
  const base = until ? { recurUntil: until } : {};
  if (parts.FREQ === 'WEEKLY' && parts.BYDAY && /^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/.test(parts.BYDAY)) {
    const interval = parts.INTERVAL ?? '1';
    if ((interval === '1' || interval === '2') && keys.every((k) => ['FREQ', 'BYDAY', 'INTERVAL'].includes(k))) {
      return { ...base, recurFrequency: interval === '2' ? 'biweekly' : 'weekly', recurWeekdays: parts.BYDAY.split(',') };
    }
  }
  const monthly = parts.FREQ === 'MONTHLY' && parts.BYDAY ? /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(parts.BYDAY.replace(/^\+/, '')) : null;
  if (monthly && keys.every((k) => ['FREQ', 'BYDAY'].includes(k))) return { ...base, recurFrequency: 'monthly', recurMonthWeek: monthly[1], recurWeekdays: [monthly[2]] };
  return null;
}
