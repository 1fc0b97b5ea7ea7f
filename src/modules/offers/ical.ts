import { addDays } from '../../platform/dates.js';
import { occurrencesBetween } from './schedule.js';
import type { PublicOffer } from './public-data.js';

/**
 * iCalendar (RFC 5545) of published offers: one VEVENT per time in a window, in UTC, so every
 * calendar shows the right local time without a VTIMEZONE (the expansion already placed each
 * time in Europe/Berlin, across the daylight-saving change). Lines are folded at 75 octets.
 */
const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    // Never cut a UTF-8 sequence: step back over continuation bytes.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end -= 1;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}

export function offersCalendar(p: { name: string; offers: PublicOffer[]; from: string; days: number; url: (id: string) => string; host: string; now: Date; maxEvents?: number }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//ikon//Angebote//DE', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escape(p.name)}`, 'X-WR-TIMEZONE:Europe/Berlin'];
  const to = addDays(p.from, p.days);
  let count = 0;
  for (const o of p.offers) {
    if (o.temporarilyClosed && !o.reopensOn) continue;
    const from = o.temporarilyClosed && o.reopensOn && o.reopensOn > p.from ? o.reopensOn : p.from;
    const location = [o.street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    for (const occ of occurrencesBetween(o.schedule, from, to)) {
      if (p.maxEvents !== undefined && count >= p.maxEvents) break;
      count += 1;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${o.id}-${occ.date}-${occ.startTime.replace(':', '')}@${p.host}`,
        `DTSTAMP:${stamp(p.now)}`,
        `DTSTART:${stamp(occ.start)}`,
        `DTEND:${stamp(occ.end)}`,
        `SUMMARY:${escape(o.title)}`,
        ...(o.description ? [`DESCRIPTION:${escape(o.description)}`] : []),
        ...(location ? [`LOCATION:${escape(location)}`] : []),
        ...(o.latitude != null && o.longitude != null ? [`GEO:${o.latitude};${o.longitude}`] : []),
        `URL:${p.url(o.id)}`,
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
