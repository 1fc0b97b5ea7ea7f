import { formatDate, formatterPerLang, type Lang, type T } from '../../../platform/i18n/i18n.js';
import { sortedDates, sortedSlots } from '../schedule.js';
import type { Schedule } from '../schema.js';
import { rrulePackage } from '../rrule.js';

const { RRule } = rrulePackage;

/** Weekday names in a language, from CLDR; 1 = Monday (2024-01-01 was a Monday). */
const weekdayFormats = { long: formatterPerLang((l) => new Intl.DateTimeFormat(l, { weekday: 'long', timeZone: 'UTC' })), short: formatterPerLang((l) => new Intl.DateTimeFormat(l, { weekday: 'short', timeZone: 'UTC' })) };
export function weekdayName(lang: Lang, weekday: number, width: 'long' | 'short' = 'long'): string {
  return weekdayFormats[width](lang).format(new Date(Date.UTC(2024, 0, weekday)));
}

const listFormats = formatterPerLang((l) => new Intl.ListFormat(l, { style: 'long', type: 'conjunction' }));
const listOf = (lang: Lang, items: string[]) => listFormats(lang).format(items);
const span = (start: string, end: string) => `${start}–${end}`;

/**
 * The schedule as one line people read ("jeden Dienstag, 15:00–17:00"), in the page's language:
 * weekday names and lists come from CLDR, the sentence frames from the catalog.
 */
export function scheduleSummary(t: T, lang: Lang, s: Schedule): string {
  switch (s.kind) {
    case 'nach_vereinbarung':
      return t('offer.schedule.appointment');
    case 'termine':
      return sortedDates(s.dates).map((d) => `${formatDate(lang, d.date)}, ${span(d.start, d.end)}`).join('; ');
    case 'oeffnungszeiten': {
      const byDay = new Map<number, string[]>();
      for (const slot of sortedSlots(s.slots)) byDay.set(slot.weekday, [...(byDay.get(slot.weekday) ?? []), span(slot.opens, slot.closes)]);
      return [...byDay].map(([day, spans]) => `${weekdayName(lang, day, 'short')} ${spans.join(', ')}`).join('; ');
    }
    case 'wiederkehrend': {
      const o = RRule.parseString(s.rrule);
      const days = (o.byweekday == null ? [] : Array.isArray(o.byweekday) ? o.byweekday : [o.byweekday]) as unknown[];
      const dayOf = (w: unknown) => (typeof w === 'number' ? { weekday: w, n: undefined } : (w as { weekday: number; n?: number }));
      const times = span(s.start, s.end);
      const names = days.map((w) => weekdayName(lang, dayOf(w).weekday + 1));
      const interval = o.interval ?? 1;
      if (o.freq === RRule.WEEKLY && names.length && interval <= 2) return t(interval === 2 ? 'offer.schedule.biweekly' : 'offer.schedule.weekly', { weekdays: listOf(lang, names), times });
      const nth = days.length === 1 ? dayOf(days[0]).n : undefined;
      if (o.freq === RRule.MONTHLY && nth !== undefined && interval === 1 && (nth === -1 || (nth >= 1 && nth <= 4))) {
        return t(`offer.schedule.monthly_${nth === -1 ? 'last' : nth}`, { weekday: names[0]!, times });
      }
      return t('offer.schedule.regular', { times });
    }
  }
}
