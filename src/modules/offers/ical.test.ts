import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { offersCalendar } from './ical.js';
import type { PublicOffer } from './public-data.js';

// The calendar file writes an offer's own lines once for all its events (issue 9.2); every line is
// still folded at 75 octets without cutting a UTF-8 sequence, and reads back as written.
describe('iCalendar der Angebote', () => {
  const offer = (o: Partial<PublicOffer>): PublicOffer =>
    ({
      id: '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f', title: 'Café', description: '', street: '', postalCode: '', city: '', latitude: null, longitude: null,
      schedule: { kind: 'wiederkehrend', rrule: 'FREQ=WEEKLY;BYDAY=TU', firstDate: '2026-03-03', start: '15:00', end: '17:00', exceptions: [] },
      temporarilyClosed: false, reopensOn: null, ...o,
    }) as PublicOffer;
  const calendar = (offers: PublicOffer[]) =>
    offersCalendar({ name: 'Landkreis Musterland: Angebote', offers, from: '2026-03-01', days: 20, url: (id) => `https://ikon.example.org/k/musterland/angebote/${id}`, host: 'ikon.example.org', now: new Date('2026-03-01T10:11:12.345Z') });

  test('lines of at most 75 octets, never cut inside a character; unfolded, each event carries its offer’s text', () => {
    const title = `${'Ä'.repeat(40)}; Frühstück, Straße \\ ${'€'.repeat(30)}`;
    const description = `Erste Zeile\nzweite Zeile ${'ü'.repeat(80)}`;
    const text = calendar([offer({ title, description, street: 'Hauptstraße 1', postalCode: '12345', city: 'Heidewald', latitude: 52.1, longitude: 9.2 }), offer({ id: '00000000-0000-4000-8000-000000000001', title: 'Kurz' })]);
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    for (const line of text.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
      assert.ok(!line.includes('\uFFFD'), 'no character cut');
    }
    const unfolded = text.replace(/\r\n /g, '').split('\r\n');
    const events = unfolded.join('\n').split('BEGIN:VEVENT\n').slice(1);
    assert.equal(events.length, 3 + 3, 'three Tuesdays (before the clocks change) for each offer');
    const first = events.filter((e) => e.includes('UID:6f1c2d3e'));
    assert.equal(first.length, 3);
    for (const e of first) {
      assert.ok(e.includes(`\nSUMMARY:${'Ä'.repeat(40)}\\; Frühstück\\, Straße \\\\ ${'€'.repeat(30)}\n`), 'escaped title');
      assert.ok(e.includes(`\nDESCRIPTION:Erste Zeile\\nzweite Zeile ${'ü'.repeat(80)}\n`), 'escaped description');
      assert.ok(e.includes('\nLOCATION:Hauptstraße 1\\, 12345 Heidewald\nGEO:52.1;9.2\nURL:https://ikon.example.org/k/musterland/angebote/6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f\nEND:VEVENT'));
      assert.match(e, /^UID:6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f-2026-03-\d\d-1500@ikon\.example\.org\nDTSTAMP:20260301T101112Z\nDTSTART:202603\d\dT140000Z\nDTEND:202603\d\dT160000Z\n/);
    }
    assert.equal(events.filter((e) => e.includes('SUMMARY:Kurz')).length, 3, 'the second offer’s own lines, not the first’s');
  });
});
