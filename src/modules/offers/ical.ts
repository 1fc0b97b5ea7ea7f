import { addDays } from '../../platform/dates.js';
import { occurrencesBetween } from './schedule.js';
import type { PublicOffer } from './public-data.js';

/**
 * iCalendar (RFC 5545) of published offers: one VEVENT per time in a window, in UTC, so every
 * calendar shows the right local time without a VTIMEZONE (the expansion already placed each
 * time in Europe/Berlin, across the daylight-saving change). Lines are folded at 75 octets.
 */
const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
/** 2026-12-01T10:00:00.000Z → 20261201T100000Z. */
const stamp = (d: Date) => {
  const iso = d.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
};

function fold(line: string): string {
  // Most lines are short: counting their bytes needs no copy of them.
  if (line.length <= 25 || Buffer.byteLength(line, 'utf8') <= 75) return line;
  const bytes = Buffer.from(line, 'utf8');
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
  const dtstamp = `DTSTAMP:${stamp(p.now)}`;
  let count = 0;
  // Lines are folded as they are added; an offer's own lines (the same in each of its events, up to
  // 90 of them) are escaped and folded once (issue 9.2: the calendar was among the crawl's slowest routes).
  const events: string[] = [];
  for (const o of p.offers) {
    if (o.temporarilyClosed && !o.reopensOn) continue;
    const from = o.temporarilyClosed && o.reopensOn && o.reopensOn > p.from ? o.reopensOn : p.from;
    const location = [o.street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    let offerLines: string | undefined;
    for (const occ of occurrencesBetween(o.schedule, from, to)) {
      if (p.maxEvents !== undefined && count >= p.maxEvents) break;
      count += 1;
      offerLines ??= [
        `SUMMARY:${escape(o.title)}`,
        ...(o.description ? [`DESCRIPTION:${escape(o.description)}`] : []),
        ...(location ? [`LOCATION:${escape(location)}`] : []),
        ...(o.latitude != null && o.longitude != null ? [`GEO:${o.latitude};${o.longitude}`] : []),
        `URL:${p.url(o.id)}`,
        'END:VEVENT',
      ]
        .map(fold)
        .join('\r\n');
      events.push(
        `BEGIN:VEVENT\r\n${fold(`UID:${o.id}-${occ.date}-${occ.startTime.replace(':', '')}@${p.host}`)}\r\n${dtstamp}\r\nDTSTART:${stamp(occ.start)}\r\nDTEND:${stamp(occ.end)}\r\n${offerLines}`,
      );
    }
  }
  return [...lines.map(fold), ...events, 'END:VCALENDAR'].join('\r\n') + '\r\n';
}
