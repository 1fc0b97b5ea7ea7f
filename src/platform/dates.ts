/**
 * Calendar arithmetic on ISO dates ("2026-11-21"), without time zones: the attention rules speak
 * of days, months and years as people read them from a calendar.
 */

const pad = (n: number) => String(n).padStart(2, '0');

// en-CA formats as YYYY-MM-DD. Made once (toLocaleDateString makes a formatter per call).
const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The calendar date in Germany at this instant (the Kommunen's day, not UTC's). */
export function berlinDate(now: Date): string {
  return berlinDay.format(now);
}

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return [y!, m!, d!];
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 2024-01-31 + 1 month = 2024-02-29 (the day is clamped to the month's last day); n may be negative. */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

export const addYears = (iso: string, n: number) => addMonths(iso, 12 * n);

export function addDays(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Whole calendar months from `from` to `to` (a month counts once its day has come round). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1] = parts(from);
  const [y2, m2] = parts(to);
  let n = (y2 - y1) * 12 + (m2 - m1);
  if (addMonths(from, n) > to) n -= 1;
  return n;
}

/** Today in Germany as YYYY-MM-DD. */
export const todayInGermany = (now: Date = new Date()) => berlinDate(now);

/** "2026-02-28" yes; "2026-02-30", "2026-13-01", "0000-01-01" no: only dates PostgreSQL's date type and a calendar both know (years 1000–9999). */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * The instant something dated "valid until 2027-11-30" (an API-Zugang, a partner link) stops working: midnight in Germany at the end
 * of that day (the offset is +01:00 or +02:00; the one that lands on midnight there is right).
 */
export function endOfBerlinDay(day: string): Date {
  const next = addDays(day, 1);
  const candidates = ['+01:00', '+02:00'].map((offset) => new Date(`${next}T00:00:00${offset}`));
  return candidates.find((d) => berlinDate(d) === next && berlinDate(new Date(d.getTime() - 1)) === day) ?? candidates[0]!;
}
