import { germanDate } from '../../platform/i18n/german.js';
import { readDate, readTime } from './schedule-form.js';
import { sortedDates, sortedSlots } from './schedule.js';
import type { Schedule } from './schema.js';

/**
 * An offer's times in one spreadsheet cell, written so a person can read and edit them and the
 * import reads them back exactly:
 *   nach Vereinbarung
 *   Termine: 12.01.2027 15:00–17:00; 19.01.2027 15:00–17:00
 *   Öffnungszeiten: Mo 09:00–12:00, 14:00–16:00; Di 09:00–12:00
 *   Regel: FREQ=WEEKLY;BYDAY=TU | ab 06.01.2026 | 15:00–17:00 | ohne 13.01.2026, 20.01.2026
 * Checking the values (end after start, valid rule) is the offer input's job, as for the form.
 */
const dayNames = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];
const span = (a: string, b: string) => `${a}–${b}`;

export function scheduleCell(s: Schedule): string {
  switch (s.kind) {
    case 'nach_vereinbarung':
      return 'nach Vereinbarung';
    case 'termine':
      return `Termine: ${sortedDates(s.dates).map((d) => `${germanDate(d.date)} ${span(d.start, d.end)}`).join('; ')}`;
    case 'oeffnungszeiten': {
      const days = new Map<number, string[]>();
      for (const slot of sortedSlots(s.slots)) days.set(slot.weekday, [...(days.get(slot.weekday) ?? []), span(slot.opens, slot.closes)]);
      return `Öffnungszeiten: ${[...days].map(([d, spans]) => `${dayNames[d - 1]} ${spans.join(', ')}`).join('; ')}`;
    }
    case 'wiederkehrend': {
      const parts = [`Regel: ${s.rrule}`, `ab ${germanDate(s.firstDate)}`, span(s.start, s.end)];
      if (s.exceptions.length) parts.push(`ohne ${[...s.exceptions].sort().map(germanDate).join(', ')}`);
      return parts.join(' | ');
    }
  }
}

const spanPattern = /^(\S+?)\s*(?:-|–|—|bis)\s*(\S+)$/i;
const readSpan = (text: string) => {
  const m = spanPattern.exec(text.trim());
  const start = m ? readTime(m[1]!) : null;
  const end = m ? readTime(m[2]!) : null;
  return start && end ? { start, end } : null;
};

/** The schedule a cell describes, or why it cannot be read (catalog key). Blank is no schedule. */
export function readScheduleCell(text: string): { schedule: Schedule } | { problem: string } {
  const v = text.trim().replace(/\s+/g, ' ');
  const bad = { problem: 'offers.import.error.schedule' };
  if (/^nach vereinbarung$/i.test(v)) return { schedule: { kind: 'nach_vereinbarung' } };
  const body = (prefix: RegExp) => (prefix.test(v) ? v.replace(prefix, '').trim() : undefined);
  const termine = body(/^termine?\s*:/i);
  if (termine !== undefined) {
    const dates = [];
    for (const item of termine.split(';').map((x) => x.trim()).filter(Boolean)) {
      const m = /^(\S+)\s+(.+)$/.exec(item);
      const date = m ? readDate(m[1]!) : null;
      const times = m ? readSpan(m[2]!) : null;
      if (!date || !times) return bad;
      dates.push({ date, ...times });
    }
    return dates.length ? { schedule: { kind: 'termine', dates: sortedDates(dates) } } : bad;
  }
  const hours = body(/^(öffnungszeiten|oeffnungszeiten)\s*:/i);
  if (hours !== undefined) {
    const slots = [];
    for (const item of hours.split(';').map((x) => x.trim()).filter(Boolean)) {
      const m = /^(\S{2})\.?\s+(.+)$/.exec(item);
      const weekday = m ? dayNames.findIndex((d) => d.toLowerCase() === m[1]!.toLowerCase()) + 1 : 0;
      if (!weekday) return bad;
      for (const s of m![2]!.split(',')) {
        const times = readSpan(s);
        if (!times) return bad;
        slots.push({ weekday, opens: times.start, closes: times.end });
      }
    }
    return slots.length ? { schedule: { kind: 'oeffnungszeiten', slots: sortedSlots(slots) } } : bad;
  }
  const rule = body(/^regel\s*:/i);
  if (rule !== undefined) {
    const [rrule, from, times, except] = rule.split('|').map((x) => x.trim());
    const firstDate = from ? readDate(from.replace(/^ab\s+/i, '')) : null;
    const span = times ? readSpan(times) : null;
    if (!rrule || !firstDate || !span) return bad;
    const exceptions = except ? except.replace(/^ohne\s+/i, '').split(',').map((x) => readDate(x.trim())) : [];
    if (exceptions.some((d) => !d)) return bad;
    return { schedule: { kind: 'wiederkehrend', rrule, firstDate, start: span.start, end: span.end, exceptions: (exceptions as string[]).sort() } };
  }
  return bad;
}
